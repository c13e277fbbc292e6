import { EventEmitter } from 'node:events'
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  CallbackResponse,
  CustomScheme,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  OnBeforeRequestListenerDetails,
  Protocol,
  Session,
  Shell,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron'
import type { ApiTransport } from '../../../src/preload/api'
import { FakeContextBridge, FakeIpcRenderer } from './renderer-fake'
import type { IpcMainPort } from '../../../src/main/ipc/register-handlers'
import type { GuardedSession } from '../../../src/main/session-guards'
import {
  FakeClipboard,
  FakeClipboardItem,
  FakeDialog,
  FakeNotification,
  FakePowerMonitor,
} from './electron-os-fakes'

/**
 * A typed stand-in for the `electron` module (the real one cannot load outside Electron). Tests
 * install it with `vi.mock('electron', async () => (await import('…/electron-fake')).electronModule())`.
 * Each fake implements Electron's own signatures for the members the app calls (checked at the
 * bottom of this file), records what it was asked to do, and lets a test fire the events Electron
 * would fire. One instance per test process, even across vi.resetModules() (see `shared` below);
 * call `resetElectronFake()` between tests.
 */

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0]
type DevicePermissionHandler = Parameters<Session['setDevicePermissionHandler']>[0]
export type Permission = Parameters<NonNullable<PermissionRequestHandler>>[1]
type BeforeRequestListener = (
  details: OnBeforeRequestListenerDetails,
  callback: (response: CallbackResponse) => void,
) => void
type ProtocolHandler = Parameters<Protocol['handle']>[1]
type InvokeListener = Parameters<IpcMain['handle']>[1]

/**
 * State shared by every evaluation of this module. vi.mock caches the `electron` factory's result
 * across vi.resetModules() while this file is evaluated afresh, so module-level state would split
 * into two fakes; a process-wide singleton keeps the mock and the test looking at one.
 */
const SHARED = Symbol.for('system-user-assistant.electron-fake')
type Shared = { timeline: string[]; windows: FakeBrowserWindow[]; fake?: ElectronFake }
const shared: Shared = ((globalThis as { [SHARED]?: Shared })[SHARED] ??= {
  timeline: [],
  windows: [],
})

/** Start-up order across every fake (e.g. "enableSandbox" must come before "ready"). */
const timeline = shared.timeline

/** An Electron event: preventable, carrying its details object's fields. */
export class FakeEvent {
  defaultPrevented = false
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

/** A frame is compared by identity and read for its URL, like WebFrameMain. */
export class FakeWebFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = new FakeWebFrame('app://vault/index.html')
  /** The window's own session (the login window guards its partition through it). */
  readonly session = new FakeSession()
  readonly sent: Array<{ channel: string; args: unknown[] }> = []
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }

  /** Fires a preventable navigation-style event; true when a listener prevented it. */
  firePreventable(name: string, url = ''): boolean {
    const event = new FakeEvent(url)
    // Electron still passes the deprecated positional url after the details object.
    this.emit(name, event, url)
    return event.defaultPrevented
  }

  /** What `window.open(url)` in the page would get back. */
  openWindow(url: string): WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) return { action: 'allow' }
    return this.windowOpenHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
    })
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  visible = false
  focused = false
  minimized = false
  destroyed = false

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    windows.push(this)
    timeline.push('window-created')
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
  show(): void {
    this.visible = true
  }
  focus(): void {
    this.focused = true
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  close(): void {
    this.destroyed = true
    this.emit('closed')
  }
}

const windows = shared.windows

export class FakeApp extends EventEmitter {
  isPackaged = false
  /** What `requestSingleInstanceLock` answers: false plays the second instance. */
  holdsLock = true
  readonly paths = new Map<string, string>([['userData', '/nonexistent/fake-user-data']])
  private readyResolve: () => void = () => undefined
  private ready = this.freshReady()

