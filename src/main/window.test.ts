import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_ENTRY_URL } from './app-protocol'
import { createLogger, memorySink } from './log/logger'
import { electronFake, resetElectronFake, type FakeBrowserWindow } from '../../tests/support/node/electron-fake'
import { buildWindowOptions, createMainWindow, WINDOW_BACKGROUND } from './window'

vi.mock('electron', async () => (await import('../../tests/support/node/electron-fake')).electronModule())

const SECURE_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  disableBlinkFeatures: 'Auxclick',
  spellcheck: false,
  safeDialogs: true,
  navigateOnDragDrop: false,
}

describe('buildWindowOptions', () => {
  it('pins every setting of a packaged window, DevTools off', () => {
    expect(
      buildWindowOptions({
        isPackaged: true,
        preloadPath: '/app/preload.cjs',
        title: 'T',
        dark: false,
      }),
    ).toStrictEqual({
      width: 1120,
      height: 780,
      minWidth: 760,
      minHeight: 560,
      show: false,
      title: 'T',
      backgroundColor: '#f5f6f8',
      webPreferences: { ...SECURE_PREFERENCES, preload: '/app/preload.cjs', devTools: false },
    })
  })

  it('allows DevTools only in an unpackaged build, changing nothing else', () => {
    const packaged = buildWindowOptions({
      isPackaged: true,
      preloadPath: '/p',
      title: 'T',
      dark: false,
    })
    const dev = buildWindowOptions({
      isPackaged: false,
      preloadPath: '/p',
      title: 'T',
      dark: false,
    })
    expect(dev.webPreferences?.devTools).toBe(true)
    expect({ ...dev, webPreferences: { ...dev.webPreferences, devTools: false } }).toStrictEqual(
      packaged,
    )
  })

  it('never enables Blink features', () => {
    const options = buildWindowOptions({
      isPackaged: false,
      preloadPath: '/p',
      title: 'T',
      dark: false,
    })
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
  })

  it("paints the renderer's background for the OS theme before the first frame", () => {
    const css = readFileSync(join(import.meta.dirname, '../renderer/src/styles/tokens.css'), 'utf8')
    const [light, dark] = [...css.matchAll(/--color-bg:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1])
    expect(WINDOW_BACKGROUND).toStrictEqual({ light, dark })
    const input = { isPackaged: true, preloadPath: '/p', title: 'T' }
    expect(buildWindowOptions({ ...input, dark: true }).backgroundColor).toBe(
      WINDOW_BACKGROUND.dark,
    )
    expect(buildWindowOptions({ ...input, dark: false }).backgroundColor).toBe(
      WINDOW_BACKGROUND.light,
    )
  })
})

describe('createMainWindow', () => {
  let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>
  let win: FakeBrowserWindow

  beforeEach(() => {
    resetElectronFake()
    openExternal = vi.fn<(url: string) => Promise<void>>(async () => undefined)
    createMainWindow({ isPackaged: true, openExternal, log: createLogger([memorySink()]) })
    expect(electronFake.windows).toHaveLength(1)
    win = electronFake.windows[0]!
  })

  it('builds the window from the pinned options with the CommonJS preload and the i18n title', () => {
    expect(win.options).toStrictEqual(
      buildWindowOptions({
        isPackaged: true,
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
        title: 'System User Assistant',
        dark: false,
      }),
    )
  })

  it('loads the app origin and shows the window only once it is ready to paint', () => {
    expect(win.loadedUrl).toBe(APP_ENTRY_URL)
    expect(win.visible).toBe(false)
    win.emit('ready-to-show')
    expect(win.visible).toBe(true)
  })

  const foreign = [
    'https://evil.test/',
    'https://business.facebook.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://evil/index.html',
    'app://vault.evil.test/',
    'app://user@vault/index.html',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ]

  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${event}: blocks every foreign URL (${foreign.length} of ${foreign.length})`, () => {
      const prevented = foreign.filter((url) => win.webContents.firePreventable(event, url))
      expect(prevented).toStrictEqual(foreign)
    })

    it(`${event}: lets the app move within its own origin`, () => {
      expect(win.webContents.firePreventable(event, 'app://vault/index.html')).toBe(false)
      expect(win.webContents.firePreventable(event, 'app://vault/index.html#/vault')).toBe(false)
    })
  }

  it('refuses to attach a webview', () => {
    expect(win.webContents.firePreventable('will-attach-webview')).toBe(true)
  })

  it('denies every new window and never hands a disallowed URL to the OS', () => {
    const disallowed = [
      ...foreign.filter((url) => url !== 'https://business.facebook.com/'),
      'https://business.facebook.com.evil.test/',
      'http://business.facebook.com/',
      'app://vault/index.html',
    ]
    for (const url of disallowed) {
      expect(win.webContents.openWindow(url)).toStrictEqual({ action: 'deny' })
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('denies the new window but opens an allowlisted Meta page in the OS browser', () => {
    const url = 'https://business.facebook.com/settings/system-users?business_id=1'
    expect(win.webContents.openWindow(url)).toStrictEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(openExternal).toHaveBeenCalledWith(url)
  })
})

describe('the one window factory', () => {
  it('is the only source file that constructs a BrowserWindow', () => {
    const src = join(import.meta.dirname, '..')
    const constructing = sourceFiles(src).filter((file) =>
      /new\s+BrowserWindow\b/.test(readFileSync(file, 'utf8')),
    )
    expect(constructing.map((file) => relative(src, file))).toStrictEqual(['main/window.ts'])
  })
})

/** Every non-test TypeScript file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name),
    )
    .map((entry) => join(entry.parentPath, entry.name))
}
