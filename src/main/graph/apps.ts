import { z } from 'zod'
import type { Result } from '@shared/result'
import type { GraphClient, GraphCredentials } from './client'
import { listAll } from './paginate'
import { callParsed, mapResult, Success, withOptions, type CallOptions } from './resource'

/**
 * Installing ("assigning") the app on a system user (docs/graph-api.md §2.3) — the step people
 * miss: Meta will not generate a token for an app the system user has not installed
 * (docs/graph-api.md §10.1).
 */
export interface AssignedApp {
  readonly id: string
  readonly name?: string
  readonly tasks: readonly string[]
}

/** `POST /{system-user}/applications` with `business_app`. Repeating it changes nothing. */
export async function installApp(
  client: GraphClient,
  credentials: GraphCredentials,
  input: { readonly systemUserId: string; readonly appId: string; readonly businessId?: string },
  options?: CallOptions,
): Promise<Result<void>> {
  const answer = await callParsed(
    client,
    {
      method: 'POST',
      path: `${input.systemUserId}/applications`,
      params: { business_app: input.appId },
      credentials,
      kind: 'idempotent-write',
      ...(input.businessId ? { usageKeys: [input.businessId] } : {}),
      ...withOptions(options),
    },
    Success,
  )
  return mapResult(answer, () => undefined)
}

const AppNode = z.object({
  id: z.string(),
  name: z.string().optional(),
  tasks: z.array(z.string()).optional(),
})

/** `GET /{system-user}/assigned_apps`, every page. */
export async function listAssignedApps(
  client: GraphClient,
  credentials: GraphCredentials,
  systemUserId: string,
  options?: CallOptions,
): Promise<Result<AssignedApp[]>> {
  const listed = await listAll(
    client,
    {
      path: `${systemUserId}/assigned_apps`,
      params: { fields: 'id,name,tasks' },
      credentials,
      ...(options?.signal ? { signal: options.signal } : {}),
    },
    AppNode,
  )
  return mapResult(listed, ({ items }) =>
    items.map((node) => ({
      id: node.id,
      tasks: node.tasks ?? [],
      ...(node.name !== undefined ? { name: node.name } : {}),
    })),
  )
}

/** True when the app is installed on the system user. */
export async function isAppInstalled(
  client: GraphClient,
  credentials: GraphCredentials,
  input: { readonly systemUserId: string; readonly appId: string },
  options?: CallOptions,
): Promise<Result<boolean>> {
  const apps = await listAssignedApps(client, credentials, input.systemUserId, options)
  return mapResult(apps, (list) => list.some((app) => app.id === input.appId))
}
