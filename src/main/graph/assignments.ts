import { z } from 'zod'
import { ASSET_KIND_INFO, type AssetKind } from '@shared/catalog/asset-kinds'
import type { Result } from '@shared/result'
import { runBatch } from './batch'
import type { GraphClient, GraphCredentials } from './client'
import { malformedResponse } from './errors'
import { listAll } from './paginate'
import { callParsed, mapResult, Success, withOptions, type CallOptions } from './resource'

/**
 * Who holds which asset (docs/graph-api.md §2.5, §2.6): assign and unassign with `POST/DELETE
 * /{asset}/assigned_users`, read the asset's users (`business` is required there,
 * docs/graph-api.md §10.9), read a system user's assets per kind, and assign many at once through
 * the Batch API.
 *
 * Assigning is treated as idempotent: a repeat POST with the same tasks leaves the same grant
 * (whether Meta replaces or adds tasks is UNCONFIRMED, docs/graph-api.md §2.5; either way the
 * result is the same for an identical list), so a lost answer is safe to retry. Tasks are sent as
 * the caller gives them — for Pages the vocabulary Meta currently accepts (docs/graph-api.md §3) is
 * the caller's choice; an enum refusal comes back as `graph.code.taskNotAccepted`.
 */
export interface Assignment {
  readonly assetId: string
  readonly userId: string
  readonly businessId: string
  readonly tasks: readonly string[]
}

export interface AssignedUser {
  readonly id: string
  readonly name?: string
  /** SYSTEM_USER or BUSINESS_USER, as Meta reports it. */
  readonly userType?: string
  readonly tasks: readonly string[]
}

export interface AssignedAsset {
  readonly id: string
  readonly name?: string
  readonly tasks: readonly string[]
  readonly permittedTasks?: readonly string[]
}

const assignParams = (assignment: Assignment) => ({
  user: assignment.userId,
  tasks: [...assignment.tasks],
  business: assignment.businessId,
})

/** `POST /{asset}/assigned_users` with user, tasks and business. */
export async function assignAsset(
  client: GraphClient,
  credentials: GraphCredentials,
  assignment: Assignment,
  options?: CallOptions,
): Promise<Result<void>> {
  const answer = await callParsed(
    client,
    {
      method: 'POST',
      path: `${assignment.assetId}/assigned_users`,
      params: assignParams(assignment),
      credentials,
      kind: 'idempotent-write',
      ...withOptions(options),
    },
    Success,
  )
  return mapResult(answer, () => undefined)
}

/** `DELETE /{asset}/assigned_users?user=…` (not offered for pixels, docs/graph-api.md §2.5). */
export async function unassignAsset(
  client: GraphClient,
  credentials: GraphCredentials,
  input: { readonly assetId: string; readonly userId: string; readonly businessId: string },
  options?: CallOptions,
): Promise<Result<void>> {
  const answer = await callParsed(
    client,
    {
      method: 'DELETE',
      path: `${input.assetId}/assigned_users`,
      params: { user: input.userId, business: input.businessId },
      credentials,
      ...withOptions(options),
    },
    Success,
  )
  return mapResult(answer, () => undefined)
}

const UserNode = z.object({
  id: z.string(),
  name: z.string().optional(),
  user_type: z.string().optional(),
  tasks: z.array(z.string()).optional(),
})

/** `GET /{asset}/assigned_users?business=…`, every page. */
export async function listAssignedUsers(
  client: GraphClient,
  credentials: GraphCredentials,
  input: { readonly assetId: string; readonly businessId: string },
  options?: CallOptions,
): Promise<Result<AssignedUser[]>> {
  const listed = await listAll(
    client,
    {
      path: `${input.assetId}/assigned_users`,
      params: { business: input.businessId, fields: 'id,name,user_type,tasks' },
      credentials,
      ...(options?.signal ? { signal: options.signal } : {}),
    },
    UserNode,
  )
  return mapResult(listed, ({ items }) =>
    items.map((node) => ({
      id: node.id,
      tasks: node.tasks ?? [],
      ...(node.name !== undefined ? { name: node.name } : {}),
      ...(node.user_type !== undefined ? { userType: node.user_type } : {}),
    })),
  )
}

const AssetNode = z.object({
  id: z.string(),
  name: z.string().optional(),
  tasks: z.array(z.string()).optional(),
  permitted_tasks: z.array(z.string()).optional(),
})

/**
 * `GET /{system-user}/assigned_<kind>`, every page: what Meta actually granted
 * (docs/graph-api.md §2.6).
 */
export async function listAssignedAssets(
  client: GraphClient,
  credentials: GraphCredentials,
  input: { readonly systemUserId: string; readonly kind: AssetKind; readonly businessId?: string },
  options?: CallOptions,
): Promise<Result<AssignedAsset[]>> {
  const listed = await listAll(
    client,
    {
      path: `${input.systemUserId}/${ASSET_KIND_INFO[input.kind].assignedEdge}`,
      params: { fields: 'id,name,tasks,permitted_tasks' },
      credentials,
      ...(input.businessId ? { usageKeys: [input.businessId] } : {}),
      ...(options?.signal ? { signal: options.signal } : {}),
    },
    AssetNode,
  )
  return mapResult(listed, ({ items }) =>
    items.map((node) => ({
      id: node.id,
      tasks: node.tasks ?? [],
      ...(node.name !== undefined ? { name: node.name } : {}),
      ...(node.permitted_tasks ? { permittedTasks: node.permitted_tasks } : {}),
    })),
  )
}

/**
 * Assigns many assets in batches of 50 (one request per 50 assignments instead of one each) and
 * answers one Result per assignment, in order.
 */
export async function assignMany(
  client: GraphClient,
  credentials: GraphCredentials,
  assignments: readonly Assignment[],
  options?: Pick<CallOptions, 'signal'>,
): Promise<Result<void>[]> {
  const results = await runBatch(
    client,
    assignments.map((assignment) => ({
      method: 'POST' as const,
      path: `${assignment.assetId}/assigned_users`,
      params: assignParams(assignment),
      kind: 'idempotent-write' as const,
    })),
    { credentials, ...(options?.signal ? { signal: options.signal } : {}) },
  )
  return results.map((result) => {
    if (!result.ok) return result
    return Success.safeParse(result.value).success
      ? { ok: true, value: undefined }
      : { ok: false, error: malformedResponse() }
  })
}
