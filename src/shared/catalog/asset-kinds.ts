/**
 * The kinds of business asset the app can give a system user, with the Graph edges that list,
 * read back and assign them, and each kind's task vocabulary.
 * Source: docs/graph-api.md §2.4 (listing edges), §2.5 (assigned_users), §2.6 (assigned_*),
 * docs/graph-api.md §3 (task enums). Anything marked UNCONFIRMED there is flagged here too, so
 * callers can say so.
 */
import { z } from 'zod'

export const ASSET_KINDS = [
  'page',
  'ad-account',
  'product-catalog',
  'instagram-account',
  'whatsapp-business-account',
  'pixel',
  'app',
] as const
export type AssetKind = (typeof ASSET_KINDS)[number]
export const AssetKindSchema = z.enum(ASSET_KINDS)

/**
 * Kinds that are given to a system user through `POST /{asset}/assigned_users` with tasks.
 * Apps are not among them: an app is *installed* on a system user (docs/graph-api.md §2.3) and has
 * no task enum in the SDK specs (docs/graph-api.md §3, UNCONFIRMED), so the flow installs it in its
 * own step.
 */
export const ASSIGNABLE_KINDS = [
  'page',
  'ad-account',
  'product-catalog',
  'instagram-account',
  'whatsapp-business-account',
  'pixel',
] as const satisfies readonly AssetKind[]
export type AssignableKind = (typeof ASSIGNABLE_KINDS)[number]

/**
 * Page tasks come in two vocabularies (docs/graph-api.md §3): 'sdk' is Meta's SDK enum and guide;
 * 'live' is what a third party captured from a v23.0 enum error, where the legacy names were
 * rejected (code 100). Neither is confirmed for every account, so the app supports both behind a
 * switch.
 */
export const PAGE_VOCABULARIES = ['sdk', 'live'] as const
export type PageVocabulary = (typeof PAGE_VOCABULARIES)[number]
export const PageVocabularySchema = z.enum(PAGE_VOCABULARIES)

export const AD_ACCOUNT_TASKS = ['MANAGE', 'ADVERTISE', 'ANALYZE', 'DRAFT', 'AA_ANALYZE'] as const

/**
 * The SDK's classic Page enum. The `PROFILE_PLUS_*` values of the same enum are left out on
 * purpose: they duplicate these tasks for the New Pages Experience, no guide documents them for
 * system users, and listing thirty look-alike tasks would only confuse the admin
 * (docs/graph-api.md §3).
 */
export const PAGE_SDK_TASKS = [
  'MANAGE',
  'CREATE_CONTENT',
  'MODERATE',
  'MESSAGING',
  'ADVERTISE',
  'ANALYZE',
  'MODERATE_COMMUNITY',
  'MANAGE_JOBS',
  'PAGES_MESSAGING',
  'PAGES_MESSAGING_SUBSCRIPTIONS',
  'READ_PAGE_MAILBOXES',
  'VIEW_MONETIZATION_INSIGHTS',
  'MANAGE_LEADS',
  'CASHIER_ROLE',
  'GLOBAL_STRUCTURE_MANAGEMENT',
] as const

/** Page tasks as observed live (docs/graph-api.md §3, UNCONFIRMED by Meta's docs). */
export const PAGE_LIVE_TASKS = [
  'FULL_CONTROL',
  'CONTENT',
  'MESSAGES',
  'COMMUNITY_ACTIVITY',
  'ADVERTISE',
  'ANALYZE',
  'IG_APP_ADMIN',
  'IG_APP',
  'SPARK_INSIGHTS',
  'SPARK_PUBLISH',
  'SPARK_EVERYTHING',
  'CREATOR_MANAGEMENT',
  'CREATIVE_MANAGEMENT',
] as const

export const PRODUCT_CATALOG_TASKS = ['MANAGE', 'ADVERTISE', 'MANAGE_AR', 'AA_ANALYZE'] as const

export const INSTAGRAM_ACCOUNT_TASKS = [
  'CONTENT',
  'MESSAGES',
  'COMMUNITY_ACTIVITY',
  'ADVERTISE',
  'ANALYZE',
] as const

export const WHATSAPP_BUSINESS_ACCOUNT_TASKS = [
  'MANAGE',
  'DEVELOP',
  'MANAGE_TEMPLATES',
  'MANAGE_PHONE',
  'VIEW_COST',
  'MANAGE_EXTENSIONS',
  'VIEW_PHONE_ASSETS',
  'MANAGE_PHONE_ASSETS',
  'VIEW_TEMPLATES',
  'MESSAGING',
] as const

