import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { silentLogger } from '../../src/main/log'
import { createMemorySecretStore } from '../../src/main/secrets'
import { startPreviewServer, type PreviewServer } from '../../src/preview/preview-server'
import { check, figure, median, type ScenarioResult } from '../support/figures'

/**
 * Scenario: time to the first rendered screen of the browser preview in headless Chromium,
 * as a ratio to a bare React page built the same way and served by the same preview server
 * (same headers, same injected bridge script), measured alternately in the same run so machine
 * noise hits both alike. The preview runs on an in-memory SecretStore: no keyring needed.
 *
 * "First rendered screen": from navigation start to the frame after the first non-empty <h1>
 * enters the DOM (for the app, the home's heading — after its lazy chunk has loaded). A
 * MutationObserver installed before any page script sees the heading; requestAnimationFrame +
 * setTimeout(0) lands just after that frame is painted. First contentful paint is kept too.
 */
export const CHROMIUM = '/usr/bin/chromium'
/** The flags that work in these containers (docs/toolchain.md §6). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const RUNS = 9

/** Runs in the page before its own scripts; a string, so no DOM types are needed here. */
const FIRST_SCREEN_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    const heading = document.querySelector('h1')
    if (!heading || !(heading.textContent || '').trim()) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => { window.__suaFirstScreenMs = performance.now() }, 0))
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
})()`

/** What the probe leaves on the page's window. */
interface ProbeGlobals {
  readonly __suaFirstScreenMs?: number
}

interface Sample {
  readonly firstScreenMs: number
  readonly fcpMs: number
}

async function sample(browser: Browser, url: string): Promise<Sample> {
  // A new context per load: an empty cache and a fresh renderer process, as when the app opens.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const errors: string[] = []
  try {
    context.on('weberror', (error) => errors.push(error.error().message))
    await context.addInitScript({ content: FIRST_SCREEN_PROBE })
    const page = await context.newPage()
    await page.goto(url)
    // Functions, not strings: the preview's CSP has no 'unsafe-eval'.
    // Page functions are serialised into the page: they may not close over anything here.
    await page.waitForFunction(
      () => typeof (globalThis as unknown as ProbeGlobals).__suaFirstScreenMs === 'number',
      undefined,
      { timeout: 30_000 },
    )
    const firstScreenMs = Number(
      await page.evaluate(() => (globalThis as unknown as ProbeGlobals).__suaFirstScreenMs),
    )
    const fcpMs = Number(
      await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      ),
    )
    // The origin only: the launch URL's fragment is the preview's secret.
    const where = new URL(url).origin
    check(errors.length === 0, `the page at ${where} threw: ${errors.join('; ').slice(0, 200)}`)
    return { firstScreenMs, fcpMs }
  } finally {
    await context.close()
  }
}

async function serve(rendererDir: string, dataDir: string): Promise<PreviewServer> {
  return startPreviewServer({
    dataDir,
    rendererDir,
    log: silentLogger,
    ports: { secrets: createMemorySecretStore(), log: silentLogger },
  })
}

export async function benchFirstScreen(
  appDir: string,
  bareDir: string,
): Promise<{ result: ScenarioResult; chromium: string }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`bench: ${CHROMIUM} is missing. Install it: sudo apt-get install -y chromium`)
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sua-bench-preview-'))
  const servers: PreviewServer[] = []
  let browser: Browser | undefined
  try {
    const app = await serve(appDir, join(dataDir, 'app'))
    servers.push(app)
    const bare = await serve(bareDir, join(dataDir, 'bare'))
    servers.push(bare)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    })
    // One discarded load each: the browser's own start-up work is not the page's.
    await sample(browser, app.launchUrl)
    await sample(browser, bare.launchUrl)
    const apps: Sample[] = []
    const bares: Sample[] = []
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so a drift in machine load favours neither.
      if (i % 2 === 0) {
        apps.push(await sample(browser, app.launchUrl))
        bares.push(await sample(browser, bare.launchUrl))
      } else {
        bares.push(await sample(browser, bare.launchUrl))
        apps.push(await sample(browser, app.launchUrl))
      }
    }
    const appMs = apps.map((s) => s.firstScreenMs)
    const bareMs = bares.map((s) => s.firstScreenMs)
    const bareMedian = median(bareMs)
    return {
      chromium: browser.version(),
      result: {
        id: 'renderer-first-screen',
        short: 'First screen',
        title: 'Renderer: time to the first rendered screen (browser preview)',
        method: [
          `Headless Chromium ${browser.version()} (${CHROMIUM}), a new browser context per load, ` +
            `${RUNS} loads of each page alternating, after one discarded load each.`,
          'Both pages served by `startPreviewServer` (in-memory SecretStore); the bare page is ' +
            'createRoot + one <h1>, built by electron-vite with the same React plugin.',
          'First screen: navigation start → the frame after the first non-empty <h1> appears ' +
            '(the app’s home heading, after its lazy chunk). Ratio: each app load ÷ the bare median.',
          'Where the time goes: the app’s heading lives in its home’s lazy chunk ' +
            '(src/renderer/src/app.tsx), so the first screen waits for the entry chunk to run ' +
            'before the home chunk is even requested — a dependent fetch the bare page does not ' +
            'have. A `<link rel="modulepreload">` for the default home would fetch both at once.',
        ],
        figures: [
          figure({ id: 'first-screen-app', label: 'App: first screen', unit: 'ms', runs: appMs }),
          figure({
            id: 'first-screen-bare',
            label: 'Bare React page: first screen',
            unit: 'ms',
            runs: bareMs,
          }),
          figure({
            id: 'first-screen-ratio',
            label: 'App ÷ bare React page',
            unit: '×',
            runs: appMs.map((ms) => ms / bareMedian),
          }),
          figure({
            id: 'first-contentful-paint-app',
            label: 'App: first contentful paint',
            unit: 'ms',
            runs: apps.map((s) => s.fcpMs),
          }),
        ],
      },
    }
  } finally {
    await browser?.close()
    for (const server of servers) await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
