/**
 * One browser-preview session for an e2e file: the preview server in this process (fresh temp data
 * dir, the REAL keychain) and headless Debian Chromium via playwright-core, with every request the
 * page makes recorded. Anything missing (the build, Chromium, a D-Bus session with an unlocked
 * keyring) fails the suite loudly instead of skipping it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { createKeychainStore } from '../../../src/main/secrets/keychain-store'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import type { MainPorts } from '../../../src/main/services'
import { startPreviewServer, type PreviewServer } from '../../../src/preview/preview-server'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..')
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer')
export const SCREENSHOT_DIR = join(REPO_ROOT, 'docs', 'screenshots')
export const CHROMIUM = '/usr/bin/chromium'

/** The flags measured to work in these containers (docs/toolchain.md §6). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface PreviewSession {
  readonly server: PreviewServer
  /** The preview's data directory (settings, vault index, journal, audit, logs, exports). */
  readonly dataDir: string
  /** Chromium's profile directory for this session (the renderer's storage on disk). */
  readonly profileDir: string
  readonly context: BrowserContext
  readonly page: Page
  /** The URL of every request any page in the context made, in order. */
  readonly requests: string[]
  /** Requests that failed, with the browser's reason ("csp" when the page's policy blocked it). */
  readonly failedRequests: Array<{ readonly url: string; readonly reason: string }>
  /** Uncaught page errors and console errors, to fail on a broken renderer. */
  readonly pageErrors: string[]
  close(): Promise<void>
}

function requirePrerequisites(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `No built renderer at ${RENDERER_DIR}. Run "npx electron-vite build" first (npm test does).`,
    )
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing. Install it: sudo apt-get install -y chromium`)
  }
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'No D-Bus session: the preview uses the real keychain. Run the e2e tests through npm test, ' +
        'or inside dbus-run-session with gnome-keyring unlocked.',
    )
  }
}

/** What a test may choose for its session; everything else is the default preview. */
export interface PreviewSessionOptions {
  /** Ports to pass on (a test's own practice runtime or vault host); the keychain stays real. */
  readonly ports?: Omit<Partial<MainPorts>, 'secrets'>
  /** The data directory to use (the test creates and scans it); default a fresh temp dir. */
  readonly dataDir?: string
  /** Wraps the real keychain store, e.g. to count reads; the keychain underneath stays real. */
  readonly wrapSecrets?: (store: SecretStore) => SecretStore
}

/** Starts the server and the browser and opens the app; close() undoes all of it. */
export async function openPreviewSession(
  options: PreviewSessionOptions = {},
): Promise<PreviewSession> {
  requirePrerequisites()
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sua-e2e-data-'))
  const profileDir = mkdtempSync(join(tmpdir(), 'sua-e2e-chromium-'))
  const cleanUp = () => {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(profileDir, { recursive: true, force: true })
  }

  const secrets = createKeychainStore()
  const keychain = await secrets.status()
  if (!keychain.available) {
    cleanUp()
    throw new Error(
      `The keychain is not available (${keychain.backend}: ${keychain.problemKey ?? 'unknown'}). ` +
        'Start gnome-keyring unlocked inside the D-Bus session, as scripts/test.sh does.',
    )
  }

  const server = await startPreviewServer({
    dataDir,
    rendererDir: RENDERER_DIR,
    ports: { ...options.ports, secrets: options.wrapSecrets?.(secrets) ?? secrets },
  })
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    })
  } catch (error) {
    await server.close()
    cleanUp()
    throw error
  }

  const requests: string[] = []
  const pageErrors: string[] = []
  const failedRequests: Array<{ url: string; reason: string }> = []
  context.on('request', (request) => requests.push(request.url()))
  context.on('requestfailed', (request) =>
    failedRequests.push({ url: request.url(), reason: request.failure()?.errorText ?? '' }),
  )
  context.on('weberror', (error) => pageErrors.push(error.error().message))
  context.on('console', (message) => {
    // Chromium asks for /favicon.ico on its own; the renderer does not ship one.
    if (message.location().url.endsWith('/favicon.ico')) return
    if (message.type() === 'error') pageErrors.push(message.text())
  })

  const page = context.pages()[0] ?? (await context.newPage())
  // The address `npm run preview` prints: the launch secret rides in the fragment.
  await page.goto(server.launchUrl)
  return {
    server,
    dataDir,
    profileDir,
    context,
    page,
    requests,
    failedRequests,
    pageErrors,
    close: async () => {
      await context.close()
      await server.close()
      cleanUp()
    },
  }
}

/** Waits until the page's h1 reads `name` (the app is a single page; homes swap in place). */
export async function waitForHome(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ state: 'visible' })
}