export const PIXEL_TASKS = ['ADVERTISE', 'ANALYZE', 'EDIT', 'UPLOAD', 'AA_ANALYZE'] as const

export type AdAccountTask = (typeof AD_ACCOUNT_TASKS)[number]
export type PageSdkTask = (typeof PAGE_SDK_TASKS)[number]
export type PageLiveTask = (typeof PAGE_LIVE_TASKS)[number]
export type PageTask = PageSdkTask | PageLiveTask
export type ProductCatalogTask = (typeof PRODUCT_CATALOG_TASKS)[number]
export type InstagramAccountTask = (typeof INSTAGRAM_ACCOUNT_TASKS)[number]
export type WhatsAppBusinessAccountTask = (typeof WHATSAPP_BUSINESS_ACCOUNT_TASKS)[number]
export type PixelTask = (typeof PIXEL_TASKS)[number]

/** The task type of each assignable kind (for Pages: either vocabulary). */
export interface TaskByKind {
  page: PageTask
  'ad-account': AdAccountTask
  'product-catalog': ProductCatalogTask
  'instagram-account': InstagramAccountTask
  'whatsapp-business-account': WhatsAppBusinessAccountTask
  pixel: PixelTask
}
export type TaskOf<K extends AssignableKind> = TaskByKind[K]

/** One kind with some of its tasks, type-checked per kind. */
export type AssetTasks = {
  [K in AssignableKind]: { readonly kind: K; readonly tasks: readonly TaskOf<K>[] }
}[AssignableKind]

/**
 * Where the two Page vocabularies name the same thing. From docs/graph-api.md §3 and the UI matrix
 * in docs/user-research.md §1.3 (Full control, Content, Messages, Community activity, Ads,
 * Insights). Tasks without a counterpart have no mapping and stay in their own vocabulary.
 */
export const PAGE_SDK_TO_LIVE = {
  MANAGE: 'FULL_CONTROL',
  CREATE_CONTENT: 'CONTENT',
  MESSAGING: 'MESSAGES',
  MODERATE: 'COMMUNITY_ACTIVITY',
  ADVERTISE: 'ADVERTISE',
  ANALYZE: 'ANALYZE',
} as const satisfies Partial<Record<PageSdkTask, PageLiveTask>>

const PAGE_LIVE_TO_SDK: Readonly<Partial<Record<PageLiveTask, PageSdkTask>>> = Object.fromEntries(
  Object.entries(PAGE_SDK_TO_LIVE).map(([sdk, live]) => [live, sdk]),
)

/**
 * A Page task in the other vocabulary, or undefined when Meta has no counterpart.
 * A task already in the target vocabulary comes back unchanged.
 */
export function pageTaskIn(task: string, vocabulary: PageVocabulary): PageTask | undefined {
  const sdkSet: readonly string[] = PAGE_SDK_TASKS
  const liveSet: readonly string[] = PAGE_LIVE_TASKS
  if (vocabulary === 'sdk') {
    if (sdkSet.includes(task)) return task as PageSdkTask
    return PAGE_LIVE_TO_SDK[task as PageLiveTask]
  }
  if (liveSet.includes(task)) return task as PageLiveTask
  return (PAGE_SDK_TO_LIVE as Partial<Record<string, PageLiveTask>>)[task]
}

/** The tasks Meta accepts for a kind (Pages: in the given vocabulary; apps: none). */
export function tasksOfKind(kind: AssetKind, pageVocabulary: PageVocabulary): readonly string[] {
  switch (kind) {
    case 'page':
      return pageVocabulary === 'sdk' ? PAGE_SDK_TASKS : PAGE_LIVE_TASKS
    case 'ad-account':
      return AD_ACCOUNT_TASKS
    case 'product-catalog':
      return PRODUCT_CATALOG_TASKS
    case 'instagram-account':
      return INSTAGRAM_ACCOUNT_TASKS
    case 'whatsapp-business-account':
      return WHATSAPP_BUSINESS_ACCOUNT_TASKS
    case 'pixel':
      return PIXEL_TASKS
    case 'app':
      return []
  }
}

