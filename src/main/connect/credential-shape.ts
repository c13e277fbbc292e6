import { err, ok, type Result } from '@shared/result'

/**
 * Local checks on what the admin typed or pasted, before anything goes to Meta. Each failure says
 * exactly what is wrong in plain words, and none of them echoes the value back: a mistyped token
 * is still most of a token.
 */

/**
 * Meta's tokens are opaque but short in practice (user and system-user tokens run to a few
 * hundred characters of base62, `-` and `_`). Anything longer is a paste of something else — a
 * whole page, a JSON answer — and is refused before it reaches the network or the logs.
 */
export const MAX_TOKEN_LENGTH = 1024

const TOKEN_CHARACTERS = /^[A-Za-z0-9_-]+$/
/** `{app-id}|{app-secret}` or `{app-id}|{client-token}`: an app token, which carries a secret. */
const APP_TOKEN = /^\d{5,20}\|/
/** App ids are numeric; Meta's are 15–16 digits today, the bounds leave room either way. */
const APP_ID = /^\d{5,20}$/
/** App Dashboard › Settings › Basic shows the secret as 32 hexadecimal characters. */
const APP_SECRET = /^[0-9a-fA-F]{32}$/

const invalid = (messageKey: string, hintKey: string, params?: Record<string, number>) =>
  err('invalid-input', messageKey, { hintKey, ...(params ? { params } : {}) })

/**
 * Checks a pasted token and returns it without surrounding whitespace: copying from a browser or
 * a chat often adds a line break at the end, which is never part of a token. Whitespace inside it
 * means the copy went wrong (wrapped lines), and is refused with that explanation.
 */
export function checkTokenShape(raw: string): Result<string> {
  const token = raw.trim()
  if (token === '') return invalid('connectMain.error.tokenEmpty', 'connectMain.hint.pasteToken')
  if (token.length > MAX_TOKEN_LENGTH) {
    return invalid('connectMain.error.tokenOversized', 'connectMain.hint.copyTokenOnly', {
      max: MAX_TOKEN_LENGTH,
    })
  }
  if (/\s/.test(token)) {
    return invalid('connectMain.error.tokenWhitespace', 'connectMain.hint.copyTokenAgain')
  }
  if (APP_TOKEN.test(token)) {
    return invalid('connectMain.error.tokenIsAppToken', 'connectMain.hint.pasteToken')
  }
  if (!TOKEN_CHARACTERS.test(token)) {
    return invalid('connectMain.error.tokenMalformed', 'connectMain.hint.copyTokenAgain')
  }
  return ok(token)
}

/** The app id from App Dashboard › Settings › Basic (surrounding spaces forgiven). */
export function checkAppId(raw: string): Result<string> {
  const appId = raw.trim()
  if (appId === '') return invalid('connectMain.error.appIdEmpty', 'connectMain.hint.findAppId')
  return APP_ID.test(appId)
    ? ok(appId)
    : invalid('connectMain.error.appIdMalformed', 'connectMain.hint.findAppId')
}

/** The app secret from the same page (surrounding spaces forgiven). */
export function checkAppSecret(raw: string): Result<string> {
  const secret = raw.trim()
  if (secret === '') {
    return invalid('connectMain.error.appSecretEmpty', 'connectMain.hint.findAppSecret')
  }
  return APP_SECRET.test(secret)
    ? ok(secret)
    : invalid('connectMain.error.appSecretMalformed', 'connectMain.hint.findAppSecret')
}
