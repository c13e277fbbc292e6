import type { RouteContext } from './context'
import { graphErrors } from './errors'
import type { SimulatorModel } from './model'
import type { TokenRecord } from './types'

/**
 * Finds the record behind a token value without judging it. App access tokens are `id|secret`
 * (docs/graph-api.md §5); a Native/Desktop app's are ignored, "as though no access token was
 * provided" (§10.12).
 */
export function lookupToken(
  model: SimulatorModel,
  value: string | undefined,
): Readonly<TokenRecord> | undefined {
  if (!value) return undefined
  const appToken = /^(\d+)\|([0-9a-fA-F]+)$/.exec(value)
  if (appToken) {
    const app = model.app(appToken[1] ?? '')
    if (!app || app.secret !== appToken[2] || app.appType === 'native_desktop') return undefined
    return {
      value,
      type: 'APP',
      appId: app.id,
      scopes: [],
      issuedAt: 0,
      expiresAt: 0,
      dataAccessExpiresAt: 0,
      revoked: false,
    }
  }
  return model.token(value)
}

/**
 * A Native/Desktop app's valid app token: Meta assumes its secret ships in the binary and treats
 * calls with it "as though no access token was provided" (docs/graph-api.md §5, §10.12) — 104, not
 * 190.
 */
export function isIgnoredAppToken(model: SimulatorModel, value: string): boolean {
  const appToken = /^(\d+)\|([0-9a-fA-F]+)$/.exec(value)
  const app = appToken ? model.app(appToken[1] ?? '') : undefined
  return app?.appType === 'native_desktop' && app.secret === appToken?.[2]
}

/** Why a token is not usable, as Meta reports it (190 with subcode), or undefined if it is. */
export function tokenProblem(
  token: Readonly<TokenRecord> | undefined,
  nowMs: number,
): ReturnType<typeof graphErrors.tokenUnparseable> | undefined {
  if (!token) return graphErrors.tokenUnparseable()
  if (token.revoked) return graphErrors.tokenRevoked()
  if (token.expiresAt !== 0 && nowMs >= token.expiresAt * 1000) {
    return graphErrors.tokenExpired(token.expiresAt * 1000, nowMs)
  }
  return undefined
}

/** Admin person of the business, or its admin system user (docs/graph-api.md §4.6). */
export function isBusinessAdmin(
  model: SimulatorModel,
  caller: Readonly<TokenRecord> | undefined,
  businessId: string,
): boolean {
  if (!caller?.userId) return false
  if (caller.type === 'USER') {
    return model.business(businessId)?.adminUserIds.includes(caller.userId) ?? false
  }
  if (caller.type === 'SYSTEM_USER') {
    const su = model.systemUser(caller.userId)
    return su?.businessId === businessId && su.role === 'ADMIN'
  }
  return false
}

/** Anyone on the business: its people (admin or employee) and its system users. */
export function isBusinessMember(
  model: SimulatorModel,
  caller: Readonly<TokenRecord> | undefined,
  businessId: string,
): boolean {
  if (!caller?.userId) return false
  if (caller.type === 'USER') {
    const business = model.business(businessId)
    return (
      (business?.adminUserIds.includes(caller.userId) ||
        business?.employeeUserIds.includes(caller.userId)) ??
      false
    )
  }
  if (caller.type === 'SYSTEM_USER') {
    return model.systemUser(caller.userId)?.businessId === businessId
  }
  return false
}

function requireScope(ctx: RouteContext, scope: string): void {
  if (!ctx.caller?.scopes.includes(scope)) throw graphErrors.missingScope(scope)
}

/**
 * Business administration (create/rename/list system users, assign assets, generate tokens):
 * admin person or admin system user, with business_management (docs/graph-api.md §4.6, §9).
 * Employee system users get code 200.
 */
export function requireBusinessAdmin(ctx: RouteContext, businessId: string): void {
  if (!isBusinessAdmin(ctx.model, ctx.caller, businessId)) throw graphErrors.notAdmin()
  requireScope(ctx, 'business_management')
}

/** Reads of the business's own data: any member, with business_management. */
export function requireBusinessMember(ctx: RouteContext, businessId: string): void {
  if (!isBusinessMember(ctx.model, ctx.caller, businessId)) {
    throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  }
  requireScope(ctx, 'business_management')
}
