import type { AssignableKind } from '@shared/catalog/asset-kinds'
import { isBusinessMember, requireBusinessAdmin, requireBusinessMember } from '../auth'
import type { EdgeTable, RouteContext, RouteResult } from '../context'
import { graphErrors } from '../errors'
import type { NodeView } from '../fields'
import { parseFields, project } from '../fields'
import { listBody } from '../pagination'
import { listParam, param, requireParam } from '../params'
import { defaultTasks, expandTasks, taskEnum, tasksRequired } from '../tasks'
import type { AssetRecord, AssignmentRecord } from '../types'
import { ASSIGNED_EDGE_KINDS, assetView, personView, systemUserView } from '../views'
import { requireSelfOrAdmin } from './system-users'

function assetOf(ctx: RouteContext): Readonly<AssetRecord> {
  const asset = ctx.model.asset(ctx.nodeId)
  if (!asset) throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  return asset
}

/**
 * `business`, when given (and on GET, where it is required — docs/graph-api.md §10.9), must be the
 * asset's.
 */
function checkBusiness(ctx: RouteContext, asset: Readonly<AssetRecord>, required: boolean): void {
  const business = required ? requireParam(ctx.params, 'business') : param(ctx.params, 'business')
  if (business !== undefined && business !== asset.businessId) {
    throw graphErrors.invalidParam(`Param business must be a business with access to ${asset.id}`)
  }
}

/** The user must be a system user or a person of the asset's business. */
function checkUser(ctx: RouteContext, asset: Readonly<AssetRecord>): string {
  const userId = requireParam(ctx.params, 'user')
  const su = ctx.model.systemUser(userId)
  const business = ctx.model.business(asset.businessId)
  const ok =
    su?.businessId === asset.businessId ||
    business?.adminUserIds.includes(userId) ||
    business?.employeeUserIds.includes(userId)
  if (!ok)
    throw graphErrors.invalidParam(`Param user must be a user of business ${asset.businessId}`)
  return userId
}

/**
 * POST /{asset}/assigned_users (docs/graph-api.md §2.5): validates `tasks` against the kind's enum
 * — for Pages the vocabulary currently switched on — and answers a violation the way Meta's schema
 * check does.
 */
function assign(ctx: RouteContext): RouteResult {
  const asset = assetOf(ctx)
  checkBusiness(ctx, asset, false)
  requireBusinessAdmin(ctx, asset.businessId)
  const userId = checkUser(ctx, asset)
  const vocabulary = ctx.model.pageTaskVocabulary
  let tasks = listParam(ctx.params, 'tasks') ?? []
  if (tasks.length === 0) {
    if (tasksRequired(asset.kind)) throw graphErrors.missingParam('tasks')
    tasks = defaultTasks()
  }
  const allowed = taskEnum(asset.kind, vocabulary)
  tasks.forEach((task, index) => {
    if (!allowed.includes(task)) throw graphErrors.enumViolation(`tasks.${index}`, allowed, task)
  })
  ctx.model.assign(asset.id, userId, expandTasks(asset.kind, vocabulary, tasks))
  return { json: { success: true } }
}

function userView(ctx: RouteContext, userId: string): NodeView | undefined {
  const su = ctx.model.systemUser(userId)
  if (su) return systemUserView(su, ctx.model)
  const person = ctx.model.person(userId)
  return person ? personView(person) : undefined
}

/**
 * GET /{asset}/assigned_users?business=… → AssignedUser nodes with tasks (docs/graph-api.md §2.5).
 */
function listAssigned(ctx: RouteContext): RouteResult {
  const asset = assetOf(ctx)
  checkBusiness(ctx, asset, true)
  requireBusinessMember(ctx, asset.businessId)
  const fields = parseFields(ctx.params.get('fields'))
  const business = ctx.model.business(asset.businessId)
  const permitted = taskEnum(asset.kind, ctx.model.pageTaskVocabulary)
  const render = (a: AssignmentRecord) => {
    const base = userView(ctx, a.userId)
    const view: NodeView = {
      type: 'AssignedUser',
      defaults: ['id', 'name'],
      fields: {
        ...base?.fields,
        id: () => a.userId,
        user_type: () => (ctx.model.systemUser(a.userId) ? 'SYSTEM_USER' : 'BUSINESS_USER'),
        business: () => (business ? { id: business.id, name: business.name } : undefined),
        tasks: () => a.tasks,
        permitted_tasks: () => permitted,
      },
    }
    return project(view, fields, ['tasks'])
  }
  return { json: listBody(ctx, ctx.model.assignmentsOfAsset(asset.id), (a) => a.userId, render) }
}

function unassign(ctx: RouteContext): RouteResult {
  const asset = assetOf(ctx)
  checkBusiness(ctx, asset, false)
  requireBusinessAdmin(ctx, asset.businessId)
  ctx.model.unassign(asset.id, requireParam(ctx.params, 'user'))
  return { json: { success: true } }
}

const ASSIGNED_USERS = {
  GET: { handler: listAssigned },
  POST: { handler: assign },
  DELETE: { handler: unassign },
}

/**
 * Per kind: pixels have no DELETE on assigned_users in the specs or the reference
 * (docs/graph-api.md §2.5).
 */
export function assignmentRoutes(kind: AssignableKind): EdgeTable {
  if (kind === 'pixel') {
    return { assigned_users: { GET: ASSIGNED_USERS.GET, POST: ASSIGNED_USERS.POST } }
  }
  return { assigned_users: ASSIGNED_USERS }
}

/** A person's own edges, or a system user's (itself or an admin of its business). */
function requireUserAccess(ctx: RouteContext): string {
  if (ctx.model.systemUser(ctx.nodeId)) return requireSelfOrAdmin(ctx).id
  if (ctx.caller?.userId === ctx.nodeId) return ctx.nodeId
  const shares = ctx.model
    .businesses()
    .some(
      (b) =>
        b.adminUserIds.includes(ctx.caller?.userId ?? '') &&
        isBusinessMember(ctx.model, ctx.caller, b.id),
    )
  if (!shares) throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  return ctx.nodeId
}

/**
 * GET /{su}/assigned_* (docs/graph-api.md §2.6): the assets of one kind with `tasks` and
 * `permitted_tasks`.
 */
function assignedOfKind(kind: AssignableKind) {
  return (ctx: RouteContext): RouteResult => {
    const userId = requireUserAccess(ctx)
    const fields = parseFields(ctx.params.get('fields'))
    let rows = ctx.model.assignmentsOfUser(userId, kind)
    const pages = kind === 'page' ? listParam(ctx.params, 'pages') : undefined
    if (pages) rows = rows.filter((r) => pages.includes(r.assetId))
    const permitted = taskEnum(kind, ctx.model.pageTaskVocabulary)
    const render = (row: AssignmentRecord) => {
      const asset = ctx.model.asset(row.assetId)
      if (!asset) return { id: row.assetId }
      const view = assetView(asset, ctx.model, ctx.caller)
      const extra = { tasks: () => row.tasks, permitted_tasks: () => permitted }
      return project({ ...view, fields: { ...view.fields, ...extra } }, fields, ['tasks'])
    }
    return { json: listBody(ctx, rows, (r) => r.assetId, render) }
  }
}

export const USER_ASSIGNED_ROUTES: EdgeTable = Object.fromEntries(
  Object.entries(ASSIGNED_EDGE_KINDS).map(([edge, kind]) => [
    edge,
    { GET: { handler: assignedOfKind(kind) } },
  ]),
)
