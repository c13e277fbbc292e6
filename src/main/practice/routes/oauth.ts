import { createHash } from 'node:crypto'
import { tokenProblem } from '../auth'
import type { MethodTable, RouteContext, RouteResult } from '../context'
import { GraphError, graphErrors } from '../errors'
import { SIXTY_DAYS_S } from '../model'
import { param, requireParam } from '../params'
import type { AppRecord } from '../types'

/** client_id + client_secret must name an app and its secret ("Error validating client secret."). */
function clientApp(ctx: RouteContext): Readonly<AppRecord> {
  const app = ctx.model.app(requireParam(ctx.params, 'client_id'))
  if (!app) throw graphErrors.invalidParam('Error validating application. Invalid application ID.')
  if (requireParam(ctx.params, 'client_secret') !== app.secret) throw graphErrors.badClientSecret()
  return app
}

const bearer = (token: string, expiresIn?: number) => ({
  access_token: token,
  token_type: 'bearer',
  ...(expiresIn !== undefined ? { expires_in: expiresIn } : {}),
})

/**
 * grant_type=fb_exchange_token (docs/graph-api.md §4.4): a still-valid token of this app → a new
 * 60-day one; the old one keeps working until its own expiry. An expired token cannot be refreshed.
 */
function exchange(ctx: RouteContext, app: Readonly<AppRecord>): RouteResult {
  const old = ctx.model.token(requireParam(ctx.params, 'fb_exchange_token'))
  const problem = tokenProblem(old, ctx.sim.now())
  if (problem || !old) throw problem ?? graphErrors.tokenUnparseable()
  if (old.appId !== app.id || (old.type !== 'USER' && old.type !== 'SYSTEM_USER')) {
    // UNCONFIRMED text: the rule is that the app, the token's app and the secret all match.
    throw graphErrors.invalidParam('The access token was not issued for this application')
  }
  const issuedAt = Math.floor(ctx.sim.now() / 1000)
  const token = ctx.model.mintToken({
    type: old.type,
    appId: app.id,
    ...(old.userId !== undefined ? { userId: old.userId } : {}),
    scopes: old.scopes,
    issuedAt,
    expiresAt: issuedAt + SIXTY_DAYS_S,
  })
  return { json: bearer(token.value, SIXTY_DAYS_S) }
}

/**
 * The code exchange of the practice login (Facebook Login's server-side flow): code, redirect_uri
 * identical to the dialog's, single use, 10 minutes. Answers a 60-day user token.
 */
function codeExchange(ctx: RouteContext, app: Readonly<AppRecord>): RouteResult {
  const code = requireParam(ctx.params, 'code')
  const redirectUri = requireParam(ctx.params, 'redirect_uri')
  const grant = ctx.model.authCodes.get(code)
  if (!grant || grant.appId !== app.id || grant.expiresAtMs <= ctx.sim.now()) {
    throw graphErrors.invalidParam('Invalid verification code format.')
  }
  if (grant.used) {
    throw new GraphError(100, 'This authorization code has been used.', { subcode: 36009 })
  }
  if (grant.redirectUri !== redirectUri) {
    throw new GraphError(
      100,
      'Error validating verification code. Please make sure your redirect_uri is identical to ' +
        'the one you used in the OAuth dialog request',
      { subcode: 36008 },
    )
  }
  if (grant.codeChallenge !== undefined && !verifierMatches(ctx, grant.codeChallenge)) {
    throw graphErrors.invalidParam('Invalid code verifier.')
  }
  grant.used = true
  const token = ctx.model.mintToken({
    type: 'USER',
    appId: app.id,
    userId: grant.userId,
    scopes: grant.scopes,
  })
  return { json: bearer(token.value, token.expiresAt - token.issuedAt) }
}

/** RFC 7636 S256: BASE64URL(SHA256(code_verifier)) must equal the dialog's challenge. */
function verifierMatches(ctx: RouteContext, challenge: string): boolean {
  const verifier = param(ctx.params, 'code_verifier') ?? ''
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false
  return createHash('sha256').update(verifier, 'ascii').digest('base64url') === challenge
}

function accessToken(ctx: RouteContext): RouteResult {
  const app = clientApp(ctx)
  const grantType = param(ctx.params, 'grant_type')
  if (grantType === 'fb_exchange_token') return exchange(ctx, app)
  if (grantType === 'client_credentials') return { json: bearer(`${app.id}|${app.secret}`) }
  if (grantType === undefined || grantType === 'authorization_code') return codeExchange(ctx, app)
  throw graphErrors.invalidParam(`Unsupported grant_type: ${grantType}`)
}

/**
 * GET|POST /oauth/revoke (docs/graph-api.md §4.5): the app id, the apps behind revoke_token and
 * access_token and the secret must all match. Meta's sample answers `{"success":"true"}` with a
 * string — kept as is.
 */
function revoke(ctx: RouteContext): RouteResult {
  const app = clientApp(ctx)
  const target = ctx.model.token(requireParam(ctx.params, 'revoke_token'))
  if (!target) throw graphErrors.tokenUnparseable()
  if (target.appId !== app.id || ctx.caller?.appId !== app.id) {
    throw graphErrors.invalidParam('The tokens and the app do not match')
  }
  ctx.model.revokeToken(target.value)
  return { json: { success: 'true' } }
}

const both = (def: MethodTable['GET']): MethodTable => ({ GET: def, POST: def })

export const OAUTH_ACCESS_TOKEN_ROUTES = both({ handler: accessToken, auth: 'none' })
export const OAUTH_REVOKE_ROUTES = both({ handler: revoke })