/** Graph facts about one kind of asset. */
export interface AssetKindInfo {
  readonly kind: AssetKind
  /**
   * `GET /{business-id}/<edge>`: assets the business owns, and assets shared with it
   * (docs/graph-api.md §2.4).
   */
  readonly listingEdges: { readonly owned: string; readonly client: string }
  /**
   * `GET /{system-user-id}/<edge>`: what the system user holds, with `tasks`
   * (docs/graph-api.md §2.6).
   */
  readonly assignedEdge: string
  /**
   * False where docs/graph-api.md §2.6 says the edge is documented for business users only
   * (UNCONFIRMED for SUs).
   */
  readonly assignedEdgeConfirmed: boolean
  /** 'assigned-users': `POST /{asset}/assigned_users`; 'install': `POST /{su}/applications`. */
  readonly grant: 'assigned-users' | 'install'
  /**
   * False where Meta's own pages contradict each other about the write (docs/graph-api.md §2.5,
   * pixels).
   */
  readonly grantConfirmed: boolean
  /** Whether `tasks` is required on `assigned_users` (docs/graph-api.md §2.5). */
  readonly tasksRequired: boolean
  /** Whether `DELETE /{asset}/assigned_users` exists (docs/graph-api.md §2.5). */
  readonly canUnassign: boolean
}

export const ASSET_KIND_INFO: Readonly<Record<AssetKind, AssetKindInfo>> = {
  page: {
    kind: 'page',
    listingEdges: { owned: 'owned_pages', client: 'client_pages' },
    assignedEdge: 'assigned_pages',
    assignedEdgeConfirmed: true,
    grant: 'assigned-users',
    grantConfirmed: true,
    tasksRequired: false,
    canUnassign: true,
  },
  'ad-account': {
    kind: 'ad-account',
    listingEdges: { owned: 'owned_ad_accounts', client: 'client_ad_accounts' },
    assignedEdge: 'assigned_ad_accounts',
    assignedEdgeConfirmed: true,
    grant: 'assigned-users',
    grantConfirmed: true,
    tasksRequired: false,
    canUnassign: true,
  },
  'product-catalog': {
    kind: 'product-catalog',
    listingEdges: { owned: 'owned_product_catalogs', client: 'client_product_catalogs' },
    assignedEdge: 'assigned_product_catalogs',
    assignedEdgeConfirmed: true,
    grant: 'assigned-users',
    grantConfirmed: true,
    tasksRequired: true,
    canUnassign: true,
  },
  'instagram-account': {
    // The InstagramBusinessAsset node is the one with an assigned_users edge
    // (docs/graph-api.md §2.5), so list those.
    kind: 'instagram-account',
    listingEdges: { owned: 'owned_instagram_assets', client: 'client_instagram_assets' },
    assignedEdge: 'assigned_instagram_accounts',
    assignedEdgeConfirmed: false,
    grant: 'assigned-users',
    grantConfirmed: true,
    tasksRequired: false,
    canUnassign: true,
  },
  'whatsapp-business-account': {
    kind: 'whatsapp-business-account',
    listingEdges: {
      owned: 'owned_whatsapp_business_accounts',
      client: 'client_whatsapp_business_accounts',
    },
    assignedEdge: 'assigned_whatsapp_business_accounts',
    assignedEdgeConfirmed: true,
    grant: 'assigned-users',
    grantConfirmed: true,
    tasksRequired: true,
    canUnassign: true,
  },
  pixel: {
    kind: 'pixel',
    listingEdges: { owned: 'owned_pixels', client: 'client_pixels' },
    assignedEdge: 'assigned_ads_pixels',
    assignedEdgeConfirmed: false,
    grant: 'assigned-users',
    // The reference page calls the pixel edge read-only; the SDK spec has a POST
    // (docs/graph-api.md §2.5).
    grantConfirmed: false,
    tasksRequired: true,
    canUnassign: false,
  },
  app: {
    kind: 'app',
    listingEdges: { owned: 'owned_apps', client: 'client_apps' },
    assignedEdge: 'assigned_apps',
    assignedEdgeConfirmed: true,
    grant: 'install',
    grantConfirmed: true,
    tasksRequired: false,
    // No DELETE for an installed app is documented (docs/graph-api.md §2.3).
    canUnassign: false,
  },
}

/** Type guard: is this string one of the kinds the app handles? */
export const isAssetKind = (value: string): value is AssetKind =>
  (ASSET_KINDS as readonly string[]).includes(value)

/** Type guard: can this kind be assigned with tasks? */
export const isAssignableKind = (value: string): value is AssignableKind =>
  (ASSIGNABLE_KINDS as readonly string[]).includes(value)
