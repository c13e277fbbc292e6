import type { ServerResponse } from 'node:http'
import { EVENT_PAYLOADS, type EventPayloadOf } from '@shared/ipc/contract'
import type { EventName } from '@shared/ipc/channels'
import type { Logger } from '../main/log/logger'

/** Comment lines keep idle connections open through anything that times them out. */
const HEARTBEAT_MS = 25_000

/** Main → renderer events over Server-Sent Events: the preview's stand-in for webContents.send. */
export interface EventStream {
  /** Takes over a response as an event stream until the client goes away or the hub closes. */
  attach(response: ServerResponse, headers: Record<string, string>): void
  /** Sends an event to every connected page, after checking its payload against the contract. */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void
  /**
   * Sends a preview-only message (outside the IPC contract, e.g. "open the login popup") to every
   * connected page. Only the bridge listens for these; the renderer never sees them.
   */
  sendPreview(name: `preview:${string}`, data: Readonly<Record<string, string>>): void
  /** Resolves true once a page listens (at once when one does), false after `timeoutMs`. */
  waitForClient(timeoutMs: number): Promise<boolean>
  /** The number of pages listening (for tests and diagnostics). */
  readonly size: number
  close(): void
}

export function createEventStream(log: Logger): EventStream {
  const clients = new Set<ServerResponse>()
  const waiters = new Set<(listening: boolean) => void>()
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n')
  }, HEARTBEAT_MS)
  heartbeat.unref()

  return {
    attach(response, headers) {
      response.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      response.write(': connected\n\n')
      clients.add(response)
      response.on('close', () => clients.delete(response))
      for (const wake of [...waiters]) wake(true)
    },
    emit(event, payload) {
      // The same rule as IPC responses: nothing the contract does not name reaches the page.
      const parsed = EVENT_PAYLOADS[event].safeParse(payload)
      if (!parsed.success) {
        log.error('preview.event-rejected', { name: event })
        return
      }
      const frame = `event: ${event}\ndata: ${JSON.stringify(parsed.data)}\n\n`
      for (const client of clients) client.write(frame)
    },
    sendPreview(name, data) {
      const frame = `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`
      for (const client of clients) client.write(frame)
    },
    waitForClient(timeoutMs) {
      if (clients.size > 0) return Promise.resolve(true)
      return new Promise((resolve) => {
        const done = (listening: boolean) => {
          clearTimeout(timer)
          waiters.delete(done)
          resolve(listening)
        }
        const timer = setTimeout(() => done(false), timeoutMs)
        timer.unref()
        waiters.add(done)
      })
    },
    get size() {
      return clients.size
    },
    close() {
      clearInterval(heartbeat)
      for (const wake of [...waiters]) wake(false)
      for (const client of clients) client.end()
      clients.clear()
    },
  }
}
