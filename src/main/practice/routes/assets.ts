import type { AssignableKind } from '@shared/catalog/asset-kinds'
import { isBusinessAdmin, requireBusinessMember } from '../auth'
import type { EdgeTable, MethodTable, RouteContext, RouteResult } from '../context'
import { graphErrors } from '../errors'
import { parseFields, project } from '../fields'
import { listBody } from '../pagination'
import { param, listParam } from '../params'
import type { AssetRecord } from '../types'
import { appView, assetView } from '../views'

interface ListingSpec {
  kind: AssignableKind
  relation: 'owned' | 'client' | 'any'
}

/** The asset-listing edges of the Business node the app uses (docs/graph-api.md §2.4). */
const LISTINGS: Readonly<Record<string, ListingSpec>> = {
  owned_pages: { kind: 'page', relation: 'owned' },
  client_pages: { kind: 'page', relation: 'client' },
  owned_ad_accounts: { kind: 'ad-account', relation: 'owned' },
  client_ad_accounts: { kind: 'ad-account', relation: 'client' },
  owned_product_catalogs: { kind: 'product-catalog', relation: 'owned' },
  client_product_catalogs: { kind: 'product-catalog', relation: 'client' },
  owned_pixels: { kind: 'pixel', relation: 'owned' },
  client_pixels: { kind: 'pixel', relation: 'client' },
  adspixels: { kind: 'pixel', relation: 'any' },
  // IG accounts are modelled as one node (the InstagramBusinessAsset, whose id doubles as the
  // IG user id), so the IGUser and asset edges list the same records.
  instagram_accounts: { kind: 'instagram-account', relation: 'any' },
  owned_instagram_accounts: { kind: 'instagram-account', relation: 'owned' },
  instagram_business_accounts: { kind: 'instagram-account', relation: 'any' },
  owned_instagram_assets: { kind: 'instagram-account', relation: 'owned' },
  client_instagram_assets: { kind: 'instagram-account', relation: 'client' },
  owned_whatsapp_business_accounts: { kind: 'whatsapp-business-account', relation: 'owned' },
  client_whatsapp_business_accounts: { kind: 'whatsapp-business-account', relation: 'client' },
}

function filtered(ctx: RouteContext, spec: ListingSpec): readonly Readonly<AssetRecord>[] {
  let items = ctx.model
    .assets(ctx.nodeId, spec.kind)
    .filter((a) => spec.relation === 'any' || a.relation === spec.relation)
  // owned_/client_ad_accounts take search_query, adspixels takes name_filter and id_filter
  // (docs/graph-api.md §2.4).
  const search = (
    param(ctx.params, 'search_query') ?? param(ctx.params, 'name_filter')
  )?.toLowerCase()
  if (search) items = items.filter((a) => a.name.toLowerCase().includes(search))
  const ids = listParam(ctx.params, 'id_filter')
  if (ids) items = items.filter((a) => ids.includes(a.id))
  return items
}

function listing(spec: ListingSpec): MethodTable {
  return {
    GET: {
      handler: (ctx) => {
        requireBusinessMember(ctx, ctx.nodeId)
        const fields = parseFields(ctx.params.get('fields'))
        const render = (a: Readonly<AssetRecord>) =>
          project(assetView(a, ctx.model, ctx.caller), fields)
        return { json: listBody(ctx, filtered(ctx, spec), (a) => a.id, render) }
      },
    },
  }
}

/** owned_apps lists the business's apps; client apps are not modelled. */
function listApps(owned: boolean): MethodTable {
  return {
    GET: {
      handler: (ctx) => {
        requireBusinessMember(ctx, ctx.nodeId)
        const fields = parseFields(ctx.params.get('fields'))
        const apps = owned ? ctx.model.apps(ctx.nodeId) : []
        return {
          json: listBody(
            ctx,
            apps,
            (a) => a.id,
            (a) => project(appView(a), fields),
          ),
        }
      },
    },
  }
}

export const BUSINESS_ASSET_ROUTES: EdgeTable = {
  ...Object.fromEntries(Object.entries(LISTINGS).map(([edge, spec]) => [edge, listing(spec)])),
  owned_apps: listApps(true),
  client_apps: listApps(false),
}

/**
 * May the caller see this asset? Admins of its business, and users assigned to it. Anyone else
 * gets 100/33, whose text covers "missing permissions" too (docs/graph-api.md §6.2).
 */
export function requireAssetAccess(ctx: RouteContext): Readonly<AssetRecord> {
  const asset = ctx.model.asset(ctx.nodeId)
  const userId = ctx.caller?.userId
  const visible =
    asset &&
    (isBusinessAdmin(ctx.model, ctx.caller, asset.businessId) ||
      (userId !== undefined && ctx.model.tasksOf(asset.id, userId) !== undefined) ||
      (ctx.caller?.type === 'PAGE' && ctx.caller.pageId === asset.id))
  if (!asset || !visible) throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  return asset
}

function getAsset(ctx: RouteContext): RouteResult {
  const asset = requireAssetAccess(ctx)
  const view = assetView(asset, ctx.model, ctx.caller)
  return { json: project(view, parseFields(ctx.params.get('fields'))) }
}

/** Apps are public nodes: any valid token may read their basic fields. */
function getApp(ctx: RouteContext): RouteResult {
  const app = ctx.model.app(ctx.nodeId)
  if (!app) throw graphErrors.unknownObject(ctx.nodeId, ctx.method)
  return { json: project(appView(app), parseFields(ctx.params.get('fields'))) }
}

export const ASSET_NODE_ROUTES: EdgeTable = { '': { GET: { handler: getAsset } } }
export const APP_ROUTES: EdgeTable = { '': { GET: { handler: getApp } } }
