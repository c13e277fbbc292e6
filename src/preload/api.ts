import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { CHANNELS, EVENTS } from '@shared/ipc/channels'
import type { Api } from '@shared/ipc/api-types'

/** The part of `ipcRenderer` the API uses; injected so tests run without Electron. */
export interface ApiTransport {
  readonly invoke: IpcRenderer['invoke']
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown
  removeListener(
    channel: string,
    listener: (event: IpcRendererEvent, ...args: unknown[]) => void,
  ): unknown
}

/**
 * Builds `window.api` from the channel list: one intention-named method per channel and one
 * subscribe method per event, nothing else (no generic invoke/send/on; Electron security
 * checklist item 20). Listeners receive the payload only, never the IpcRendererEvent, whose
 * `sender` would hand the page an IPC handle. Imports channels.ts, not contract.ts, so the
 * sandboxed preload does not bundle zod; main validates every request anyway.
 */
export function createApi(ipc: ApiTransport): Api {
  const api: Record<string, unknown> = {}
  for (const [channel, method] of Object.entries(CHANNELS)) {
    api[method] = (request: unknown = {}) => ipc.invoke(channel, request)
  }
  for (const [event, method] of Object.entries(EVENTS)) {
    api[method] = (listener: (payload: unknown) => void) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipc.on(event, forward)
      return () => {
        ipc.removeListener(event, forward)
      }
    }
  }
  // Built from the same tables `Api` is derived from; the preload test checks the keys match.
  return Object.freeze(api) as Api
}
