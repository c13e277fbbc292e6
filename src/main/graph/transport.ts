import axios from 'axios'

/**
 * The wire: one HTTP exchange, nothing else. The default uses axios with our own status handling
 * (`validateStatus` accepts everything; errors.ts maps Graph's answers). An axios error embeds the
 * request config — headers included, so the Authorization token — which is why no axios error
 * object ever leaves this file: it is reduced to one of three words on the spot, and nothing from
 * it is logged.
 */
export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'DELETE'
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  readonly signal: AbortSignal
}

export interface TransportResponse {
  readonly status: number
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** `not-sent`: no connection was made; `maybe-sent`: it broke after that; `aborted`: our signal. */
export type TransportFailure = 'not-sent' | 'maybe-sent' | 'aborted'

export type TransportOutcome =
  | { readonly ok: true; readonly response: TransportResponse }
  | { readonly ok: false; readonly failure: TransportFailure }

export type Transport = (request: TransportRequest) => Promise<TransportOutcome>

/** Errors raised before a single byte reached the server: safe to retry any call. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

const MAX_RESPONSE_BYTES = 32 * 1024 * 1024

const flattenHeaders = (headers: unknown): Record<string, string> => {
  const out: Record<string, string> = {}
  if (typeof headers !== 'object' || headers === null) return out
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value
    else if (typeof value === 'number') out[name.toLowerCase()] = String(value)
    else if (Array.isArray(value)) out[name.toLowerCase()] = value.map(String).join(', ')
  }
  return out
}

const classify = (error: unknown, signal: AbortSignal): TransportFailure => {
  if (signal.aborted) return 'aborted'
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  return NOT_SENT_CODES.has(code) ? 'not-sent' : 'maybe-sent'
}

/** The production transport: axios, no redirects followed, raw text bodies. */
export function createAxiosTransport(): Transport {
  const instance = axios.create({
    validateStatus: () => true,
    // A redirect would carry the Authorization header to wherever Graph (or a proxy) points.
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxContentLength: MAX_RESPONSE_BYTES,
    maxBodyLength: MAX_RESPONSE_BYTES,
  })
  return async (request) => {
    try {
      const response = await instance.request<unknown>({
        method: request.method,
        url: request.url,
        headers: { ...request.headers },
        ...(request.body !== undefined ? { data: request.body } : {}),
        signal: request.signal,
      })
      return {
        ok: true,
        response: {
          status: response.status,
          headers: flattenHeaders(response.headers),
          body: typeof response.data === 'string' ? response.data : '',
        },
      }
    } catch (error) {
      return { ok: false, failure: classify(error, request.signal) }
    }
  }
}
