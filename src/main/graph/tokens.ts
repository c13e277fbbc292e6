import { z } from 'zod'
import { err, type Result } from '@shared/result'
import { registerSecret } from '../log/redact'
import type { GraphClient, GraphCredentials } from './client'
import { debugToken } from './debug'
import { appError } from './errors'
import { callParsed, mapResult, Success, withOptions, type CallOptions } from './resource'

/**
 * System-user tokens (docs/graph-api.md §4): generate on either edge, refresh a 60-day token,
 * revoke one, revoke all of a system user. Every token this module receives is registered with the
 * redactor at once, so it is masked wherever it might later show up.
 *
 * Generating and refreshing mint a new token each time, so both are creates: a lost answer is
 * `unknown-outcome`, never a silent second token. Meta requires `appsecret_proof` to generate
 * (docs/graph-api.md §4.2), so without an app secret the call is not even sent.
 */
export interface GeneratedToken {
  readonly token: string
}

export interface GenerateInput {
  readonly systemUserId: string
  readonly appId: string
  readonly scopes: readonly string[]
  /** True: a 60-day token (Meta's recommendation, SEC-17). False: never expires. */
  readonly expiresIn60Days: boolean
  /**
   * 'system-user': `POST /{su}/access_tokens` (S-INST); 'business': `POST
   * /{business}/system_user_access_tokens` (R-SUAT), whose app is the caller token's app.
   */
  readonly edge: 'system-user' | 'business'
  readonly businessId: string
}

const TokenAnswer = z.object({ access_token: z.string().min(1) })

const proofRequired = () =>
  err('graph-invalid-request', 'graph.code.proofMissing', { hintKey: 'graph.hint.enterAppSecret' })

/**
 * error-catalog.ts advises "sign in again" for an expired or invalid token (190, 190/463, 190/467
 * …) because the client almost always calls with the admin's own token. A call made with a system
 * user's token is the exception: signing in again changes nothing there, a new token does.
 */
const SIGN_IN_AGAIN = 'graph.hint.signInAgain'
const asSystemUserTokenError = <T>(result: Result<T>): Result<T> =>
  !result.ok && result.error.hintKey === SIGN_IN_AGAIN
    ? { ok: false, error: { ...result.error, hintKey: 'graph.hint.generateNewToken' } }
    : result

const remember = (result: Result<{ access_token: string }>): Result<GeneratedToken> =>
  mapResult(result, ({ access_token }) => {
    registerSecret(access_token)
    return { token: access_token }
  })

/** Generates a system-user token with exactly `scopes`. */
export async function generateSystemUserToken(
  client: GraphClient,
  credentials: GraphCredentials,
  input: GenerateInput,
  options?: CallOptions,
): Promise<Result<GeneratedToken>> {
  if (!credentials.appSecret) return proofRequired()
  const common = {
    scope: input.scopes.join(','),
    set_token_expires_in_60_days: input.expiresIn60Days,
  }
  const call =
    input.edge === 'system-user'
      ? {
          path: `${input.systemUserId}/access_tokens`,
          params: { business_app: input.appId, ...common },
        }
      : {
          path: `${input.businessId}/system_user_access_tokens`,
          params: { system_user_id: input.systemUserId, ...common },
        }
  const answer = await callParsed(
    client,
    {
      method: 'POST',
      ...call,
      credentials,
      kind: 'create',
      usageKeys: [input.businessId],
      ...withOptions(options),
    },
    TokenAnswer,
  )
  return remember(answer)
}

export interface RefreshInput {
  readonly appId: string
  readonly appSecret: string
  /** The current, still valid, 60-day token. */
  readonly token: string
}

export interface RefreshedToken extends GeneratedToken {
  /** Seconds the new token has left, as Meta says. */
  readonly expiresIn?: number
}

const RefreshAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().nonnegative().optional(),
})

/**
 * Refreshes a 60-day token through `oauth/access_token` (grant_type=fb_exchange_token,
 * docs/graph-api.md §4.4). Checks the token first with debug_token: a never-expiring token is
 * refused here (the exchange would hand back a 60-day one, quietly giving the admin a token that
 * dies), and an already expired or revoked token is reported as such (Meta cannot refresh it; a new
 * one is needed).
 */
export async function refreshToken(
  client: GraphClient,
  input: RefreshInput,
  options?: CallOptions,
): Promise<Result<RefreshedToken>> {
  const info = await debugToken(client, { ...input, inputToken: input.token }, options)
  if (!info.ok) return info
  if (!info.value.isValid) {
    const expired = info.value.problem?.subcode === 463
    return err(
      expired ? 'auth-expired' : 'auth-invalid',
      expired ? 'graph.code.tokenExpired' : 'graph.code.tokenInvalid',
      {
        hintKey: 'graph.hint.generateNewToken',
        ...(info.value.problem ? { graphCode: info.value.problem.code } : {}),
        ...(info.value.problem?.subcode !== undefined
          ? { graphSubcode: info.value.problem.subcode }
          : {}),
      },
    )
  }
  if (info.value.expiresAt === 0) {
    return { ok: false, error: appError('invalid-input', 'graph.refreshNeverExpiring') }
  }
  const answer = await callParsed(
    client,
    {
      method: 'GET',
      path: 'oauth/access_token',
      params: {
        grant_type: 'fb_exchange_token',
        client_id: input.appId,
        client_secret: input.appSecret,
        set_token_expires_in_60_days: true,
        fb_exchange_token: input.token,
      },
      credentials: { token: input.token, appSecret: input.appSecret },
      kind: 'create',
      ...withOptions(options),
    },
    RefreshAnswer,
  )
  // The exchange is the one call here made with the system user's token (debug_token above uses
  // the app's), so its token errors are about that token.
  return mapResult(asSystemUserTokenError(answer), (value) => {
    registerSecret(value.access_token)
    return {
      token: value.access_token,
      ...(value.expires_in !== undefined ? { expiresIn: value.expires_in } : {}),
    }
  })
}

/**
 * Revokes one token at once through `oauth/revoke` (docs/graph-api.md §4.5). The caller's token and
 * the revoked one must come from the same app as the secret.
 */
export async function revokeToken(
  client: GraphClient,
  credentials: GraphCredentials & { readonly appSecret: string },
  input: { readonly appId: string; readonly tokenToRevoke: string },
  options?: CallOptions,
): Promise<Result<void>> {
  registerSecret(input.tokenToRevoke)
  const answer = await callParsed(
    client,
    {
      method: 'GET',
      path: 'oauth/revoke',
      params: {
        client_id: input.appId,
        client_secret: credentials.appSecret,
        revoke_token: input.tokenToRevoke,
      },
      credentials,
      kind: 'idempotent-write',
      ...withOptions(options),
    },
    Success,
  )
  return mapResult(answer, () => undefined)
}

/**
 * Invalidates every token of a system user: `DELETE /{su}/access_tokens` (docs/graph-api.md §4.5).
 */
export async function revokeAllTokens(
  client: GraphClient,
  credentials: GraphCredentials,
  input: { readonly systemUserId: string; readonly businessId?: string },
  options?: CallOptions,
): Promise<Result<void>> {
  const answer = await callParsed(
    client,
    {
      method: 'DELETE',
      path: `${input.systemUserId}/access_tokens`,
      credentials,
      ...(input.businessId ? { usageKeys: [input.businessId] } : {}),
      ...withOptions(options),
    },
    Success,
  )
  return mapResult(answer, () => undefined)
}
