import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFilledVault, type FilledVault, type RecordName } from '../support/e2e/vault-fixture'
import { SCREENSHOT_DIR } from '../support/e2e/preview-session'
import {
  backToList,
  dumpRenderer,
  openRecord,
  seriousViolations,
  tokenCode,
  vaultRows,
} from '../support/e2e/vault-page'

/**
 * The token vault's screens in Chromium (issue 6), practice mode, REAL keychain: list with status
 * words, search, the expiring-soon panel, the timeline and its table, a record's detail, reveal
 * (hidden again after 30 s on the page's fake clock, and on navigation), the admin confirmation,
 * and copy into the preview's in-memory clipboard. vault-actions.e2e.test.ts does the rest.
 */
let vault: FilledVault

beforeAll(async () => {
  vault = await openFilledVault()
}, 90_000)

afterAll(async () => {
  await vault?.close()
})

/** True when any token's value is anywhere in the renderer: DOM, fields or storage. */
async function rendererHoldsAToken(): Promise<string[]> {
  const dump = await dumpRenderer(vault.session.page)
  const text = Object.values(dump).join('\n')
  return (Object.keys(vault.tokens) as RecordName[]).filter((name) =>
    text.includes(vault.tokens[name]),
  )
}

describe('the vault list (issue 6)', () => {
  it('lists every token with its status in words, most urgent first', async () => {
    const { page } = vault.session
    await expect.poll(() => vaultRows(page).count()).toBe(4)
    const rows = await vaultRows(page).allInnerTexts()
    const firstCells = rows.map((row) => row.split('\t')[0]?.trim())
    expect(firstCells).toEqual(['Expired', 'Expiring in 5 days', 'Valid', 'Valid'])
    expect(rows[0]).toContain('Old integration')
    expect(rows[1]).toContain('Nightly export')
    // Fingerprints only: the last 4 characters, never more of the token.
    for (const [name, token] of Object.entries(vault.tokens)) {
      const row = rows.find((text) => text.includes(name))
      expect(row, name).toContain(token.slice(-4))
      expect(row, name).not.toContain(token.slice(-12))
    }
  })

  it('shows the expiring-soon panel and the timeline with its table alternative', async () => {
    const { page } = vault.session
    const soon = page.getByRole('region', { name: 'Expiring soon' })
    await expect.poll(() => soon.innerText()).toContain('Expiring in 5 days')
    expect(await soon.getByRole('button').allInnerTexts()).toEqual(
      expect.arrayContaining([
        'Nightly export — Harbour Lane Bakery',
        'Old integration — Harbour Lane Bakery',
      ]),
    )
    const timeline = page.getByRole('region', { name: 'When tokens expire' })
    expect(await timeline.innerText()).toContain(
      '1 expired, 1 expiring in the next 14 days, 2 later, 0 never expire.',
    )
    await timeline.getByText('Show as a table').click()
    const table = timeline.getByRole('table')
    await table.waitFor()
    const text = await table.innerText()
    expect(text).toMatch(/Expired\s+1/)
    expect(text).toMatch(/Never\s+0/)
  })

  it('searches by system user, label and permission, and filters by status', async () => {
    const { page } = vault.session
    const search = page.getByRole('searchbox', { name: 'Search' })
    await search.fill('Office')
    await expect
      .poll(() => vaultRows(page).allInnerTexts())
      .toEqual([expect.stringContaining('Office admin')])
    await search.fill('nightly')
    await expect
      .poll(() => vaultRows(page).allInnerTexts())
      .toEqual([expect.stringContaining('Nightly export')])
    await search.fill('no such token anywhere')
    await expect.poll(() => vaultRows(page).count()).toBe(0)
    await search.fill('')
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Expired (1)' })
    await expect
      .poll(() => vaultRows(page).allInnerTexts())
      .toEqual([expect.stringContaining('Old integration')])
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All tokens (4)' })
    await expect.poll(() => vaultRows(page).count()).toBe(4)
  })

  it('has no serious or critical axe finding, and looks right (vault-list.png)', async () => {
    const { problems, passes } = await seriousViolations(vault.session.page)
    expect(problems).toEqual([])
    expect(passes).toBeGreaterThan(10)
    // The list itself at the top of the picture (the panel and timeline sit above it).
    await vault.session.page
      .getByRole('heading', { name: 'Saved tokens, most urgent first' })
      .evaluate((heading: { scrollIntoView(options: { block: 'start' }): void }) => {
        heading.scrollIntoView({ block: 'start' })
      })
    await vault.session.page.screenshot({ path: join(SCREENSHOT_DIR, 'vault-list.png') })
  })
})

