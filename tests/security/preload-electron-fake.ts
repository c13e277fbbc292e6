/**
 * Stands in for 'electron' when the preload is evaluated by the SEC-07 gate: records what the
 * preload exposes and every IPC call it makes. It lives in a global slot because the preload runs
 * in its own module runner, where this module is a separate instance from the gate's.
 */

export type Listener = (event: unknown, ...args: unknown[]) => void

export interface PreloadProbe {
  readonly exposed: { key: string; value: unknown }[]
  readonly invocations: { channel: string; args: unknown[] }[]
  readonly listeners: { channel: string; listener: Listener }[]
  readonly sends: { channel: string; args: unknown[] }[]
}

const SLOT = Symbol.for('system-user-assistant.security.preload-probe')

/** The probe shared by every instance of this module; reset before each evaluation. */
export function preloadProbe(): PreloadProbe {
  const scope = globalThis as Record<symbol, PreloadProbe | undefined>
  scope[SLOT] ??= { exposed: [], invocations: [], listeners: [], sends: [] }
  return scope[SLOT]
}

export function resetPreloadProbe(): void {
  const probe = preloadProbe()
  probe.exposed.length = 0
  probe.invocations.length = 0
  probe.listeners.length = 0
  probe.sends.length = 0
}

export const contextBridge = {
  exposeInMainWorld(key: string, value: unknown): void {
    preloadProbe().exposed.push({ key, value })
  },
  exposeInIsolatedWorld(_worldId: number, key: string, value: unknown): void {
    preloadProbe().exposed.push({ key, value })
  },
}

export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    preloadProbe().invocations.push({ channel, args })
    return Promise.resolve({ ok: true, value: null })
  },
  send(channel: string, ...args: unknown[]): void {
    preloadProbe().sends.push({ channel, args })
  },
  sendSync(channel: string, ...args: unknown[]): unknown {
    preloadProbe().sends.push({ channel, args })
    return null
  },
  on(channel: string, listener: Listener) {
    preloadProbe().listeners.push({ channel, listener })
    return ipcRenderer
  },
  once(channel: string, listener: Listener) {
    return ipcRenderer.on(channel, listener)
  },
  addListener(channel: string, listener: Listener) {
    return ipcRenderer.on(channel, listener)
  },
  removeListener(channel: string, listener: Listener) {
    const list = preloadProbe().listeners
    const index = list.findIndex(
      (entry) => entry.channel === channel && entry.listener === listener,
    )
    if (index >= 0) list.splice(index, 1)
    return ipcRenderer
  },
  off(channel: string, listener: Listener) {
    return ipcRenderer.removeListener(channel, listener)
  },
  removeAllListeners(channel?: string) {
    const list = preloadProbe().listeners
    for (let index = list.length - 1; index >= 0; index -= 1) {
      if (channel === undefined || list[index]?.channel === channel) list.splice(index, 1)
    }
    return ipcRenderer
  },
}

const electron = { contextBridge, ipcRenderer }
export default electron
