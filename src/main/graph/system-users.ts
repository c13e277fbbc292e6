import { z } from 'zod'
import type { Role } from '@shared/catalog/goals'
import type { Result } from '@shared/result'
import type { GraphClient, GraphCredentials } from './client'
import { listAll } from './paginate'
import { callParsed, mapResult, Success, withOptions, type CallOptions } from './resource'

/**
 * System users of a business (docs/graph-api.md §2.2): list (all pages, with `total_count`),
 * create, rename, and find by name — the read-before-write the setup flow uses to reconcile a
 * create whose outcome was lost (REL-04), since Graph offers no idempotency key. Roles are the
 * catalog's `Role` (`'EMPLOYEE' | 'ADMIN'`), Meta's own spelling.
 */

export interface SystemUser {
  readonly id: string
  readonly name: string
  /**
   * ADMIN or EMPLOYEE: only the base roles surface on this edge (docs/graph-api.md §2.2); anything
   * else is kept as Meta sent it, upper-cased.
   */
  readonly role: string
  readonly createdTime?: string
}

export interface SystemUserList {
  readonly systemUsers: readonly SystemUser[]
  readonly totalCount: number
}

const Node = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().optional(),
  created_time: z.string().optional(),
})

const toSystemUser = (node: z.infer<typeof Node>): SystemUser => ({
  id: node.id,
  name: node.name,
  role: (node.role ?? '').toUpperCase(),
  ...(node.created_time ? { createdTime: node.created_time } : {}),
})

/** `GET /{business}/system_users?summary=total_count`, every page. */
export async function listSystemUsers(
  client: GraphClient,
  credentials: GraphCredentials,
  businessId: string,
  options?: CallOptions,
): Promise<Result<SystemUserList>> {
  const listed = await listAll(
    client,
    {
      path: `${businessId}/system_users`,
      params: { fields: 'id,name,role,created_time' },
      credentials,
      withTotalCount: true,
      ...(options?.signal ? { signal: options.signal } : {}),
    },
    Node,
  )
  return mapResult(listed, ({ items, totalCount }) => ({
    systemUsers: items.map(toSystemUser),
    totalCount: totalCount ?? items.length,
  }))
}

/** The system user with exactly this name (names are compared trimmed), if there is one. */
export async function findSystemUserByName(
  client: GraphClient,
  credentials: GraphCredentials,
  businessId: string,
  name: string,
  options?: CallOptions,
): Promise<Result<SystemUser | undefined>> {
  const listed = await listSystemUsers(client, credentials, businessId, options)
  const wanted = name.trim()
  return mapResult(listed, ({ systemUsers }) =>
    systemUsers.find((user) => user.name.trim() === wanted),
  )
}

/**
 * `POST /{business}/system_users` with `name` and `role`. A create: if the answer is lost the
 * result is `unknown-outcome`, and the caller reconciles with findSystemUserByName.
 */
export async function createSystemUser(
  client: GraphClient,
  credentials: GraphCredentials,
  input: { readonly businessId: string; readonly name: string; readonly role: Role },
  options?: CallOptions,
): Promise<Result<{ id: string }>> {
  return callParsed(
    client,
    {
      method: 'POST',
      path: `${input.businessId}/system_users`,
      params: { name: input.name, role: input.role },
      credentials,
      kind: 'create',
      ...withOptions(options),
    },
    z.object({ id: z.string() }),
  )
}

/**
 * Renames: the same edge with `system_user_id` (docs/graph-api.md §2.2); only the name can change.
 */
export async function renameSystemUser(
  client: GraphClient,
  credentials: GraphCredentials,
  input: { readonly businessId: string; readonly systemUserId: string; readonly name: string },
  options?: CallOptions,
): Promise<Result<void>> {
  const answer = await callParsed(
    client,
    {
      method: 'POST',
      path: `${input.businessId}/system_users`,
      params: { system_user_id: input.systemUserId, name: input.name },
      credentials,
      kind: 'idempotent-write',
      usageKeys: [input.businessId],
      ...withOptions(options),
    },
    Success,
  )
  return mapResult(answer, () => undefined)
}
