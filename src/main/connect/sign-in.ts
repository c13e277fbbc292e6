import { err, ok, type AppError, type Result } from '@shared/result'
import type { Logger } from '../log/logger'
import type { ResolvedApp } from './app-credentials'
import type { ModeEndpoints } from './mode-endpoints'
import { loginCancelled, type LoginWindowPort } from './login-port'
import {
  buildDialogUrl,
  exchangeCode,
  exchangeForLongLived,
  needsLongLived,
  newPkce,
  newState,
  parseRedirect,
} from './oauth'

/**
 * "Sign in with Facebook": one sign-in at a time. Opens the dialog through the login port, checks
 * the redirect's `state`, exchanges the code for the admin's token with the app secret, then for a
 * long-lived token where Meta handed back a short-lived one. The token is only returned: checking
 * and storing it is the caller's job (connect-service.ts), exactly as for a pasted token.
 */
export interface SignIn {
  run(app: ResolvedApp): Promise<Result<{ token: string }>>
  /** Cancels the sign-in under way; false when there was none. */
  cancel(): boolean
}

export interface SignInDeps {
  readonly login: LoginWindowPort
  readonly endpoints: ModeEndpoints
  readonly log: Logger
  /**
   * How long the dialog may stay open. Ten minutes: the code Facebook Login hands back is only
   * good for about that long, and a forgotten popup must not hold the sign-in forever.
   */
  readonly timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000

/** A wrong app secret only shows at the exchange (the dialog needs the app id alone). */
const explainExchangeFailure = (error: AppError): AppError =>
  error.messageKey === 'graph.code.badClientSecret'
    ? { ...error, messageKey: 'connectMain.error.appCredentialsWrong' }
    : error

export function createSignIn(deps: SignInDeps): SignIn {
  let pending: AbortController | undefined

  const attempt = async (
    app: ResolvedApp,
    signal: AbortSignal,
  ): Promise<Result<{ token: string }>> => {
    const { client, dialogUrl } = await deps.endpoints.forMode(app.mode)
    const redirectUri = deps.login.redirectUri
    const state = newState()
    const pkce = newPkce()
    const opened = await deps.login.open(
      buildDialogUrl(dialogUrl, {
        appId: app.appId,
        redirectUri,
        state,
        codeChallenge: pkce.challenge,
      }),
      { signal },
    )
    if (!opened.ok) return opened
    if (signal.aborted) return loginCancelled()
    const redirect = parseRedirect(opened.value.finalUrl, redirectUri, state)
    if (!redirect.ok) return redirect
    const exchanged = await exchangeCode(
      client,
      app,
      { code: redirect.value.code, redirectUri, codeVerifier: pkce.verifier },
      signal,
    )
    if (!exchanged.ok) return { ok: false, error: explainExchangeFailure(exchanged.error) }
    if (!needsLongLived(exchanged.value.expiresIn)) return ok({ token: exchanged.value.token })
    const long = await exchangeForLongLived(client, app, exchanged.value.token, signal)
    if (!long.ok) return { ok: false, error: explainExchangeFailure(long.error) }
    return ok({ token: long.value.token })
  }

  return {
    async run(app) {
      // A second click replaces the first sign-in rather than opening a second window.
      pending?.abort()
      const controller = new AbortController()
      pending = controller
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, deps.timeoutMs ?? DEFAULT_TIMEOUT_MS)
      timer.unref()
      try {
        const result = await attempt(app, controller.signal)
        if (timedOut) {
          return err('timeout', 'connectMain.error.signInTimedOut', {
            hintKey: 'connectMain.hint.signInAgain',
          })
        }
        if (!result.ok) deps.log.info('connect.sign-in-ended', { code: result.error.code })
        return result
      } finally {
        clearTimeout(timer)
        if (pending === controller) pending = undefined
      }
    },
    cancel() {
      if (!pending) return false
      pending.abort()
      pending = undefined
      return true
    },
  }
}
