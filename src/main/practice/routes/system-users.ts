import { isBusinessAdmin, isBusinessMember, requireBusinessAdmin } from '../auth'
import type { EdgeTable, RouteContext, RouteResult } from '../context'
import { GraphError, graphErrors } from '../errors'
import { parseFields, project } from '../fields'
import { listBody } from '../pagination'
import { param, requireParam } from '../params'
import type { SystemUserRecord, SystemUserRole } from '../types'
import { appView, systemUserView } from '../views'

/**
 * Regular system users per app tier; admin system users are capped at 1 per business
 * (docs/graph-api.md §8.1).
 */
export const REGULAR_SYSTEM_USER_LIMIT = { limited: 1, full: 10 } as const

const ROLES: readonly SystemUserRole[] = ['ADMIN', 'EMPLOYEE']

/** The app whose tier sets the cap: the caller's app if the business owns it, else its best. */
function regularLimit(ctx: RouteContext, businessId: string): number {
  const own = ctx.model.apps(businessId)
  const callerApp = own.find((a) => a.id === ctx.caller?.appId)
  if (callerApp) return REGULAR_SYSTEM_USER_LIMIT[callerApp.tier]
  return own.some((a) => a.tier === 'full') ? 10 : REGULAR_SYSTEM_USER_LIMIT.limited
}

/**
 * Read-after-write (docs/graph-api.md §1): a POST with `fields=` answers with the object instead.
 */
function written(ctx: RouteContext, su: Readonly<SystemUserRecord>, plain: unknown): RouteResult {
  const fields = parseFields(ctx.params.get('fields'))
  return { json: fields ? project(systemUserView(su, ctx.model), fields) : plain }
}

function createOrRename(ctx: RouteContext): RouteResult {
  const businessId = ctx.nodeId
  requireBusinessAdmin(ctx, businessId)
  const name = requireParam(ctx.params, 'name').trim()
  if (!name) throw graphErrors.missingParam('name')

  // Rename: the same edge with system_user_id; only the name can change (docs/graph-api.md §2.2).
  const renameId = param(ctx.params, 'system_user_id')
  if (renameId !== undefined) {
    const su = ctx.model.systemUser(renameId)
    if (!su || su.businessId !== businessId) {
      throw graphErrors.invalidParam('Param system_user_id must be a system user of this business')
    }
    ctx.model.renameSystemUser(su.id, name)
    return written(ctx, su, { success: true })
  }

  const roleText = (param(ctx.params, 'role') ?? 'EMPLOYEE').toUpperCase()
  const role = ROLES.find((r) => r === roleText)
  if (!role) throw graphErrors.invalidParam(`Param role must be one of {${ROLES.join(', ')}}`)
  const existing = ctx.model.systemUsers(businessId)
  // UNCONFIRMED: Meta's code and text for a full quota were not found in any source
  // (docs/graph-api.md §6.2, §12); code 100 with a plain sentence is our stand-in.
  if (role === 'ADMIN' && existing.some((s) => s.role === 'ADMIN')) {
    throw new GraphError(100, '(#100) A business can have only one admin system user.', {
      userTitle: 'Admin system user limit reached',
      userMessage: 'This business already has an admin system user. A business can have only one.',
    })
  }
  const limit = regularLimit(ctx, businessId)
  if (role === 'EMPLOYEE' && existing.filter((s) => s.role === 'EMPLOYEE').length >= limit) {
    throw new GraphError(
      100,
      `(#100) This business has reached its limit of ${limit} system user${limit === 1 ? '' : 's'} ` +
        "for the app's Marketing API access tier.",
      {
        userTitle: 'System user limit reached',
        userMessage: `You can't add more system users: this business has reached its limit of ${limit}.`,
      },
    )
  }
  const su = ctx.model.addSystemUser({
    businessId,
    name,
    role,
    ...(ctx.caller?.type === 'USER' && ctx.caller.userId ? { createdBy: ctx.caller.userId } : {}),
  })
  return written(ctx, su, { id: su.id })
}

