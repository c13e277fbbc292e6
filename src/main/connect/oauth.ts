import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { err, ok, type Result } from '@shared/result'
import type { GraphClient } from '../graph/client'
import { appAccessToken } from '../graph/debug'
import { callParsed, mapResult } from '../graph/resource'
import { registerSecret } from '../log/redact'
import { REQUIRED_SCOPE } from './token-validation'

/**
 * Facebook Login's desktop flow, done by hand (the Graph module has no OAuth endpoints): the
 * dialog URL with a random `state`, the redirect's parsing, and the two token exchanges. Both
 * exchanges are POSTs, so the code, the app secret and the tokens travel in the form body and
 * never in a URL (SEC-14); every token received is registered with the redactor at once.
 */

/** Facebook's own landing page for desktop apps; nothing is loaded from it (the window stops first). */
export const DESKTOP_REDIRECT_URI = 'https://www.facebook.com/connect/login_success.html'

/**
 * What sign-in asks for: only `business_management`, which every Business Manager API call of the
 * setup needs (portfolios, system users, assets, their tokens — docs/graph-api.md §9). The
 * permissions a system user's own token gets are chosen later, per goal, and Meta checks those
 * against the app, not against the admin's token; asking for them here would only widen what this
 * token can do (least privilege, SEC-16).
 */
export const SIGN_IN_SCOPES: readonly string[] = [REQUIRED_SCOPE]

/** A short-lived token lives about an hour or two; one that has less than a day gets exchanged. */
const LONG_LIVED_THRESHOLD_S = 24 * 3600

/** 256 random bits, URL-safe: unguessable, so a forged redirect cannot match it. */
export const newState = (): string => randomBytes(32).toString('base64url')

/**
 * PKCE (RFC 7636) on top of `state`: the dialog gets only the S256 challenge, the exchange sends
 * the verifier, so a code that leaks from the redirect (another program watching the login
 * window, a log) cannot be exchanged by anyone but this sign-in. Meta documents PKCE for Facebook
 * Login (docs/graph-api.md §4.9); it is proven against the simulator only.
 */
export interface Pkce {
  readonly verifier: string
  readonly challenge: string
}

/** 32 random bytes → a 43-character verifier (RFC 7636 allows 43–128), and its S256 challenge. */
export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url')
  registerSecret(verifier)
  return { verifier, challenge: pkceChallenge(verifier) }
}

export const pkceChallenge = (verifier: string): string =>
  createHash('sha256').update(verifier, 'ascii').digest('base64url')

export function buildDialogUrl(
  dialogUrl: string,
  input: {
    readonly appId: string
    readonly redirectUri: string
    readonly state: string
    readonly codeChallenge: string
  },
): string {
  const url = new URL(dialogUrl)
  url.search = new URLSearchParams({
    client_id: input.appId,
    redirect_uri: input.redirectUri,
    state: input.state,
    response_type: 'code',
    scope: SIGN_IN_SCOPES.join(','),
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  }).toString()
  return url.href
}

/** True when `candidate` is the redirect URI (same origin and path; query and fragment aside). */
export function isRedirectTo(candidate: string, redirectUri: string): boolean {
  try {
    const url = new URL(candidate)
    const target = new URL(redirectUri)
    return url.origin === target.origin && url.pathname === target.pathname
  } catch {
    return false
  }
}

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Reads the URL the login window was sent to: `?code=…&state=…` on success, Facebook's
 * `error=access_denied` when the admin cancels. The state must be exactly the one we sent, or the
 * answer belongs to some other sign-in (a forged or replayed redirect) and is refused.
 */
export function parseRedirect(
  finalUrl: string,
  redirectUri: string,
  expectedState: string,
): Result<{ code: string }> {
  if (!isRedirectTo(finalUrl, redirectUri)) {
    return err('auth-invalid', 'connectMain.error.loginFailed', {
      hintKey: 'connectMain.hint.signInAgain',
    })
  }
  const params = new URL(finalUrl).searchParams
  const state = params.get('state') ?? ''
  const error = params.get('error')
  if (error !== null) {
    return error === 'access_denied'
      ? err('cancelled', 'connectMain.error.loginDenied')
      : err('auth-invalid', 'connectMain.error.loginFailed', {
          hintKey: 'connectMain.hint.signInAgain',
        })
  }
  if (!sameText(state, expectedState)) {
    return err('auth-invalid', 'connectMain.error.stateMismatch', {
      hintKey: 'connectMain.hint.signInAgain',
    })
  }
  const code = params.get('code') ?? ''
  if (code === '') {
    return err('auth-invalid', 'connectMain.error.loginFailed', {
      hintKey: 'connectMain.hint.signInAgain',
    })
  }
  registerSecret(code)
  return ok({ code })
}

export interface ExchangedToken {
  readonly token: string
  /** Seconds left, when Meta says. */
  readonly expiresIn?: number
}

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().nonnegative().optional(),
})

interface AppKeys {
  readonly appId: string
  readonly appSecret: string
}

async function postOAuth(
  client: GraphClient,
  app: AppKeys,
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<Result<ExchangedToken>> {
  const answer = await callParsed(
    client,
    {
      method: 'POST',
      path: 'oauth/access_token',
      params: { client_id: app.appId, client_secret: app.appSecret, ...params },
      // The endpoint authenticates with client_id + client_secret; the app token in the header
      // is what Meta's own SDKs send and changes nothing.
      credentials: { token: appAccessToken(app.appId, app.appSecret), appSecret: null },
      // Each exchange mints a token and a code works once: never retried blindly (REL-02).
      kind: 'create',
      ...(signal ? { signal } : {}),
    },
    TokenAnswer,
  )
  return mapResult(answer, (value) => {
    registerSecret(value.access_token)
    return {
      token: value.access_token,
      ...(value.expires_in !== undefined ? { expiresIn: value.expires_in } : {}),
    }
  })
}

/**
 * The code from the redirect → the admin's user token (redirect_uri must match the dialog's, and
 * the verifier must be the one whose challenge the dialog got).
 */
export const exchangeCode = (
  client: GraphClient,
  app: AppKeys,
  input: { readonly code: string; readonly redirectUri: string; readonly codeVerifier: string },
  signal?: AbortSignal,
): Promise<Result<ExchangedToken>> =>
  postOAuth(
    client,
    app,
    { code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier },
    signal,
  )

/** A short-lived user token → a long-lived (about 60-day) one: grant_type=fb_exchange_token. */
export const exchangeForLongLived = (
  client: GraphClient,
  app: AppKeys,
  token: string,
  signal?: AbortSignal,
): Promise<Result<ExchangedToken>> =>
  postOAuth(client, app, { grant_type: 'fb_exchange_token', fb_exchange_token: token }, signal)

/**
 * Whether the exchange applies: Meta hands the code flow's token back short-lived (hours) in the
 * usual case; one that already has days left (Meta's server-side flow, the simulator) is kept.
 */
export const needsLongLived = (expiresIn: number | undefined): boolean =>
  expiresIn === undefined || expiresIn < LONG_LIVED_THRESHOLD_S
