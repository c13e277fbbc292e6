import { join, resolve } from 'node:path'
import {
  app,
  clipboard,
  ClipboardItem,
  dialog,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  type BrowserWindow,
} from 'electron'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { startAnchoredAuditLog } from './audit/anchored-audit-log'
import { createElectronLoginPort } from './connect/electron-login-port'
import { createDispatcher } from './ipc/dispatcher'
import { createSenderCheck, registerAppIpc, sendEvent } from './ipc/register-handlers'
import { createLogger, fileSink } from './log/logger'
import { redactValue } from './log/redact'
import { createKeychainStore } from './secrets/keychain-store'
import { chooseGraphBaseUrl } from './graph/base-url'
import { buildServices } from './services'
import { installSessionGuards } from './session-guards'
import { createElectronKvStore } from './settings/electron-kv-store'
import { createElectronVaultHost } from './vault/electron-vault-host'
import { createMainWindow } from './window'

/**
 * Lifecycle only: everything that must happen before `ready`, then wiring ports → services →
 * dispatcher → IPC, the session and protocol guards, and the one window. The crash reporter is
 * deliberately never started: a crash dump can hold a token from main's memory
 * (docs/security-requirements.md §4.2).
 */

// Tests and side-by-side installs point the app at another folder. Chromium's own data follows,
// and so does the single-instance lock, which Electron keys on the userData folder.
const dataDirOverride = process.env.SUA_DATA_DIR
if (dataDirOverride) app.setPath('userData', resolve(dataDirOverride))
const dataDir = app.getPath('userData')

// Both must precede `ready`: the sandbox for every renderer, and the scheme's privileges.
app.enableSandbox()
registerAppScheme(protocol)

let mainWindow: BrowserWindow | null = null

if (app.requestSingleInstanceLock()) {
  // One writer per data folder (REL-08): a second launch hands over to this one and quits.
  app.on('second-instance', focusMainWindow)
  // Quit on every platform, macOS included: a vault app holding no window should hold no memory.
  app.on('window-all-closed', () => app.quit())
  app.whenReady().then(start).catch(failStart)
} else {
  app.quit()
}

function start(): void {
  const log = createLogger([fileSink(dataDir)])
  const openExternal = (url: string) => shell.openExternal(url)
  const graphBase = chooseGraphBaseUrl(process.env.GRAPH_API_BASE_URL, {
    packaged: app.isPackaged,
  })
  if (graphBase.refused) log.warn('graph.base-url-refused', { reason: graphBase.refused })
  const secrets = createKeychainStore({ log })
  const services = buildServices({
    realEndpoints: { graphBaseUrl: graphBase.url },
    version: app.getVersion(),
    secrets,
    settings: createElectronKvStore(dataDir),
    openExternal,
    log,
    login: createElectronLoginPort({ log }),
    emit: (event, payload) => {
      if (mainWindow) sendEvent(mainWindow, event, payload)
    },
    // Checked against its keychain anchor from the start (src/main/audit/anchored-audit-log.ts).
    audit: startAnchoredAuditLog({ dataDir, secrets, log }),
    dataDir,
    vaultHost: createElectronVaultHost({
      clipboard,
      ClipboardItem,
      Notification,
      dialog,
      powerMonitor,
      platform: process.platform,
      window: () => mainWindow,
    }),
  })
  // The practice simulator listens on loopback; it goes with the app.
  app.on('will-quit', () => {
    services.dispose().catch((error: unknown) => log.error('app.dispose-failed', { error }))
  })
  registerAppIpc(
    createDispatcher(services.handlers, log),
    createSenderCheck(() => mainWindow, log),
  )
  installSessionGuards(session.defaultSession, { allowDevtools: !app.isPackaged }, log)
  serveAppProtocol(protocol, join(__dirname, '../renderer'), log)
  mainWindow = createMainWindow({ isPackaged: app.isPackaged, openExternal, log })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  log.info('app.started', { version: app.getVersion(), packaged: app.isPackaged })
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function failStart(error: unknown): void {
  // No file logger may exist yet; stderr gets the redacted error only.
  console.error('System User Assistant could not start:', redactValue(error))
  app.exit(1)
}
