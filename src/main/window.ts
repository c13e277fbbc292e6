import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import {
  BrowserWindow,
  nativeTheme,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
  type WebRequest,
} from 'electron'
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import { APP_ENTRY_URL, isAppUrl } from './app-protocol'
import { isAllowedExternalUrl, type OpenExternal } from './links/external-links'
import type { Logger } from './log/logger'

/**
 * Painted before the renderer's first frame, so the window never flashes the wrong colour. Equal
 * to `--color-bg` in the renderer's styles/tokens.css, light and `prefers-color-scheme: dark`.
 */
export const WINDOW_BACKGROUND = { light: '#f5f6f8', dark: '#14171c' } as const

export interface WindowOptionsInput {
  readonly isPackaged: boolean
  readonly preloadPath: string
  readonly title: string
  /** The OS asks for dark colours (Electron's nativeTheme.shouldUseDarkColors). */
  readonly dark: boolean
}

/**
 * Every window setting in one pure function, so a unit test pins each one. The security flags
 * follow Electron's security checklist (items 2–4, 6, 8–11) even where they equal today's defaults:
 * a default that changes in a future Electron must not silently loosen this window.
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1120,
    height: 780,
    minWidth: 760,
    minHeight: 560,
    show: false,
    title: input.title,
    backgroundColor: input.dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: !input.isPackaged,
      // Middle-click opens links in new windows without window.open; Electronegativity AUXCLICK.
      disableBlinkFeatures: 'Auxclick',
      // The OS spellchecker would see whatever is typed, tokens and app secrets included.
      spellcheck: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
    },
  }
}

export type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * Navigation stays inside `app://vault/`; new windows are always denied, and a Meta link on the
 * allowlist goes to the OS browser instead (checklist items 12–15). Webviews never attach.
 */
export function attachWindowGuards(
  contents: GuardedWebContents,
  openExternal: OpenExternal,
  log: Logger,
): void {
  // The details object's url, not the positional argument Electron has deprecated.
  const keepInApp = (event: { readonly url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    log.warn('window.navigation-blocked')
  }
  contents.on('will-navigate', keepInApp)
  contents.on('will-frame-navigate', keepInApp)
  contents.on('will-redirect', keepInApp)
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('window.webview-blocked')
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      openExternal(url).catch((error: unknown) =>
        log.error('window.open-external-failed', { error }),
      )
    } else {
      log.warn('window.open-blocked')
    }
    return { action: 'deny' }
  })
}

export interface MainWindowDeps {
  readonly isPackaged: boolean
  readonly openExternal: OpenExternal
  readonly log: Logger
}

/** The app's only window. `new BrowserWindow` appears nowhere else (lint enforces it). */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const options = buildWindowOptions({
    isPackaged: deps.isPackaged,
    // electron-vite emits the sandboxed preload as CommonJS next to the main bundle.
    preloadPath: join(__dirname, '../preload/index.cjs'),
    title: translate(en, 'app.name'),
    dark: nativeTheme.shouldUseDarkColors,
  })
  // The critical flags are restated at the constructor, where a reviewer and electronegativity
  // (which cannot follow into buildWindowOptions) see them; window.test.ts pins both places.
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  attachWindowGuards(win.webContents, deps.openExternal, deps.log)
  win.once('ready-to-show', () => win.show())
  win
    .loadURL(APP_ENTRY_URL)
    .catch((error: unknown) => deps.log.error('window.load-failed', { error }))
  return win
}

/**
 * The Facebook Login window's settings (Connect step). The same locked-down renderer as the main
 * window, plus: NO preload (the page is Meta's, and must get no bridge to main at all), DevTools
 * off (its session holds the admin's Facebook cookies), and its own partition. A partition name
 * without the `persist:` prefix is kept in memory only, and a fresh one per sign-in means no
 * Facebook session is ever written to disk or reused by a later sign-in.
 */
export function buildLoginWindowOptions(input: {
  readonly partition: string
  readonly title: string
  readonly dark: boolean
}): BrowserWindowConstructorOptions {
  return {
    width: 600,
    height: 700,
    minWidth: 400,
    minHeight: 500,
    show: true,
    title: input.title,
    autoHideMenuBar: true,
    backgroundColor: input.dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      partition: input.partition,
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
      // The admin types a Facebook password here; the OS spellchecker would see it.
      spellcheck: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
    },
  }
}

/** A fresh in-memory partition (no `persist:`), so nothing of the sign-in outlives the app. */
export const newLoginPartition = (): string => `login-${randomUUID()}`

export interface LoginGuards {
  /** Navigation the window may follow (Meta's hosts and the dialog's own origin). */
  readonly mayNavigate: (url: string) => boolean
  /** Requests the page may make at all (https, the dialog's origin). */
  readonly mayRequest: (url: string) => boolean
  /** The redirect URI: caught and never loaded. */
  readonly isRedirect: (url: string) => boolean
  readonly onRedirect: (url: string) => void
  readonly log: Logger
}

/**
 * The login window's navigation rules: the redirect to the redirect URI is caught before it
 * loads (the code stays out of any page) and handed over; navigation elsewhere than Meta is
 * stopped; new windows and webviews are refused outright.
 */
export function attachLoginGuards(contents: GuardedWebContents, guards: LoginGuards): void {
  const check = (event: { readonly url: string; preventDefault(): void }) => {
    if (guards.isRedirect(event.url)) {
      event.preventDefault()
      guards.onRedirect(event.url)
      return
    }
    if (guards.mayNavigate(event.url)) return
    event.preventDefault()
    guards.log.warn('login.navigation-blocked')
  }
  contents.on('will-navigate', check)
  contents.on('will-frame-navigate', check)
  contents.on('will-redirect', check)
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    guards.log.warn('login.webview-blocked')
  })
  contents.setWindowOpenHandler(() => {
    guards.log.warn('login.open-blocked')
    return { action: 'deny' }
  })
}

export type LoginSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & { readonly webRequest: Pick<WebRequest, 'onBeforeRequest'> }

/** The login partition grants no permission and loads nothing outside its request policy. */
export function guardLoginSession(session: LoginSession, guards: LoginGuards): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = guards.mayRequest(details.url)
    if (!allowed) guards.log.warn('login.request-blocked')
    callback({ cancel: !allowed })
  })
}

/** Opens Facebook Login (or the practice dialog) in its own window; see buildLoginWindowOptions. */
export function createLoginWindow(url: string, guards: LoginGuards): BrowserWindow {
  const options = buildLoginWindowOptions({
    partition: newLoginPartition(),
    title: translate(en, 'connectMain.loginWindow.title'),
    dark: nativeTheme.shouldUseDarkColors,
  })
  // As for the main window: the critical flags restated where they are visible at the constructor.
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  guardLoginSession(win.webContents.session, guards)
  attachLoginGuards(win.webContents, guards)
  // Loading ends in ERR_ABORTED when the dialog redirects at once (already signed in): expected.
  win.loadURL(url).catch(() => guards.log.info('login.load-ended'))
  return win
}
