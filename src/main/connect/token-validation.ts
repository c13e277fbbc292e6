import type { BusinessSummary } from '@shared/ipc/schemas/connect'
import { err, ok, type AppError, type Result } from '@shared/result'
import { getMe } from '../graph/business'
import type { GraphClient } from '../graph/client'
import { debugToken, type TokenInfo } from '../graph/debug'
import type { ResolvedApp } from './app-credentials'
import { listBusinessSummaries } from './businesses'

/**
 * Everything Meta must confirm before a token is kept (Connect issue, docs/graph-api.md §2.1 and
 * §5): debug_token (issued for this app, still valid, its type, expiry and scopes), then `/me` (who
 * it is) and `/me/businesses` (where it can work). Nothing here writes anything; a refusal says
 * precisely why, in words an admin who has never seen an API can act on.
 */

/**
 * The one permission setup cannot do without: Business Manager API reads and writes — listing
 * portfolios, creating system users, assigning assets, generating their tokens
 * (docs/graph-api.md §9).
 */
export const REQUIRED_SCOPE = 'business_management'

export interface ValidatedToken {
  readonly tokenKind: 'user' | 'system-user'
  /** Unix seconds; 0 = never expires (Meta's debug_token convention). */
  readonly expiresAt: number
  readonly scopes: readonly string[]
  /** Per scope, the ids it is limited to (absent: everything). */
  readonly granularScopes: TokenInfo['granularScopes']
  readonly appName?: string
  readonly userId: string
  readonly userName: string
  readonly businesses: readonly BusinessSummary[]
}

const carry = (error: AppError) => ({
  ...(error.fbtraceId ? { fbtraceId: error.fbtraceId } : {}),
  ...(error.graphCode !== undefined ? { graphCode: error.graphCode } : {}),
  ...(error.graphSubcode !== undefined ? { graphSubcode: error.graphSubcode } : {}),
})

/**
 * What a failed debug_token call says about the app credentials. debug_token's caller is the app
 * access token `{app-id}|{app-secret}`, so its failures are about the app, not the pasted token:
 * - 104 "access token required": Meta ignored the app token, which it does when App Type is
 *   Native/Desktop (it assumes the secret ships in the binary — docs/graph-api.md §5 and §10.12);
 * - 190 / 102 or "validating client secret": the app id and secret do not belong together;
 * - 100: with our fixed parameters, only "the App_id in the input_token did not match the Viewing
 *   App" — the token was issued for another app.
 * Anything else (network, throttling) is passed through as the Graph client explained it.
 */
export function explainDebugFailure(error: AppError): AppError {
  const extra = carry(error)
  if (error.graphCode === 104) {
    return {
      code: 'permission-denied',
      messageKey: 'connectMain.error.desktopAppType',
      hintKey: 'connectMain.hint.appTypeWeb',
      ...extra,
    }
  }
  if (
    error.graphCode === 190 ||
    error.graphCode === 102 ||
    error.messageKey === 'graph.code.badClientSecret'
  ) {
    return {
      code: 'auth-invalid',
      messageKey: 'connectMain.error.appCredentialsWrong',
      hintKey: 'connectMain.hint.findAppSecret',
      ...extra,
    }
  }
  if (error.graphCode === 100) {
    return {
      code: 'auth-invalid',
      messageKey: 'connectMain.error.tokenOtherApp',
      hintKey: 'connectMain.hint.tokenForThisApp',
      ...extra,
    }
  }
  return error
}

const expired = () =>
  err('auth-expired', 'connectMain.error.tokenExpired', { hintKey: 'connectMain.hint.newToken' })

/**
 * Judges debug_token's answer, scope aside: still valid, issued for this app, and a person's or a
 * system user's token (the only kinds that can manage a business — docs/graph-api.md §4.6).
 */
export function checkTokenAlive(
  info: TokenInfo,
  app: Pick<ResolvedApp, 'appId'>,
  nowMs: number,
): Result<{ tokenKind: ValidatedToken['tokenKind'] }> {
  const lapsed = info.expiresAt !== 0 && info.expiresAt * 1000 <= nowMs
  if (!info.isValid) {
    // 190/463 is Meta's "session has expired"; every other reason (467 invalidated, 460 password
    // changed, unknown) means the token was revoked or logged out, and a new one is needed.
    if (info.problem?.subcode === 463 || lapsed) return expired()
    return err('auth-invalid', 'connectMain.error.tokenRevoked', {
      hintKey: 'connectMain.hint.newToken',
      ...(info.problem ? { graphCode: info.problem.code } : {}),
      ...(info.problem?.subcode !== undefined ? { graphSubcode: info.problem.subcode } : {}),
    })
  }
  if (info.appId !== app.appId) {
    return err('auth-invalid', 'connectMain.error.tokenOtherApp', {
      hintKey: 'connectMain.hint.tokenForThisApp',
    })
  }
  if (lapsed) return expired()
  const type = (info.type ?? '').toUpperCase()
  if (type !== 'USER' && type !== 'SYSTEM_USER') {
    return err('invalid-input', 'connectMain.error.tokenWrongType', {
      hintKey: 'connectMain.hint.pasteToken',
      params: { type: type === '' ? '?' : type.slice(0, 20) },
    })
  }
  return ok({ tokenKind: type === 'USER' ? 'user' : 'system-user' })
}

/** checkTokenAlive, plus the one scope setup cannot do without. */
export function judgeTokenInfo(
  info: TokenInfo,
  app: Pick<ResolvedApp, 'appId'>,
  nowMs: number,
): Result<{ tokenKind: ValidatedToken['tokenKind'] }> {
  const alive = checkTokenAlive(info, app, nowMs)
  if (!alive.ok) return alive
  if (!info.scopes.includes(REQUIRED_SCOPE)) {
    return err('permission-denied', 'connectMain.error.missingScope', {
      hintKey: 'connectMain.hint.allowScope',
      params: { scope: REQUIRED_SCOPE },
    })
  }
  return alive
}

/** Runs every check in order; the first refusal ends it. */
export async function validateToken(
  client: GraphClient,
  app: ResolvedApp,
  token: string,
  nowMs: number,
  signal?: AbortSignal,
): Promise<Result<ValidatedToken>> {
  const options = signal ? { signal } : undefined
  const debugged = await debugToken(
    client,
    { appId: app.appId, appSecret: app.appSecret, inputToken: token },
    options,
  )
  if (!debugged.ok) return { ok: false, error: explainDebugFailure(debugged.error) }
  const info = debugged.value
  const judged = judgeTokenInfo(info, app, nowMs)
  if (!judged.ok) return judged

  const credentials = { token, appSecret: app.appSecret }
  const me = await getMe(client, credentials, options)
  if (!me.ok) return me
  const businesses = await listBusinessSummaries(client, credentials, signal)
  if (!businesses.ok) return businesses
  if (businesses.value.length === 0) {
    return err('permission-denied', 'connectMain.error.noBusinesses', {
      hintKey: 'connectMain.hint.joinBusiness',
    })
  }
  return ok({
    tokenKind: judged.value.tokenKind,
    expiresAt: info.expiresAt,
    scopes: info.scopes,
    granularScopes: info.granularScopes,
    ...(info.application ? { appName: info.application } : {}),
    userId: me.value.id,
    userName: me.value.name,
    businesses: businesses.value,
  })
}
