import type { AssignableKind } from '@shared/catalog/asset-kinds'

/**
 * The practice simulator's data model: what a Meta business portfolio holds, as far as the app's
 * endpoints can see it (docs/graph-api.md §11). Records are plain data; `SimulatorModel` owns
 * them and hands out read-only views.
 *
 * Its assets are of the catalog's assignable kinds (`AssignableKind`, src/shared/catalog): the
 * kinds that can be assigned to a (system) user through `/{asset}/assigned_users`
 * (docs/graph-api.md §2.5). Meta never sees these names: on the wire an asset is its edge
 * (`owned_ad_accounts`, `assigned_pages`, …) and its node type (`AdAccount`, views.ts).
 */

/**
 * Marketing API access tier, renamed Standard → Limited and Advanced → Full in May 2026
 * (docs/graph-api.md §8.1).
 */
export type AppTier = 'limited' | 'full'
/**
 * App Type in the dashboard; `native_desktop` makes Meta ignore app-access-token calls
 * (docs/graph-api.md §5, §10.12).
 */
export type AppType = 'web' | 'native_desktop'
export type SystemUserRole = 'ADMIN' | 'EMPLOYEE'
export type TokenType = 'USER' | 'SYSTEM_USER' | 'APP' | 'PAGE'
/**
 * The two Page task vocabularies of docs/graph-api.md §3: the SDK enum and the one observed live in
 * 2026.
 */
export type PageTaskVocabulary = 'sdk' | 'live'
export type TwoFactorType = 'none' | 'admin_required' | 'all_required'
export type VerificationStatus =
  | 'expired'
  | 'failed'
  | 'ineligible'
  | 'not_verified'
  | 'pending'
  | 'pending_need_more_info'
  | 'pending_submission'
  | 'rejected'
  | 'revoked'
  | 'verified'

export interface BusinessRecord {
  id: string
  name: string
  verificationStatus: VerificationStatus
  twoFactorType: TwoFactorType
  /**
   * While true, generating an admin system user's token answers 415/2859009
   * (docs/graph-api.md §10.8).
   */
  twoFactorPending: boolean
  /** "Some businesses must use expiring tokens" (docs/graph-api.md §4.1): "never" is refused. */
  mustUseExpiringTokens: boolean
  adminUserIds: string[]
  employeeUserIds: string[]
  /** ms since the epoch */
  createdTime: number
  primaryPageId?: string
}

/** A real person (business user) — the admin who signs in. */
export interface PersonRecord {
  id: string
  name: string
}

export interface AppRecord {
  id: string
  name: string
  secret: string
  tier: AppTier
  /**
   * "Require App Secret": every call with a token of this app needs appsecret_proof
   * (docs/graph-api.md §4.3).
   */
  requireAppSecret: boolean
  appType: AppType
  businessId: string
  developerUserIds: string[]
  link: string
  category: string
}

export interface SystemUserRecord {
  /** App-scoped id, the one the API uses (docs/graph-api.md §2.2, §10.2). */
  id: string
  businessId: string
  name: string
  role: SystemUserRole
  /** ms since the epoch */
  createdTime: number
  createdBy?: string
  installedAppIds: string[]
}

export interface AssetRecord {
  id: string
  kind: AssignableKind
  name: string
  businessId: string
  /**
   * owned by the business, or shared with it as a client asset (docs/graph-api.md §2.4 owned_ /
   * client_ edges)
   */
  relation: 'owned' | 'client'
  /** Node fields of that kind (account_id, currency, username, vertical, …) in Graph's naming. */
  fields: Record<string, string | number | boolean>
}

export interface AssignmentRecord {
  assetId: string
  userId: string
  tasks: string[]
}

export interface TokenRecord {
  value: string
  type: TokenType
  appId: string
  /** person or system user the token acts for (absent for APP tokens) */
  userId?: string
  /** the Page a PAGE token acts as */
  pageId?: string
  scopes: string[]
  /** unix seconds */
  issuedAt: number
  /** unix seconds; 0 = never (debug_token convention, docs/graph-api.md §5) */
  expiresAt: number
  /** unix seconds; 0 = never */
  dataAccessExpiresAt: number
  revoked: boolean
}

/** What a seed created, for tests and practice mode. Ids are deterministic per seed. */
export interface SeedFixtures {
  readonly seed: 'sample' | 'large'
  readonly businessId: string
  readonly businessName: string
  readonly appId: string
  readonly appName: string
  readonly appSecret: string
  readonly adminUserId: string
  readonly adminUserName: string
  /** A long-lived (60-day) USER token of the admin person, with business_management and more. */
  readonly adminUserToken: string
  readonly pageIds: readonly string[]
  readonly adAccountIds: readonly string[]
  readonly catalogIds: readonly string[]
  readonly instagramAccountIds: readonly string[]
  readonly whatsappAccountIds: readonly string[]
  readonly pixelIds: readonly string[]
  /** Number of assets per kind the seed created. */
  readonly counts: Readonly<Record<AssignableKind, number>>
}
