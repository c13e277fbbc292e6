/**
 * Result<T, AppError>: how every IPC handler and service answers. Expected failures are data the
 * UI branches on (by `code`), never thrown strings. Messages are i18n keys, so main never decides
 * the words the admin reads and no message can carry a secret by accident.
 */

/** The closed set of error codes the renderer may branch on. Add here, then handle in the UI. */
export const ERROR_CODES = [
  'invalid-input', // the request did not match its schema
  'forbidden-sender', // IPC from a frame that is not our window's main frame
  'internal', // a bug: details stay in main's (redacted) log
  'not-found',
  'conflict', // e.g. a name already taken
  'keychain-unavailable', // no secure OS keychain: we refuse to store rather than fall back
  'keychain-failed', // the keychain answered with an error
  'storage-failed', // a settings or index file could not be read or written
  'network', // Meta could not be reached
  'timeout',
  'cancelled',
  'rate-limited', // Meta asked us to slow down; retryAfterMs says for how long
  'auth-expired', // token expired (190/463)
  'auth-invalid', // token revoked or invalid (190/467, 102, …)
  'permission-denied', // missing permission or asset access (10, 200–299)
  'graph-invalid-request', // Meta rejected a parameter (100, 3962, …)
  'graph-unavailable', // Meta had a temporary problem (1, 2, 5xx)
  'two-factor-required', // 415 / 2859009
  'quota-reached', // system-user limit of the app tier
  'unknown-outcome', // a write was sent but its answer was lost: reconcile before acting again
  'graph-error', // any other Graph error, still explained
  'not-connected', // no admin session yet
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Values an i18n message may interpolate. Never a secret. */
export type MessageParams = Readonly<Record<string, string | number>>

export interface AppError {
  readonly code: ErrorCode
  /** i18n key of the plain-language explanation (see shared/i18n). */
  readonly messageKey: string
  readonly params?: MessageParams
  /** i18n key of the next step the admin can take, when there is one. */
  readonly hintKey?: string
  /** Meta's trace id, kept for support. */
  readonly fbtraceId?: string
  /** Meta's numeric error code and subcode, when the error came from Graph. */
  readonly graphCode?: number
  readonly graphSubcode?: number
  /** Present when waiting is the fix (throttling). */
  readonly retryAfterMs?: number
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const err = (
  code: ErrorCode,
  messageKey: string,
  extra: Omit<AppError, 'code' | 'messageKey'> = {},
): { ok: false; error: AppError } => ({ ok: false, error: { code, messageKey, ...extra } })

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
