import type { MessageKey } from '../i18n/message-key'

/**
 * Shape checks the Connect form runs before anything leaves the window, so a typo gets a precise
 * message beside its field instead of a round trip to Meta. Main checks again (it trusts nothing
 * from the renderer); these only spare the admin a confusing refusal.
 */

/** The fields that can carry a message. */
export type ConnectField = 'appId' | 'appSecret' | 'token'

export type FieldErrors = Readonly<Partial<Record<ConnectField, MessageKey>>>

// An app ID is a number Meta shows on App Dashboard › Settings › Basic (usually 15–16 digits).
const APP_ID = /^\d{1,32}$/
// An app secret is 32 hexadecimal characters, shown behind "Show" on the same page.
const APP_SECRET = /^[0-9a-f]{32}$/
// Tokens are one unbroken line; the contract bounds them at 4096 characters.
const TOKEN_MAX = 4096

/** The app ID, trimmed, or why it cannot be one. */
export function appIdProblem(value: string): MessageKey | null {
  const trimmed = value.trim()
  if (trimmed === '') return 'connect.app.idRequired'
  return APP_ID.test(trimmed) ? null : 'connect.app.idDigits'
}

/** Why the app secret cannot be one, if it cannot. */
export function appSecretProblem(value: string): MessageKey | null {
  const trimmed = value.trim()
  if (trimmed === '') return 'connect.app.secretRequired'
  return APP_SECRET.test(trimmed) ? null : 'connect.app.secretShape'
}

/** Why a pasted token cannot be one, if it cannot (main explains the finer refusals). */
export function tokenProblem(value: string): MessageKey | null {
  const trimmed = value.trim()
  if (trimmed === '') return 'connect.paste.required'
  if (/\s/.test(trimmed)) return 'connect.paste.spaces'
  return trimmed.length > TOKEN_MAX ? 'connect.paste.tooLong' : null
}

/** Every problem of the real-business app fields, in screen order. */
export function appFieldErrors(appId: string, appSecret: string): FieldErrors {
  const errors: Partial<Record<ConnectField, MessageKey>> = {}
  const idProblem = appIdProblem(appId)
  const secretProblem = appSecretProblem(appSecret)
  if (idProblem) errors.appId = idProblem
  if (secretProblem) errors.appSecret = secretProblem
  return errors
}

/** The first field with a problem, in screen order: where focus goes after a refused submit. */
export function firstInvalidField(errors: FieldErrors): ConnectField | null {
  const order: readonly ConnectField[] = ['appId', 'appSecret', 'token']
  return order.find((field) => errors[field] !== undefined) ?? null
}
