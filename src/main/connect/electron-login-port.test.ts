import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogger, memorySink } from '../log/logger'
import { electronFake, resetElectronFake } from '../../../tests/support/node/electron-fake'
import { buildLoginWindowOptions, newLoginPartition } from '../window'
import { createElectronLoginPort } from './electron-login-port'
import { DESKTOP_REDIRECT_URI } from './oauth'

vi.mock('electron', async () => (await import('../../../tests/support/node/electron-fake')).electronModule())

const REAL_DIALOG = 'https://www.facebook.com/v27.0/dialog/oauth?client_id=1&state=s'
const PRACTICE_DIALOG = 'http://127.0.0.1:40123/v27.0/dialog/oauth?client_id=1&state=s'

describe('buildLoginWindowOptions', () => {
  it('pins a sandboxed window with NO preload, its own partition and DevTools off', () => {
    expect(
      buildLoginWindowOptions({ partition: 'login-x', title: 'T', dark: false }),
    ).toStrictEqual({
      width: 600,
      height: 700,
      minWidth: 400,
      minHeight: 500,
      show: true,
      title: 'T',
      autoHideMenuBar: true,
      backgroundColor: '#f5f6f8',
      webPreferences: {
        partition: 'login-x',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        devTools: false,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        safeDialogs: true,
        navigateOnDragDrop: false,
      },
    })
  })

  it('uses a fresh in-memory partition per sign-in (never persist:)', () => {
    const partitions = new Set(Array.from({ length: 50 }, newLoginPartition))
    expect(partitions.size).toBe(50)
    for (const partition of partitions) expect(partition).toMatch(/^login-[0-9a-f-]{36}$/)
  })
})

describe('the Electron login port', () => {
  let sink: ReturnType<typeof memorySink>
  let port: ReturnType<typeof createElectronLoginPort>

  beforeEach(() => {
    resetElectronFake()
    sink = memorySink()
    port = createElectronLoginPort({ log: createLogger([sink]) })
  })

  const openWindow = (url = REAL_DIALOG, controller = new AbortController()) => {
    const result = port.open(url, { signal: controller.signal })
    expect(electronFake.windows).toHaveLength(1)
    return { result, win: electronFake.windows[0]!, controller }
  }

  it('loads the dialog in a window built from the pinned options', () => {
    const { win } = openWindow()
    expect(win.loadedUrl).toBe(REAL_DIALOG)
    expect(win.options.webPreferences).not.toHaveProperty('preload')
    expect(win.options.webPreferences?.partition).toMatch(/^login-/)
    expect(win.options.title).toBe('Sign in with Facebook')
    expect(port.redirectUri).toBe(DESKTOP_REDIRECT_URI)
  })

  for (const event of ['will-redirect', 'will-navigate']) {
    it(`${event} to the redirect URI: caught, never loaded, handed back; the window closes`, async () => {
      const { result, win } = openWindow()
      const finalUrl = `${DESKTOP_REDIRECT_URI}?code=AQx&state=s#_=_`
      expect(win.webContents.firePreventable(event, finalUrl)).toBe(true)
      expect(await result).toStrictEqual({ ok: true, value: { finalUrl } })
      expect(win.destroyed).toBe(true)
    })
  }

  it('follows Meta’s pages, stops everything else', () => {
    const { win } = openWindow()
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(win.webContents.firePreventable(event, 'https://www.facebook.com/login.php')).toBe(
        false,
      )
      expect(win.webContents.firePreventable(event, 'https://m.facebook.com/checkpoint/')).toBe(
        false,
      )
      for (const foreign of [
        'https://evil.test/',
        'https://www.facebook.com.evil.test/',
        'http://127.0.0.1:40123/',
        'file:///etc/passwd',
        'app://vault/index.html',
      ]) {
        expect(win.webContents.firePreventable(event, foreign), `${event} ${foreign}`).toBe(true)
      }
    }
    expect(sink.lines.join('\n')).toContain('login.navigation-blocked')
  })

  it('practice: the simulator’s own loopback origin is allowed, no other', () => {
    const { win } = openWindow(PRACTICE_DIALOG)
    expect(
      win.webContents.firePreventable(
        'will-navigate',
        'http://127.0.0.1:40123/dialog/oauth/confirm',
      ),
    ).toBe(false)
    expect(win.webContents.firePreventable('will-navigate', 'http://127.0.0.1:40124/')).toBe(true)
  })

  it('refuses new windows, webviews, every permission, and requests outside its policy', () => {
    const { win } = openWindow()
    expect(win.webContents.openWindow('https://www.facebook.com/')).toStrictEqual({
      action: 'deny',
    })
    expect(win.webContents.firePreventable('will-attach-webview')).toBe(true)
    const session = win.webContents.session
    expect(session.checkPermission('media')).toBe(false)
    expect(session.checkDevice('usb')).toBe(false)
    expect(session.request('https://static.xx.fbcdn.net/x.js')).toStrictEqual({ cancel: false })
    expect(session.request('http://evil.test/')).toStrictEqual({ cancel: true })
    expect(session.request('file:///etc/passwd')).toStrictEqual({ cancel: true })
    // The app's own session is not the login window's.
    expect(session).not.toBe(electronFake.session.defaultSession)
  })

  it('closing the window is cancelling', async () => {
    const { result, win } = openWindow()
    win.close()
    expect(await result).toMatchObject({ ok: false, error: { code: 'cancelled' } })
  })

  it('an abort (cancel button, a newer sign-in) closes the window', async () => {
    const { result, win, controller } = openWindow()
    controller.abort()
    expect(await result).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(win.destroyed).toBe(true)
  })

  it('an already aborted sign-in opens no window', async () => {
    const controller = new AbortController()
    controller.abort()
    expect(await port.open(REAL_DIALOG, { signal: controller.signal })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    })
    expect(electronFake.windows).toHaveLength(0)
  })
})