  enableSandbox(): void {
    timeline.push('enableSandbox')
  }
  requestSingleInstanceLock(): boolean {
    timeline.push('requestSingleInstanceLock')
    return this.holdsLock
  }
  whenReady(): Promise<void> {
    return this.ready
  }
  /** Plays Electron's `ready`: resolves `whenReady()` and emits the event. */
  markReady(): void {
    timeline.push('ready')
    this.readyResolve()
    this.emit('ready')
  }
  quit(): void {
    timeline.push('quit')
  }
  exit(code = 0): void {
    timeline.push(`exit:${code}`)
  }
  getPath(name: string): string {
    const path = this.paths.get(name)
    if (path === undefined) throw new Error(`fake app: no path "${name}"`)
    return path
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path)
  }
  getVersion(): string {
    return '0.1.0-test'
  }
  reset(): void {
    this.removeAllListeners()
    this.isPackaged = false
    this.holdsLock = true
    this.paths.clear()
    this.paths.set('userData', '/nonexistent/fake-user-data')
    this.ready = this.freshReady()
  }
  private freshReady(): Promise<void> {
    return new Promise((resolve) => {
      this.readyResolve = resolve
    })
  }
}

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeListener>()

  handle(channel: string, listener: InvokeListener): void {
    // Electron throws on a second handler for the same channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`second handler for "${channel}"`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  /** Plays `ipcRenderer.invoke` arriving from a frame. Only `senderFrame` is read by our code. */
  async invoke(
    channel: string,
    event: { senderFrame: FakeWebFrame | null },
    payload?: unknown,
  ): Promise<unknown> {
    const listener = this.handlers.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    return listener(event as unknown as IpcMainInvokeEvent, payload)
  }
}

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler = null
  permissionCheckHandler: PermissionCheckHandler = null
  devicePermissionHandler: DevicePermissionHandler = null
  beforeRequest: BeforeRequestListener | null = null
  readonly webRequest = {
    onBeforeRequest: ((filterOrListener: unknown, maybeListener?: unknown) => {
      const listener = typeof filterOrListener === 'function' ? filterOrListener : maybeListener
      this.beforeRequest = (listener as BeforeRequestListener | null) ?? null
    }) as Session['webRequest']['onBeforeRequest'],
  }

  reset(): void {
    this.permissionRequestHandler = null
    this.permissionCheckHandler = null
    this.devicePermissionHandler = null
    this.beforeRequest = null
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: DevicePermissionHandler): void {
    this.devicePermissionHandler = handler
  }

  /** A page asking for a permission: resolves with what the handler granted (Electron grants when unset). */
  requestPermission(permission: Permission): Promise<boolean> {
    const handler = this.permissionRequestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((resolve) => {
      handler(null as never, permission, resolve, { requestingUrl: 'app://vault/' } as never)
    })
  }
  checkPermission(permission: Permission): boolean {
    const handler = this.permissionCheckHandler
    return handler ? handler(null, permission, 'app://vault', {} as never) : true
  }
  checkDevice(deviceType: 'hid' | 'serial' | 'usb'): boolean {
    const handler = this.devicePermissionHandler
    return handler ? handler({ deviceType, origin: 'app://vault', device: {} as never }) : true
  }
  /** A request leaving the renderer: what the filter answered (nothing set means it goes through). */
  request(url: string): CallbackResponse {
    let answer: CallbackResponse = {}
    this.beforeRequest?.(
      {
        id: 1,
        url,
        method: 'GET',
        resourceType: 'other',
        referrer: '',
        timestamp: 0,
        uploadData: [],
      },
      (response) => {
        answer = response
      },
    )
    return answer
  }
}

export class FakeProtocol {
  readonly privileged: CustomScheme[] = []
  readonly handlers = new Map<string, ProtocolHandler>()

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    timeline.push('registerSchemesAsPrivileged')
    this.privileged.push(...schemes)
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler)
  }
}

export class FakeShell {
  readonly opened: string[] = []
  openExternal(url: string): Promise<void> {
    this.opened.push(url)
    return Promise.resolve()
  }
}

export { FakeClipboard, FakeClipboardItem, FakeDialog, FakeNotification, FakePowerMonitor }

function createFake() {
  return {
    app: new FakeApp(),
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    contextBridge: new FakeContextBridge(),
    protocol: new FakeProtocol(),
    session: { defaultSession: new FakeSession() },
    shell: new FakeShell(),
    nativeTheme: { shouldUseDarkColors: false },
    clipboard: new FakeClipboard(),
    ClipboardItem: FakeClipboardItem,
    Notification: FakeNotification,
    dialog: new FakeDialog(),
    powerMonitor: new FakePowerMonitor(),
    BrowserWindow: FakeBrowserWindow,
    windows,
    timeline,
  }
}
type ElectronFake = ReturnType<typeof createFake>

export { FakeContextBridge, FakeIpcRenderer }

/** The shared fake; tests read and steer it. */
export const electronFake: ElectronFake = (shared.fake ??= createFake())

/** The module shape `vi.mock('electron', …)` must return: named exports and a default export. */
export function electronModule(): Record<string, unknown> {
  const { windows: _windows, timeline: _timeline, ...exports } = electronFake
  return { ...exports, default: exports }
}

/** Clears every recording and handler, so one test cannot see another's state. */
export function resetElectronFake(): void {
  const fake = electronFake
  fake.app.reset()
  fake.ipcMain.removeAllListeners()
  fake.ipcMain.handlers.clear()
  fake.ipcRenderer.removeAllListeners()
  fake.ipcRenderer.invocations.length = 0
  fake.ipcRenderer.reply = () => ({ ok: true, value: null })
  fake.contextBridge.exposed.clear()
  fake.protocol.privileged.length = 0
  fake.protocol.handlers.clear()
  fake.shell.opened.length = 0
  fake.nativeTheme.shouldUseDarkColors = false
  fake.session.defaultSession.reset()
  fake.clipboard.clear()
  fake.powerMonitor.removeAllListeners()
  FakeNotification.shown.length = 0
  windows.length = 0
  timeline.length = 0
}

// Compile-time proof that each fake offers Electron's own signatures for what the app calls
// (methods returning Electron's polymorphic `this` are checked through the app's narrow ports).
type Implements<Fake extends Real, Real> = Fake
export type _FakeChecks = [
  Implements<FakeIpcMain, Pick<IpcMain, 'handle' | 'removeHandler'> & IpcMainPort>,
  Implements<FakeIpcRenderer, ApiTransport>,
  Implements<FakeProtocol, Pick<Protocol, 'handle' | 'registerSchemesAsPrivileged'>>,
  Implements<FakeShell, Pick<Shell, 'openExternal'>>,
  Implements<FakeSession, GuardedSession>,
  Implements<
    FakeBrowserWindow,
    Pick<BrowserWindow, 'loadURL' | 'show' | 'focus' | 'isMinimized' | 'restore' | 'isDestroyed'>
  >,
  Implements<FakeWebContents, Pick<WebContents, 'setWindowOpenHandler' | 'send'>>,
]
