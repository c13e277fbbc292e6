import { z } from 'zod'
import type { AppError, ErrorCode } from '@shared/result'
import { redactText } from '../log/redact'
import { isThrottleCode, lookupGraphError } from './error-catalog'

/**
 * Turns whatever Meta (or the network) answered into an AppError the UI can explain (REL-07):
 * a closed `code`, a plain-language `messageKey`, a `hintKey` for the next step, and Meta's
 * `fbtrace_id` for support. Meta's `message` is read to classify but never copied: it can echo
 * the values that were sent (SEC-13). Only `error_user_title` and `error_user_msg`, which Meta
 * writes for end users, may travel (as the parameters `metaTitle` and `detail`), and only after
 * redaction: the screen shows them beside our own sentence, so the admin reads Meta's words too.
 * They also help to classify, since Meta's `message` is often generic where they are not.
 */

/** How the client may react to a failure (REL-02). */
export type FailureRetry = 'transient' | 'throttle' | 'never'

export interface GraphFailure {
  readonly error: AppError
  readonly retry: FailureRetry
}

/** Meta's error object (docs/graph-api.md §6.1), read loosely: any field may be missing or odd. */
const GraphErrorBody = z.object({
  error: z.looseObject({
    message: z.unknown().optional(),
    code: z.unknown().optional(),
    error_subcode: z.unknown().optional(),
    error_user_title: z.unknown().optional(),
    error_user_msg: z.unknown().optional(),
    fbtrace_id: z.unknown().optional(),
  }),
})

const MAX_DETAIL = 300

const toInt = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined
}

const safeTrace = (value: unknown): string | undefined =>
  typeof value === 'string' && /^[A-Za-z0-9_\-/+=]{1,64}$/.test(value) ? value : undefined

const userText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? redactText(value.trim()).slice(0, MAX_DETAIL)
    : undefined

/** Meta's words for end users, redacted: `metaTitle` (error_user_title) and `detail` (error_user_msg). */
const metaWords = (raw: {
  readonly error_user_title?: unknown
  readonly error_user_msg?: unknown
}): { metaTitle?: string; detail?: string } => {
  const title = userText(raw.error_user_title)
  const detail = userText(raw.error_user_msg)
  return { ...(title ? { metaTitle: title } : {}), ...(detail ? { detail } : {}) }
}

/** True when the parsed body is a Graph error object (`{"error": {...}}`). */
export const isGraphErrorBody = (body: unknown): boolean => GraphErrorBody.safeParse(body).success

/** A plain AppError for failures the client detects itself. */
export const appError = (
  code: ErrorCode,
  messageKey: string,
  extra: Omit<AppError, 'code' | 'messageKey'> = {},
): AppError => ({ code, messageKey, ...extra })

/**
 * Maps one HTTP answer to a failure. `body` is the parsed JSON (or undefined when it was not
 * JSON). Call it for any non-2xx status and for 2xx bodies that carry `error`.
 */
export function mapGraphFailure(status: number, body: unknown): GraphFailure {
  const parsed = GraphErrorBody.safeParse(body)
  if (!parsed.success) return mapBareStatus(status)
  const raw = parsed.data.error
  const graphCode = toInt(raw.code)
  const graphSubcode = toInt(raw.error_subcode)
  const fbtraceId = safeTrace(raw.fbtrace_id)
  const message = typeof raw.message === 'string' ? raw.message : ''
  const base = {
    ...(fbtraceId ? { fbtraceId } : {}),
    ...(graphCode !== undefined ? { graphCode } : {}),
    ...(graphSubcode !== undefined ? { graphSubcode } : {}),
  }
  if (graphCode === undefined) {
    const bare = mapBareStatus(status)
    return { ...bare, error: { ...bare.error, ...base, params: metaWords(raw) } }
  }
  const words = metaWords(raw)
  const known = lookupGraphError(
    graphCode,
    graphSubcode,
    [message, words.metaTitle, words.detail].filter(Boolean).join(' '),
  )
  if (!known) {
    // An unknown code still gets a decent sentence, with the number for support. A 5xx is still
    // Meta's temporary trouble, whatever the code says.
    return {
      error: appError(status >= 500 ? 'graph-unavailable' : 'graph-error', 'graph.code.unknown', {
        ...base,
        hintKey: 'graph.hint.contactSupport',
        params: { code: graphCode, ...words },
      }),
      retry: status >= 500 ? 'transient' : 'never',
    }
  }
  const params = { code: graphCode, ...words }
  return {
    error: appError(known.code, known.messageKey, {
      ...base,
      ...(known.hintKey ? { hintKey: known.hintKey } : {}),
      params,
    }),
    retry: known.retry ?? (status >= 500 ? 'transient' : 'never'),
  }
}

/** A status without a Graph error object: a proxy page, a gateway error, an empty body. */
function mapBareStatus(status: number): GraphFailure {
  if (status >= 500) {
    return {
      error: appError('graph-unavailable', 'graph.serverError', {
        hintKey: 'graph.hint.tryAgain',
        params: { status },
      }),
      retry: 'transient',
    }
  }
  if (status === 429) {
    return {
      error: appError('rate-limited', 'graph.code.appRateLimit', {
        hintKey: 'graph.hint.waitForLimit',
      }),
      retry: 'throttle',
    }
  }
  if (status >= 200 && status < 300) {
    return {
      error: appError('graph-error', 'graph.malformedResponse', { hintKey: 'graph.hint.tryAgain' }),
      retry: 'never',
    }
  }
  return {
    error: appError('graph-error', 'graph.unexpectedStatus', {
      hintKey: 'graph.hint.contactSupport',
      params: { status },
    }),
    retry: 'never',
  }
}

/** The error for a response whose shape did not match what the resource module expected. */
export const malformedResponse = (): AppError =>
  appError('graph-error', 'graph.malformedResponse', { hintKey: 'graph.hint.tryAgain' })

/** Failures of the connection itself. */
export const networkError = (): AppError =>
  appError('network', 'graph.network', { hintKey: 'graph.hint.checkConnection' })
export const timeoutError = (): AppError =>
  appError('timeout', 'graph.timeout', { hintKey: 'graph.hint.tryAgain' })
export const cancelledError = (): AppError => appError('cancelled', 'graph.cancelled')
export const unknownOutcomeError = (cause?: AppError): AppError =>
  appError('unknown-outcome', 'graph.unknownOutcome', {
    hintKey: 'graph.hint.reconcile',
    ...(cause?.graphCode !== undefined ? { graphCode: cause.graphCode } : {}),
    ...(cause?.graphSubcode !== undefined ? { graphSubcode: cause.graphSubcode } : {}),
    ...(cause?.fbtraceId ? { fbtraceId: cause.fbtraceId } : {}),
  })
export const rateLimitedLocally = (retryAfterMs: number): AppError =>
  appError('rate-limited', 'graph.rateLimitedLocally', {
    hintKey: 'graph.hint.waitForLimit',
    retryAfterMs,
    params: { minutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) },
  })
export const requestRefused = (): AppError => appError('internal', 'graph.requestRefused')
export const linkRefused = (): AppError => appError('graph-error', 'graph.linkRefused')

export { isThrottleCode }
