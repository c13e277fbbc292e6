import type { AssignableKind } from '@shared/catalog/asset-kinds'
import type { NodeView } from './fields'
import { graphTime } from './fields'
import type { SimulatorModel } from './model'
import type {
  AppRecord,
  AssetRecord,
  BusinessRecord,
  PersonRecord,
  SystemUserRecord,
  TokenRecord,
} from './types'

/** Graph node type names, as they appear in "nonexisting field … on node type (X)". */
export const ASSET_TYPE_NAMES: Readonly<Record<AssignableKind, string>> = {
  page: 'Page',
  'ad-account': 'AdAccount',
  'product-catalog': 'ProductCatalog',
  'instagram-account': 'InstagramBusinessAsset',
  'whatsapp-business-account': 'WhatsAppBusinessAccount',
  pixel: 'AdsPixel',
}

/**
 * Documented node fields per kind (docs/graph-api.md §2.4 "Useful node fields"). Asking for one a
 * record does not have is not an error in Graph: the field is simply left out of the answer.
 */
const DOCUMENTED_ASSET_FIELDS: Readonly<Record<AssignableKind, readonly string[]>> = {
  page: ['category', 'instagram_business_account'],
  'ad-account': ['account_id', 'account_status', 'currency', 'timezone_name'],
  'product-catalog': ['vertical', 'product_count'],
  'instagram-account': ['profile_picture_url'],
  'whatsapp-business-account': ['currency', 'timezone_id', 'account_review_status'],
  pixel: ['creation_time', 'last_fired_time', 'is_unavailable'],
}

/** The `/{user}/assigned_*` edges and the asset kind each lists (docs/graph-api.md §2.6). */
export const ASSIGNED_EDGE_KINDS: Readonly<Record<string, AssignableKind>> = {
  assigned_ad_accounts: 'ad-account',
  assigned_pages: 'page',
  assigned_product_catalogs: 'product-catalog',
  assigned_whatsapp_business_accounts: 'whatsapp-business-account',
  assigned_instagram_accounts: 'instagram-account',
  assigned_ads_pixels: 'pixel',
}

const ref = (id: string, name: string) => ({ id, name })

export function businessView(b: Readonly<BusinessRecord>, model: SimulatorModel): NodeView {
  const page = b.primaryPageId ? model.asset(b.primaryPageId) : undefined
  return {
    type: 'Business',
    defaults: ['id', 'name'],
    fields: {
      id: () => b.id,
      name: () => b.name,
      verification_status: () => b.verificationStatus,
      created_time: () => graphTime(b.createdTime),
      two_factor_type: () => b.twoFactorType,
      primary_page: () => (page ? ref(page.id, page.name) : undefined),
      link: () => `https://business.facebook.com/settings/?business_id=${b.id}`,
    },
  }
}

export function personView(p: Readonly<PersonRecord>): NodeView {
  return { type: 'User', defaults: ['id', 'name'], fields: { id: () => p.id, name: () => p.name } }
}

/**
 * A system user. Its assigned_* edges also answer as fields — S-PERM's permissions readout is
 * `GET /{system-user-id}?fields=assigned_ad_accounts,assigned_pages` — with id and tasks.
 */
export function systemUserView(su: Readonly<SystemUserRecord>, model: SimulatorModel): NodeView {
  const creator = su.createdBy ? model.person(su.createdBy) : undefined
  const edges: Record<string, () => unknown> = {}
  for (const [edge, kind] of Object.entries(ASSIGNED_EDGE_KINDS)) {
    edges[edge] = () => ({
      data: model.assignmentsOfUser(su.id, kind).map((a) => ({ id: a.assetId, tasks: a.tasks })),
    })
  }
  return {
    type: 'SystemUser',
    defaults: ['id', 'name'],
    fields: {
      ...edges,
      id: () => su.id,
      name: () => su.name,
      role: () => su.role,
      created_time: () => graphTime(su.createdTime),
      created_by: () => (creator ? ref(creator.id, creator.name) : undefined),
      system_user_id: () => su.id,
      finance_permission: () => undefined,
      ip_permission: () => undefined,
    },
  }
}

export function appView(app: Readonly<AppRecord>): NodeView {
  return {
    type: 'Application',
    defaults: ['id', 'name'],
    fields: {
      id: () => app.id,
      name: () => app.name,
      link: () => app.link,
      category: () => app.category,
    },
  }
}

/**
 * An asset node. A Page's `access_token` field mints a PAGE token for a caller assigned to the
 * Page (docs/graph-api.md §2.6: "GET /{page-id}?fields=access_token with the system-user token").
 */
export function assetView(
  asset: Readonly<AssetRecord>,
  model: SimulatorModel,
  caller?: Readonly<TokenRecord>,
): NodeView {
  const owner = model.business(asset.businessId)
  const ownerRef = () => (owner ? ref(owner.id, owner.name) : undefined)
  const fields: Record<string, () => unknown> = {
    ...Object.fromEntries(
      DOCUMENTED_ASSET_FIELDS[asset.kind].map((name) => [name, () => undefined]),
    ),
    id: () => asset.id,
    name: () => asset.name,
    [asset.kind === 'pixel' ? 'owner_business' : 'business']: ownerRef,
  }
  for (const [key, value] of Object.entries(asset.fields)) fields[key] = () => value
  if (asset.kind === 'instagram-account') {
    fields.ig_user_id = () => asset.id
    fields.ig_username = () => asset.fields.username
    fields.username = () => asset.fields.username
  }
  if (asset.kind === 'page') {
    fields.access_token = () => pageToken(asset, model, caller)
  }
  return { type: ASSET_TYPE_NAMES[asset.kind], defaults: ['id', 'name'], fields }
}

function pageToken(
  page: Readonly<AssetRecord>,
  model: SimulatorModel,
  caller?: Readonly<TokenRecord>,
): string | undefined {
  if (!caller?.userId || (caller.type !== 'SYSTEM_USER' && caller.type !== 'USER')) return undefined
  if (!model.tasksOf(page.id, caller.userId)) return undefined
  return model.mintToken({
    type: 'PAGE',
    appId: caller.appId,
    userId: caller.userId,
    pageId: page.id,
    scopes: caller.scopes,
    expiresAt: caller.expiresAt,
  }).value
}