function listSystemUsers(ctx: RouteContext): RouteResult {
  requireBusinessAdmin(ctx, ctx.nodeId)
  const fields = parseFields(ctx.params.get('fields'))
  const all = ctx.model.systemUsers(ctx.nodeId)
  return {
    json: listBody(
      ctx,
      all,
      (s) => s.id,
      (s) => project(systemUserView(s, ctx.model), fields, ['role']),
    ),
  }
}

/** The system user itself, or an admin of its business. */
export function requireSelfOrAdmin(ctx: RouteContext): Readonly<SystemUserRecord> {
  const su = ctx.model.systemUser(ctx.nodeId)
  if (!su) throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  if (ctx.caller?.userId === su.id) return su
  if (!isBusinessMember(ctx.model, ctx.caller, su.businessId)) {
    throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  }
  requireBusinessAdmin(ctx, su.businessId)
  return su
}

function getSystemUser(ctx: RouteContext): RouteResult {
  const su = requireSelfOrAdmin(ctx)
  return { json: project(systemUserView(su, ctx.model), parseFields(ctx.params.get('fields'))) }
}

/**
 * POST /{su}/applications (docs/graph-api.md §2.3): admin person, admin system user, or another
 * system user of the same business may install; the app must be the business's own.
 */
function installApp(ctx: RouteContext): RouteResult {
  const su = ctx.model.systemUser(ctx.nodeId)
  if (!su) throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  const caller = ctx.caller
  const allowed =
    isBusinessAdmin(ctx.model, caller, su.businessId) ||
    (caller?.type === 'SYSTEM_USER' && isBusinessMember(ctx.model, caller, su.businessId))
  if (!allowed) throw graphErrors.notAdmin()
  if (!caller?.scopes.includes('business_management')) {
    throw graphErrors.missingScope('business_management')
  }
  const appId = requireParam(ctx.params, 'business_app')
  const app = ctx.model.app(appId)
  if (!app) throw graphErrors.invalidParam('Param business_app must be a valid app id')
  if (app.businessId !== su.businessId) {
    // UNCONFIRMED text; the rule is S-OVR's "system user and app must belong to the same business".
    throw new GraphError(
      100,
      `(#100) App ${app.id} does not belong to the business of this system user.`,
    )
  }
  ctx.model.installApp(su.id, app.id)
  return { json: { success: true } }
}

/**
 * GET /{su}/assigned_apps (docs/graph-api.md §2.3): Application nodes plus tasks, permitted_tasks,
 * can_be_removed.
 */
function assignedApps(ctx: RouteContext): RouteResult {
  const su = requireSelfOrAdmin(ctx)
  const fields = parseFields(ctx.params.get('fields'))
  const apps = su.installedAppIds.flatMap((id) => ctx.model.app(id) ?? [])
  return {
    json: listBody(
      ctx,
      apps,
      (a) => a.id,
      (a) => {
        const view = appView(a)
        // UNCONFIRMED: no app task enum exists in the specs (docs/graph-api.md §3); MANAGE/DEVELOP
        // is a guess.
        const extra = {
          tasks: () => ['MANAGE'],
          permitted_tasks: () => ['MANAGE', 'DEVELOP'],
          can_be_removed: () => true,
        }
        return project({ ...view, fields: { ...view.fields, ...extra } }, fields)
      },
    ),
  }
}

export const BUSINESS_SYSTEM_USER_ROUTES: EdgeTable = {
  system_users: { GET: { handler: listSystemUsers }, POST: { handler: createOrRename } },
}

export const SYSTEM_USER_ROUTES: EdgeTable = {
  '': { GET: { handler: getSystemUser } },
  applications: { POST: { handler: installApp } },
  assigned_apps: { GET: { handler: assignedApps } },
}
