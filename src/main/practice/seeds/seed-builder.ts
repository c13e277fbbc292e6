import type { AssignableKind } from '@shared/catalog/asset-kinds'
import { createHash } from 'node:crypto'
import type { SimulatorModel } from '../model'
import type { AppTier, AssetRecord, SeedFixtures } from '../types'

/** Scopes of the admin's practice sign-in: what the Connect step asks Facebook Login for. */
export const ADMIN_TOKEN_SCOPES = [
  'public_profile',
  'business_management',
  'ads_management',
  'ads_read',
  'catalog_management',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
  'instagram_basic',
  'whatsapp_business_management',
] as const

/** A stable, secret-shaped value (32 hex, like an app secret) derived from a label. */
export function derivedSecret(label: string): string {
  return createHash('sha256').update(`practice:${label}`).digest('hex').slice(0, 32)
}

export interface PortfolioInput {
  seed: SeedFixtures['seed']
  businessName: string
  appName: string
  appTier: AppTier
  /** ms since the epoch, fixed so seeds are deterministic */
  createdTime: number
}

export interface Portfolio {
  businessId: string
  appId: string
  adminUserId: string
  add(kind: AssignableKind, name: string, fields?: AssetRecord['fields']): string
  fixtures(): SeedFixtures
}

/**
 * Creates the business, its admin person, its app and the admin's token, then collects the
 * assets the seed adds into `SeedFixtures`.
 */
export function buildPortfolio(model: SimulatorModel, input: PortfolioInput): Portfolio {
  const admin = model.addPerson({ name: 'Practice Admin' })
  const business = model.addBusiness({
    name: input.businessName,
    verificationStatus: 'verified',
    twoFactorType: 'none',
    twoFactorPending: false,
    mustUseExpiringTokens: false,
    adminUserIds: [admin.id],
    employeeUserIds: [],
    createdTime: input.createdTime,
  })
  const secret = derivedSecret(`${input.seed}:app-secret`)
  const app = model.addApp({
    name: input.appName,
    secret,
    tier: input.appTier,
    // Meta's default for a new app is off; tests switch it on through the model.
    requireAppSecret: false,
    appType: 'web',
    businessId: business.id,
    developerUserIds: [admin.id],
    link: `https://www.facebook.com/games/?app_id=${input.seed}`,
    category: 'Business',
  })
  const adminToken = model.mintToken({
    type: 'USER',
    appId: app.id,
    userId: admin.id,
    scopes: ADMIN_TOKEN_SCOPES,
  })
  const ids: Record<AssignableKind, string[]> = {
    page: [],
    'ad-account': [],
    'product-catalog': [],
    'instagram-account': [],
    'whatsapp-business-account': [],
    pixel: [],
  }
  return {
    businessId: business.id,
    appId: app.id,
    adminUserId: admin.id,
    add(kind, name, fields = {}) {
      const asset = model.addAsset({
        kind,
        name,
        businessId: business.id,
        relation: 'owned',
        fields,
      })
      ids[kind].push(asset.id)
      return asset.id
    },
    fixtures: () => ({
      seed: input.seed,
      businessId: business.id,
      businessName: business.name,
      appId: app.id,
      appName: app.name,
      appSecret: secret,
      adminUserId: admin.id,
      adminUserName: admin.name,
      adminUserToken: adminToken.value,
      pageIds: ids.page,
      adAccountIds: ids['ad-account'],
      catalogIds: ids['product-catalog'],
      instagramAccountIds: ids['instagram-account'],
      whatsappAccountIds: ids['whatsapp-business-account'],
      pixelIds: ids.pixel,
      counts: {
        page: ids.page.length,
        'ad-account': ids['ad-account'].length,
        'product-catalog': ids['product-catalog'].length,
        'instagram-account': ids['instagram-account'].length,
        'whatsapp-business-account': ids['whatsapp-business-account'].length,
        pixel: ids.pixel.length,
      },
    }),
  }
}
