import { z } from 'zod'
import type { Result } from '@shared/result'
import type { GraphClient, GraphCredentials } from './client'
import { listAll } from './paginate'
import { callParsed, mapResult, withOptions, type CallOptions } from './resource'

/**
 * Who the token belongs to, the portfolios they are on, and one portfolio's details
 * (docs/graph-api.md §2.1).
 */

export interface GraphIdentity {
  readonly id: string
  readonly name: string
}

export interface BusinessSummary {
  readonly id: string
  readonly name: string
  /** Meta's `permitted_roles` for the caller, e.g. ["ADMIN"]. */
  readonly permittedRoles: readonly string[]
}

export interface BusinessDetails {
  readonly id: string
  readonly name: string
  readonly verificationStatus?: string
  readonly createdTime?: string
  readonly twoFactorType?: string
  readonly primaryPage?: GraphIdentity
}

const Identity = z.object({ id: z.string(), name: z.string() })

const BusinessNode = z.object({
  id: z.string(),
  name: z.string(),
  permitted_roles: z.array(z.string()).optional(),
  verification_status: z.string().optional(),
  created_time: z.string().optional(),
  two_factor_type: z.string().optional(),
  primary_page: z.object({ id: z.string(), name: z.string().optional() }).optional(),
})

/** `GET /me?fields=id,name`: the person (or system user) behind the token. */
export async function getMe(
  client: GraphClient,
  credentials: GraphCredentials,
  options?: CallOptions,
): Promise<Result<GraphIdentity>> {
  return callParsed(
    client,
    {
      method: 'GET',
      path: 'me',
      params: { fields: 'id,name' },
      credentials,
      ...withOptions(options),
    },
    Identity,
  )
}

/** `GET /me/businesses`, every page: the portfolios the admin is on, with their roles there. */
export async function listMyBusinesses(
  client: GraphClient,
  credentials: GraphCredentials,
  options?: CallOptions,
): Promise<Result<BusinessSummary[]>> {
  const listed = await listAll(
    client,
    {
      path: 'me/businesses',
      params: { fields: 'id,name,permitted_roles' },
      credentials,
      ...(options?.signal ? { signal: options.signal } : {}),
    },
    BusinessNode,
  )
  return mapResult(listed, ({ items }) =>
    items.map((node) => ({
      id: node.id,
      name: node.name,
      permittedRoles: node.permitted_roles ?? [],
    })),
  )
}

/** `GET /{business-id}` with the fields the preflight needs. */
export async function getBusiness(
  client: GraphClient,
  credentials: GraphCredentials,
  businessId: string,
  options?: CallOptions,
): Promise<Result<BusinessDetails>> {
  const node = await callParsed(
    client,
    {
      method: 'GET',
      path: businessId,
      params: { fields: 'id,name,verification_status,created_time,two_factor_type,primary_page' },
      credentials,
      ...withOptions(options),
    },
    BusinessNode,
  )
  return mapResult(node, (business) => ({
    id: business.id,
    name: business.name,
    ...(business.verification_status ? { verificationStatus: business.verification_status } : {}),
    ...(business.created_time ? { createdTime: business.created_time } : {}),
    ...(business.two_factor_type ? { twoFactorType: business.two_factor_type } : {}),
    ...(business.primary_page
      ? { primaryPage: { id: business.primary_page.id, name: business.primary_page.name ?? '' } }
      : {}),
  }))
}