describe('a token in detail: reveal and copy (issue 6, SEC-10, SEC-18)', () => {
  it('opens offline from the list, masked, without reading the keychain', async () => {
    const { page } = vault.session
    const reads = vault.keychainReads()
    const detail = await openRecord(page, 'Reports server')
    const shown = await tokenCode(detail).innerText()
    expect(shown).toMatch(/^•+[A-Za-z0-9]{4}$/)
    expect(shown.endsWith(vault.tokens['Reports server'].slice(-4))).toBe(true)
    expect(await detail.innerText()).toContain('Read ad reports')
    expect(vault.keychainReads()).toBe(reads)
    expect(await rendererHoldsAToken()).toEqual([])
    const { problems, passes } = await seriousViolations(page)
    expect(problems).toEqual([])
    expect(passes).toBeGreaterThan(10)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'vault-detail.png') })
  })

  it('Copy puts the value on the clipboard in main, never in the page, and says it clears', async () => {
    const { page } = vault.session
    const detail = page.getByRole('region', { name: 'Reports server — Harbour Lane Bakery' })
    const writes = vault.vaultHost.clipboard.secretWrites
    await detail.getByRole('button', { name: 'Copy', exact: true }).click()
    await detail.getByText('Copied — clears from the clipboard in 30 s.').waitFor()
    expect(vault.vaultHost.clipboard.peek()).toBe(vault.tokens['Reports server'])
    // Written as a secret (marked sensitive where the platform can), exactly once.
    expect(vault.vaultHost.clipboard.secretWrites).toBe(writes + 1)
    expect(await rendererHoldsAToken()).toEqual([])
  })

  it('Reveal shows the value, and hides it again after 30 s (fake page clock)', async () => {
    const { page } = vault.session
    // Fake timers from here on: the renderer's own 30 s timer is what hides the value.
    await page.clock.install()
    const detail = page.getByRole('region', { name: 'Reports server — Harbour Lane Bakery' })
    await detail.getByRole('button', { name: 'Show for 30 seconds' }).click()
    await detail.getByRole('button', { name: 'Hide now' }).waitFor()
    expect(await tokenCode(detail).innerText()).toBe(vault.tokens['Reports server'])
    expect(await detail.innerText()).toContain('Hides in 30 s')
    await page.clock.fastForward(25_000)
    expect(await tokenCode(detail).innerText()).toBe(vault.tokens['Reports server'])
    await page.clock.fastForward(6_000)
    await detail.getByRole('button', { name: 'Show for 30 seconds' }).waitFor()
    expect(await tokenCode(detail).innerText()).toMatch(/^•+/)
    expect(await rendererHoldsAToken()).toEqual([])
    // Back in step with main's clock: the renderer shows a value only until main's hidesAt, so a
    // page clock 31 s ahead would hide every later reveal at once.
    await page.clock.setSystemTime(Date.now())
  })

  it('hides a revealed value when the admin navigates away', async () => {
    const { page } = vault.session
    let detail = page.getByRole('region', { name: 'Reports server — Harbour Lane Bakery' })
    await detail.getByRole('button', { name: 'Show for 30 seconds' }).click()
    await detail.getByRole('button', { name: 'Hide now' }).waitFor()
    expect(await rendererHoldsAToken()).toEqual(['Reports server'])
    await backToList(page)
    expect(await rendererHoldsAToken()).toEqual([])
    detail = await openRecord(page, 'Reports server')
    expect(await tokenCode(detail).innerText()).toMatch(/^•+/)
  })

  it('asks before revealing an admin token, and the dialog passes axe', async () => {
    const { page } = vault.session
    await backToList(page)
    const detail = await openRecord(page, 'Office admin')
    await detail.getByRole('button', { name: 'Show for 30 seconds' }).click()
    const dialog = page.getByRole('dialog', { name: 'Show an admin token?' })
    await dialog.waitFor()
    expect(await rendererHoldsAToken()).toEqual([])
    const { problems } = await seriousViolations(page)
    expect(problems).toEqual([])
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await rendererHoldsAToken()).toEqual([])

    await detail.getByRole('button', { name: 'Show for 30 seconds' }).click()
    await dialog.getByRole('button', { name: 'Show it' }).click()
    await detail.getByRole('button', { name: 'Hide now' }).waitFor()
    expect(await tokenCode(detail).innerText()).toBe(vault.tokens['Office admin'])
    await detail.getByRole('button', { name: 'Hide now' }).click()
    await detail.getByRole('button', { name: 'Show for 30 seconds' }).waitFor()
    expect(await rendererHoldsAToken()).toEqual([])
  })
})
