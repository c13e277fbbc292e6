import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageGlobals } from '../support/e2e/page-globals'
import {
  openPreviewSession,
  SCREENSHOT_DIR,
  waitForHome,
  type PreviewSession,
} from '../support/e2e/preview-session'

let session: PreviewSession

beforeAll(async () => {
  session = await openPreviewSession()
})
afterAll(async () => {
  await session?.close()
})

/** The accessible name of whatever has focus (enough for links, buttons and headings here). */
const focusedName = () =>
  session.page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals
    const element = document.activeElement
    if (!element || element === document.body) return ''
    return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim()
  })

describe('the app shell in the browser preview', () => {
  it('renders the header, the practice marker, the main navigation and the setup home', async () => {
    const { page } = session
    await waitForHome(page, 'Set up a system user')
    const banner = page.getByRole('banner')
    await banner.waitFor({ state: 'visible' })
    expect(await banner.innerText()).toContain('System User Assistant')
    await page.getByText('Practice mode', { exact: true }).first().waitFor({ state: 'visible' })

    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.waitFor({ state: 'visible' })
    for (const name of ['Set up a system user', 'Token vault']) {
      const entry = nav
        .getByRole('link', { name, exact: true })
        .or(nav.getByRole('button', { name, exact: true }))
      expect(await entry.count()).toBe(1)
      expect(await entry.isVisible()).toBe(true)
    }
    expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual([
      'Set up a system user',
    ])
    expect(session.pageErrors).toEqual([])
  })

  it('writes the setup home screenshot at 1280×800', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await waitForHome(session.page, 'Set up a system user')
    const file = join(SCREENSHOT_DIR, 'shell.png')
    await session.page.screenshot({ path: file })
    expect(session.page.viewportSize()).toEqual({ width: 1280, height: 800 })
    expect(statSync(file).size).toBeGreaterThan(10_000)
  })

  it('reaches the token vault with the keyboard only, and moves focus to its heading', async () => {
    const { page } = session
    // Start from the top of the document, as a keyboard user arriving on the page would.
    await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals
      document.activeElement?.blur()
    })
    let reached = false
    for (let press = 0; press < 30 && !reached; press += 1) {
      await page.keyboard.press('Tab')
      reached = (await focusedName()) === 'Token vault'
    }
    expect(reached).toBe(true)
    await page.keyboard.press('Enter')
    await waitForHome(page, 'Token vault')

    const focus = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals
      return {
        tag: document.activeElement?.tagName,
        text: document.activeElement?.textContent?.trim(),
      }
    })
    expect(focus).toEqual({ tag: 'H1', text: 'Token vault' })
    await page
      .getByRole('heading', { name: 'No tokens saved yet', exact: true })
      .waitFor({ state: 'visible' })
    expect(session.pageErrors).toEqual([])
  })

  it('writes the empty vault screenshot at 1280×800', async () => {
    await waitForHome(session.page, 'Token vault')
    const file = join(SCREENSHOT_DIR, 'vault-empty.png')
    await session.page.screenshot({ path: file })
    expect(statSync(file).size).toBeGreaterThan(10_000)
  })
})
