import { EventEmitter } from 'node:events'
import type { ContextBridge, IpcRenderer } from 'electron'
import type { ApiTransport } from '../../../src/preload/api'

/**
 * The renderer-side halves of the electron fake (electron-fake.ts builds the whole
 * module from these). Kept here so preload tests need nothing from main.
 */

export class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = []
  /** What main answers to each invoke. */
  reply: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, value: null })

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args })
    return Promise.resolve(this.reply(channel, ...args))
  }
  /** Plays `webContents.send(channel, payload)` from main: listeners get (event, payload). */
  sendFromMain(channel: string, payload: unknown): void {
    this.emit(
      channel,
      { sender: { secret: 'the IpcRendererEvent must never reach the page' } },
      payload,
    )
  }
}

export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>()
  exposeInMainWorld(apiKey: string, api: unknown): void {
    this.exposed.set(apiKey, api)
  }
}

// Compile-time proof that the fakes keep Electron's own signatures for what the preload calls.
type Implements<Fake extends Real, Real> = Fake
export type _RendererFakeChecks = [
  Implements<FakeIpcRenderer, Pick<IpcRenderer, 'invoke'> & ApiTransport>,
  Implements<FakeContextBridge, Pick<ContextBridge, 'exposeInMainWorld'>>,
]
