import { join } from 'node:path'
import {
  BrowserWindow,
  nativeTheme,
  type BrowserWindowConstructorOptions,
  type WebContents,
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
  const win = new BrowserWindow(
    buildWindowOptions({
      isPackaged: deps.isPackaged,
      // electron-vite emits the sandboxed preload as CommonJS next to the main bundle.
      preloadPath: join(__dirname, '../preload/index.cjs'),
      title: translate(en, 'app.name'),
      dark: nativeTheme.shouldUseDarkColors,
    }),
  )
  attachWindowGuards(win.webContents, deps.openExternal, deps.log)
  win.once('ready-to-show', () => win.show())
  win
    .loadURL(APP_ENTRY_URL)
    .catch((error: unknown) => deps.log.error('window.load-failed', { error }))
  return win
}
