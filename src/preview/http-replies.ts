import type { IncomingMessage, ServerResponse } from 'node:http'
import { err } from '@shared/result'
import { PREVIEW_CSP } from './preview-html'
import { readJsonBody } from './request-guard'

/** Headers on every response, including refusals and 404s. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': PREVIEW_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Other origins may not even embed our files (e.g. run bridge.js in their own page).
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
}

export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
  })
  response.end(response.req.method === 'HEAD' ? undefined : body)
}

export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), extra)
}

export type JsonRequest =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly bodyProblem?: 'too-large' | 'not-json' | 'aborted' }

/**
 * Reads an API request's JSON body: POST only, `application/json` only, at most `limit` bytes.
 * Anything else has been answered (405, 415, 413 or 400) by the time this resolves `ok: false`.
 */
export async function readJsonRequest(
  request: IncomingMessage,
  response: ServerResponse,
  limit?: number,
): Promise<JsonRequest> {
  const invalid = err('invalid-input', 'errors.invalidInput')
  if (request.method !== 'POST') {
    request.resume()
    sendJson(response, 405, invalid, { allow: 'POST' })
    return { ok: false }
  }
  const contentType = request.headers['content-type'] ?? ''
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    request.resume()
    sendJson(response, 415, invalid)
    return { ok: false }
  }
  const body = await readJsonBody(request, limit)
  if (body.ok) return body
  sendJson(response, body.problem === 'too-large' ? 413 : 400, invalid)
  return { ok: false, bodyProblem: body.problem }
}
