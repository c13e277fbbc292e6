import { lookupToken, requireBusinessAdmin, tokenProblem } from '../auth'
import type { EdgeTable, MethodTable, RouteContext, RouteResult } from '../context'
import { GraphError, graphErrors } from '../errors'
import { SIXTY_DAYS_S } from '../model'
import { boolParam, listParam, requireParam } from '../params'
import { SYSTEM_USER_SCOPES, scopeTargetKind } from '../tasks'
import type { SystemUserRecord, TokenRecord } from '../types'

/**
 * Generates a system-user token (docs/graph-api.md §4.2), on either edge. Checks in order: caller
 * is an admin of the business (an employee system user gets 200 — docs/graph-api.md §4.6 leaves
 * that UNCONFIRMED), the app exists and is the business's, the app is installed on the system user
 * (docs/graph-api.md §10.1), every scope is a valid system-user scope (3962), 2FA for admin system
 * users (415/2859009, docs/graph-api.md §10.8), and "never" refused where the business must use
 * expiring tokens (docs/graph-api.md §4.1). appsecret_proof is checked by the engine
 * (`proof: 'always'`).
 */
function generate(ctx: RouteContext, su: Readonly<SystemUserRecord>, appId: string): RouteResult {
  requireBusinessAdmin(ctx, su.businessId)
  const app = ctx.model.app(appId)
  if (!app) throw graphErrors.invalidParam('Param business_app must be a valid app id')
  if (app.businessId !== su.businessId) {
    // UNCONFIRMED text (docs/graph-api.md §4.2 precondition "the app is claimed by this business").
    throw new GraphError(100, `(#100) App ${app.id} is not owned by business ${su.businessId}.`)
  }
  if (!su.installedAppIds.includes(app.id)) {
    // UNCONFIRMED code and text; the rule is S-INST's "install the app before generating".
    throw new GraphError(
      100,
      `(#100) App ${app.id} is not installed for this system user. Install the app for the ` +
        'system user first (POST /{system-user-id}/applications with business_app).',
    )
  }
  const scopes = listParam(ctx.params, 'scope') ?? []
  if (scopes.some((scope) => !SYSTEM_USER_SCOPES.has(scope))) throw graphErrors.invalidScope()
  const expiring = boolParam(ctx.params, 'set_token_expires_in_60_days') ?? false
  const business = ctx.model.business(su.businessId)
  if (business?.twoFactorPending && su.role === 'ADMIN') throw graphErrors.twoFactorRequired()
  if (business?.mustUseExpiringTokens && !expiring) {
    // UNCONFIRMED code and text (docs/graph-api.md §4.1: "omitting it or sending false is an
    // error").
    throw new GraphError(
      100,
      '(#100) This business must use expiring tokens: set set_token_expires_in_60_days to true.',
    )
  }
  const issuedAt = Math.floor(ctx.sim.now() / 1000)
  const token = ctx.model.mintToken({
    type: 'SYSTEM_USER',
    appId: app.id,
    userId: su.id,
    scopes: [...new Set(scopes)],
    issuedAt,
    expiresAt: expiring ? issuedAt + SIXTY_DAYS_S : 0,
  })
  return { json: { access_token: token.value } }
}

function systemUserOf(ctx: RouteContext, id: string): Readonly<SystemUserRecord> {
  const su = ctx.model.systemUser(id)
  if (!su) throw graphErrors.unknownObject(id, ctx.method)
  return su
}

/** POST /{su}/access_tokens with business_app, scope, set_token_expires_in_60_days. */
function generateOnUser(ctx: RouteContext): RouteResult {
  const su = systemUserOf(ctx, ctx.nodeId)
  return generate(ctx, su, requireParam(ctx.params, 'business_app'))
}

/**
 * POST /{business}/system_user_access_tokens with system_user_id: the app is the one that issued
 * the caller's token. `asset` and `fetch_only` are undocumented (docs/graph-api.md §4.2) and
 * ignored.
 */
