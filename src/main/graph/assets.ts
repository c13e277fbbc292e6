import { z } from 'zod'
import { ASSET_KIND_INFO, type AssetKind } from '@shared/catalog/asset-kinds'
import type { Result } from '@shared/result'
import type { GraphClient, GraphCredentials } from './client'
import { listAll } from './paginate'
import type { CallOptions } from './resource'

/**
 * Every asset of one kind a business holds (docs/graph-api.md §2.4), owned and client (shared with
 * it), through the edge the catalogue names for the kind. Default field sets per edge are
 * UNCONFIRMED, so `fields=` is always sent.
 */
export type AssetRelation = 'owned' | 'client'

export interface BusinessAsset {
  readonly id: string
  readonly name: string
  readonly kind: AssetKind
  readonly relation: AssetRelation
  /** The kind's extra fields as Meta sent them (account_id, currency, vertical, …). */
  readonly details: Readonly<Record<string, string | number | boolean>>
}

/**
 * Node fields per kind: only what the app shows when the admin picks assets. Meta advises asking
 * for the fields you need and nothing more (rate-limiting page, "filter fields"); the other
 * documented fields (docs/graph-api.md §2.4: currency, account_status, vertical, …) can be added
 * here when a screen needs them. InstagramBusinessAsset nodes have no `name`; `ig_username` stands
 * in for it.
 */
export const ASSET_FIELDS: Readonly<Record<AssetKind, readonly string[]>> = {
  page: ['id', 'name'],
  'ad-account': ['id', 'name', 'account_id'],
  'product-catalog': ['id', 'name'],
  'instagram-account': ['id', 'ig_username'],
  'whatsapp-business-account': ['id', 'name'],
  pixel: ['id', 'name'],
  app: ['id', 'name'],
}

const Scalar = z.union([z.string(), z.number(), z.boolean()])
const AssetNode = z.looseObject({ id: z.string(), name: z.string().optional() })

const toAsset = (
  kind: AssetKind,
  relation: AssetRelation,
  node: z.infer<typeof AssetNode>,
): BusinessAsset => {
  const details: Record<string, string | number | boolean> = {}
  for (const field of ASSET_FIELDS[kind]) {
    if (field === 'id' || field === 'name') continue
    const value = Scalar.safeParse(node[field])
    if (value.success) details[field] = value.data
  }
  const fallbackName = typeof details.ig_username === 'string' ? details.ig_username : node.id
  return { id: node.id, name: node.name ?? fallbackName, kind, relation, details }
}

/** One edge (owned or client) of one kind, every page. */
export async function listAssetsOf(
  client: GraphClient,
  credentials: GraphCredentials,
  input: {
    readonly businessId: string
    readonly kind: AssetKind
    readonly relation: AssetRelation
  },
  options?: CallOptions & { readonly pageSize?: number },
): Promise<Result<BusinessAsset[]>> {
  const edge = ASSET_KIND_INFO[input.kind].listingEdges[input.relation]
  const listed = await listAll(
    client,
    {
      path: `${input.businessId}/${edge}`,
      params: { fields: ASSET_FIELDS[input.kind].join(',') },
      credentials,
      usageKeys: [input.businessId],
      ...(options?.pageSize ? { pageSize: options.pageSize } : {}),
      ...(options?.signal ? { signal: options.signal } : {}),
    },
    AssetNode,
  )
  if (!listed.ok) return listed
  return {
    ok: true,
    value: listed.value.items.map((node) => toAsset(input.kind, input.relation, node)),
  }
}

/** Owned and client assets of one kind; an asset on both edges is listed once, as owned. */
export async function listAssets(
  client: GraphClient,
  credentials: GraphCredentials,
  input: { readonly businessId: string; readonly kind: AssetKind },
  options?: CallOptions & { readonly pageSize?: number },
): Promise<Result<BusinessAsset[]>> {
  const owned = await listAssetsOf(client, credentials, { ...input, relation: 'owned' }, options)
  if (!owned.ok) return owned
  const shared = await listAssetsOf(client, credentials, { ...input, relation: 'client' }, options)
  if (!shared.ok) return shared
  const seen = new Set(owned.value.map((asset) => asset.id))
  return {
    ok: true,
    value: [...owned.value, ...shared.value.filter((asset) => !seen.has(asset.id))],
  }
}
