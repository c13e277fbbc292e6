import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'

/** Largest JSON body the preview API reads; the IPC bounds are far smaller still. */
export const MAX_BODY_BYTES = 1024 * 1024

/** The custom header every API call must carry (see checkApiRequest). */
export const PREVIEW_HEADER = 'x-sua-preview'

export type GuardProblem = 'wrong-host' | 'wrong-origin' | 'cross-site' | 'missing-preview-header'

/** What a request asks for: a file, the event stream, an API call, or the launch-secret exchange. */
export type RouteKind = 'static' | 'events' | 'invoke' | 'session'

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? undefined : value

/**
 * Decides whether a request may be answered. The preview listens on loopback, but every web page
 * the admin has open can still send requests to 127.0.0.1, so:
 * - every request: `Host` must be exactly our host:port; a DNS-rebinding page arrives with its own
 *   host name (this alone also covers the static files, which hold nothing secret);
 * - API requests: an `Origin` or `Sec-Fetch-Site` header, when the browser sends one, must say
 *   same-origin, and calls must carry `X-SUA-Preview: 1`. A custom header turns any cross-origin
 *   request into a CORS preflight, and this server never answers one, so no other page can make the
 *   call at all. The event stream cannot require the header (EventSource sends no custom headers);
 *   its events are non-secret, and without CORS headers another origin can never read the stream.
 * These stop other web pages. Other programs on the machine can send any header they like; what
 * stops them is the launch lock (launch-lock.ts), checked after this.
 */
export function checkRequest(
  headers: IncomingHttpHeaders,
  ownHost: string,
  kind: RouteKind,
): GuardProblem | null {
  if (single(headers.host) !== ownHost) return 'wrong-host'
  if (kind === 'static') return null
  const origin = single(headers.origin)
  if (origin !== undefined && origin !== `http://${ownHost}`) return 'wrong-origin'
  const site = single(headers['sec-fetch-site'])
  if (site !== undefined && site !== 'same-origin') return 'cross-site'
  if (kind !== 'events' && single(headers[PREVIEW_HEADER]) !== '1') return 'missing-preview-header'
  return null
}

export type BodyOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: 'too-large' | 'not-json' | 'aborted' }

/**
 * Reads and parses a JSON body of at most `limit` bytes. A declared Content-Length over the limit
 * is refused before any byte is read; a stream that grows past it stops being buffered. An empty
 * body is `undefined` (the dispatcher treats it as `{}`).
 */
export function readJsonBody(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<BodyOutcome> {
  return new Promise((resolvePromise) => {
    const declared = Number(request.headers['content-length'] ?? '0')
    if (!Number.isFinite(declared) || declared > limit) {
      // Drain without buffering so the client can finish sending and read our 413.
      request.resume()
      resolvePromise({ ok: false, problem: 'too-large' })
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (outcome: BodyOutcome) => {
      if (settled) return
      settled = true
      resolvePromise(outcome)
    }
    request.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > limit) {
        chunks.length = 0
        settle({ ok: false, problem: 'too-large' })
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      if (text.trim() === '') return settle({ ok: true, value: undefined })
      try {
        settle({ ok: true, value: JSON.parse(text) as unknown })
      } catch {
        settle({ ok: false, problem: 'not-json' })
      }
    })
    request.on('error', () => settle({ ok: false, problem: 'aborted' }))
    request.on('close', () => settle({ ok: false, problem: 'aborted' }))
  })
}