function generateOnBusiness(ctx: RouteContext): RouteResult {
  const id = requireParam(ctx.params, 'system_user_id')
  const su = ctx.model.systemUser(id)
  if (!su || su.businessId !== ctx.nodeId) {
    throw graphErrors.invalidParam('Param system_user_id must be a system user of this business')
  }
  return generate(ctx, su, ctx.caller?.appId ?? '')
}

/**
 * DELETE /{su}/access_tokens: invalidates every token of the system user (docs/graph-api.md §4.5).
 */
function revokeAll(ctx: RouteContext): RouteResult {
  const su = systemUserOf(ctx, ctx.nodeId)
  requireBusinessAdmin(ctx, su.businessId)
  ctx.model.revokeTokensOf(su.id)
  return { json: { success: true } }
}

export const SYSTEM_USER_TOKEN_ROUTES: EdgeTable = {
  access_tokens: {
    POST: { handler: generateOnUser, proof: 'always' },
    DELETE: { handler: revokeAll },
  },
}

export const BUSINESS_TOKEN_ROUTES: EdgeTable = {
  system_user_access_tokens: { POST: { handler: generateOnBusiness, proof: 'always' } },
}

function granularScopes(ctx: RouteContext, token: Readonly<TokenRecord>) {
  const su = token.userId ? ctx.model.systemUser(token.userId) : undefined
  return token.scopes.map((scope) => {
    const kind = scopeTargetKind(scope)
    // Targets are omitted when the permission reaches everything (docs/graph-api.md §5) — admin
    // system users.
    if (!su || su.role === 'ADMIN' || !kind) return { scope }
    const targets = ctx.model.assignmentsOfUser(su.id, kind).map((a) => a.assetId)
    return { scope, target_ids: targets }
  })
}

/**
 * GET /debug_token (docs/graph-api.md §5). Caller: the issuing app's access token (`id|secret`) or
 * a user token of a developer of that app. Bad input tokens answer 200 with `is_valid: false` and
 * an `error`.
 */
function debugToken(ctx: RouteContext): RouteResult {
  const input = requireParam(ctx.params, 'input_token')
  const caller = ctx.caller
  const token = lookupToken(ctx.model, input)
  const developer = (appId: string) =>
    caller?.type === 'USER' && ctx.model.app(appId)?.developerUserIds.includes(caller.userId ?? '')
  if (caller?.type !== 'APP' && !(caller?.type === 'USER' && (!token || developer(token.appId)))) {
    throw graphErrors.invalidParam(
      'You must provide an app access token, or a user access token that is an owner or developer of the app',
    )
  }
  if (!token) {
    return {
      json: {
        data: {
          error: { code: 190, message: 'Invalid OAuth access token.' },
          is_valid: false,
          scopes: [],
        },
      },
    }
  }
  if (caller.type === 'APP' && caller.appId !== token.appId) {
    throw graphErrors.invalidParam('The App_id in the input_token did not match the Viewing App')
  }
  const app = ctx.model.app(token.appId)
  const problem = tokenProblem(token, ctx.sim.now())
  const data: Record<string, unknown> = {
    app_id: token.appId,
    type: token.type,
    application: app?.name,
    data_access_expires_at: token.dataAccessExpiresAt,
    expires_at: token.expiresAt,
    is_valid: problem === undefined,
    ...(token.type === 'APP' ? {} : { issued_at: token.issuedAt }),
    scopes: token.scopes,
    granular_scopes: granularScopes(ctx, token),
    ...(token.userId ? { user_id: token.userId } : {}),
    ...(token.pageId ? { profile_id: token.pageId } : {}),
  }
  if (problem) {
    data.error = {
      code: problem.code,
      message: problem.message,
      ...(problem.options.subcode !== undefined ? { subcode: problem.options.subcode } : {}),
    }
  }
  return { json: { data } }
}

export const DEBUG_ROUTES: MethodTable = { GET: { handler: debugToken } }
