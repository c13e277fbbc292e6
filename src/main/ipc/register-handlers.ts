import {
  ipcMain,
  type BrowserWindow,
  type IpcMain,
  type WebContents,
  type WebFrameMain,
} from 'electron'
import { CHANNEL_NAMES, type EventName } from '@shared/ipc/channels'
import { EVENT_PAYLOADS, type EventPayloadOf } from '@shared/ipc/contract'
import { err } from '@shared/result'
import { isAppUrl } from '../app-protocol'
import { limitBursts } from '../log/burst-limit'
import type { Logger } from '../log/logger'
import type { Dispatch } from './dispatcher'

/** The part of an `IpcMainInvokeEvent` the sender check reads. */
export interface SenderEvent {
  readonly senderFrame: Pick<WebFrameMain, 'url'> | null
}

export type SenderCheck = (event: SenderEvent) => boolean

/** The part of our window the sender check compares against. */
export type TrustedWindow = Pick<BrowserWindow, 'isDestroyed'> & {
  readonly webContents: { readonly mainFrame: Pick<WebFrameMain, 'url'> }
}

/**
 * Any frame can send IPC (iframes, child windows, a page the window was tricked into loading), so
 * every request must come from the main frame of our window, showing our own origin (Electron
 * security checklist item 17). A null `senderFrame` means the frame navigated away or died: refuse.
 */
export function createSenderCheck(getWindow: () => TrustedWindow | null, log: Logger): SenderCheck {
  // A frame that is not ours can send as often as it likes: its refusals are burst-limited.
  const refusals = limitBursts(log, 'ipc.forbidden-senders-unlogged')
  return (event) => {
    const trusted = isTrusted(event, getWindow())
    if (!trusted) refusals.warn('ipc.forbidden-sender')
    return trusted
  }
}

function isTrusted(event: SenderEvent, win: TrustedWindow | null): boolean {
  try {
    const frame = event.senderFrame
    if (frame === null || win === null || win.isDestroyed()) return false
    return frame === win.webContents.mainFrame && isAppUrl(frame.url)
  } catch {
    // Reading a disposed frame throws; a sender we cannot inspect is not trusted.
    return false
  }
}

/**
 * electron-store's constructor adds a raw `ipcMain.on` listener that hands any renderer the data
 * folder path. Our renderers never use it, and no IPC may bypass the sender check.
 */
const FOREIGN_CHANNELS = ['electron-store-get-data'] as const

/** The part of `ipcMain` registration uses (Electron's own `handle` signature). */
export interface IpcMainPort {
  readonly handle: IpcMain['handle']
  removeAllListeners(channel: string): unknown
}

/**
 * The only place that touches `ipcMain`: one `handle` per contract channel, each checking the
 * sender before the dispatcher (schema, handler, response schema) sees the payload. Call after
 * the ports are built, so listeners they registered are already there to remove.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainPort,
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
): void {
  for (const channel of FOREIGN_CHANNELS) ipcMain.removeAllListeners(channel)
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) return err('forbidden-sender', 'errors.forbiddenSender')
      return dispatch(channel, payload)
    })
  }
}

/** `registerIpcHandlers` on Electron's own `ipcMain`, which nothing outside main/ipc may import. */
export function registerAppIpc(dispatch: Dispatch, isTrustedSender: SenderCheck): void {
  registerIpcHandlers(ipcMain, dispatch, isTrustedSender)
}

/** The part of a window `sendEvent` needs. */
export type EventWindow = Pick<BrowserWindow, 'isDestroyed'> & {
  readonly webContents: Pick<WebContents, 'send'>
}

/**
 * Sends a main → renderer event after checking its payload against the contract's strict schema,
 * so an event can never carry a field (a token, say) the contract does not name. False when the
 * payload is refused or the window is gone.
 */
export function sendEvent<E extends EventName>(
  win: EventWindow,
  name: E,
  payload: EventPayloadOf<E>,
): boolean {
  if (win.isDestroyed()) return false
  const parsed = EVENT_PAYLOADS[name].safeParse(payload)
  if (!parsed.success) return false
  win.webContents.send(name, parsed.data)
  return true
}
