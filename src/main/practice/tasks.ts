import type { AssignableKind } from '@shared/catalog/asset-kinds'
import type { PageTaskVocabulary } from './types'

/**
 * Task enums per asset kind (docs/graph-api.md §3, from the SDK specs' enum_types.json).
 * These deliberately repeat src/shared/catalog rather than import it: the simulator stands for
 * Meta, and the catalog is the app's belief about Meta. Sharing one list would let a wrong
 * catalog entry pass every contract test; two independent copies make such a mistake fail.
 */
const AD_ACCOUNT_TASKS = ['MANAGE', 'ADVERTISE', 'ANALYZE', 'DRAFT', 'AA_ANALYZE'] as const

const PAGE_TASKS_SDK = [
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
  'PROFILE_PLUS_ADVERTISE',
  'PROFILE_PLUS_ANALYZE',
  'PROFILE_PLUS_CREATE_CONTENT',
  'PROFILE_PLUS_CREATIVE_MANAGEMENT',
  'PROFILE_PLUS_CREATOR_MANAGEMENT',
  'PROFILE_PLUS_FACEBOOK_ACCESS',
  'PROFILE_PLUS_FULL_CONTROL',
  'PROFILE_PLUS_GLOBAL_STRUCTURE_MANAGEMENT',
  'PROFILE_PLUS_MANAGE',
  'PROFILE_PLUS_MANAGE_LEADS',
  'PROFILE_PLUS_MESSAGING',
  'PROFILE_PLUS_MODERATE',
  'PROFILE_PLUS_MODERATE_DELEGATE_COMMUNITY',
  'PROFILE_PLUS_REVENUE',
] as const

/**
 * Observed live in a v23.0 enum error (3P, 2026-07), where the legacy names were rejected
 * (docs/graph-api.md §3).
 */
const PAGE_TASKS_LIVE = [
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

const CATALOG_TASKS = ['MANAGE', 'ADVERTISE', 'MANAGE_AR', 'AA_ANALYZE'] as const
const PIXEL_TASKS = ['ADVERTISE', 'ANALYZE', 'EDIT', 'UPLOAD', 'AA_ANALYZE'] as const
const INSTAGRAM_TASKS = [
  'ADVERTISE',
  'ANALYZE',
  'COMMUNITY_ACTIVITY',
  'CONTENT',
  'MESSAGES',
] as const
const WHATSAPP_TASKS = [
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

/** The task enum `assigned_users` validates against for this kind (Pages: per vocabulary). */
export function taskEnum(kind: AssignableKind, vocabulary: PageTaskVocabulary): readonly string[] {
  switch (kind) {
    case 'ad-account':
      return AD_ACCOUNT_TASKS
    case 'page':
      return vocabulary === 'live' ? PAGE_TASKS_LIVE : PAGE_TASKS_SDK
    case 'product-catalog':
      return CATALOG_TASKS
    case 'pixel':
      return PIXEL_TASKS
    case 'instagram-account':
      return INSTAGRAM_TASKS
    case 'whatsapp-business-account':
      return WHATSAPP_TASKS
  }
}

/**
 * `tasks` is required on catalog, pixel and WABA edges, optional elsewhere
 * (docs/graph-api.md §2.5).
 */
export function tasksRequired(kind: AssignableKind): boolean {
  return kind === 'product-catalog' || kind === 'pixel' || kind === 'whatsapp-business-account'
}

/**
 * Tasks assigned when `tasks` is omitted on an optional edge. UNCONFIRMED: Meta does not document
 * the default; the least-privilege read task is the safe guess.
 */
export function defaultTasks(): string[] {
  return ['ANALYZE']
}

/**
 * Tasks Meta reads back for a requested set. Modelled on the documented bundles — ad accounts
 * (v3.1: admin = MANAGE+ADVERTISE+ANALYZE, general user = ADVERTISE+ANALYZE) and the Page
 * role→task mapping (docs/graph-api.md §3) — because Meta "may read back more tasks than requested"
 * (§2.5), and a client must compare with a superset check. The exact live expansion is UNCONFIRMED.
 */
const IMPLIED: Partial<Record<string, Record<string, readonly string[]>>> = {
  'ad-account': { MANAGE: ['ADVERTISE', 'ANALYZE'], ADVERTISE: ['ANALYZE'] },
  'page:sdk': {
    MANAGE: ['CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'],
    CREATE_CONTENT: ['MODERATE', 'ADVERTISE', 'ANALYZE'],
    MODERATE: ['ADVERTISE', 'ANALYZE'],
    ADVERTISE: ['ANALYZE'],
  },
  'page:live': {
    FULL_CONTROL: ['CONTENT', 'MESSAGES', 'COMMUNITY_ACTIVITY', 'ADVERTISE', 'ANALYZE'],
  },
}

export function expandTasks(
  kind: AssignableKind,
  vocabulary: PageTaskVocabulary,
  tasks: readonly string[],
): string[] {
  const implied = IMPLIED[kind === 'page' ? `page:${vocabulary}` : kind] ?? {}
  const wanted = new Set<string>()
  for (const task of tasks) {
    wanted.add(task)
    for (const extra of implied[task] ?? []) wanted.add(extra)
  }
  // Read back in enum order, like Graph's unpacked task lists.
  const order = taskEnum(kind, vocabulary)
  return [...wanted].sort((a, b) => order.indexOf(a) - order.indexOf(b))
}

/**
 * Scopes a system-user token may carry (docs/graph-api.md §4.2 "Supported scopes for system
 * users").
 */
export const SYSTEM_USER_SCOPES: ReadonlySet<string> = new Set([
  'ads_management',
  'ads_read',
  'attribution_read',
  'business_management',
  'catalog_management',
  'commerce_account_manage_orders',
  'commerce_account_read_orders',
  'commerce_account_read_settings',
  'instagram_basic',
  'instagram_branded_content_ads_brand',
  'instagram_branded_content_brand',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
  'instagram_manage_messages',
  'instagram_shopping_tag_products',
  'leads_retrieval',
  'page_events',
  'pages_manage_ads',
  'pages_manage_cta',
  'pages_manage_engagement',
  'pages_manage_instant_articles',
  'pages_manage_metadata',
  'pages_manage_posts',
  'pages_messaging',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_show_list',
  'private_computation_access',
  'publish_video',
  'read_audience_network_insights',
  'read_insights',
  'read_page_mailboxes',
  'whatsapp_business_management',
  'whatsapp_business_messaging',
])

/**
 * Which asset kind a scope is targeted at, for debug_token's granular_scopes `target_ids`
 * (docs/graph-api.md §5): an employee system user's Page permission only reaches the Pages assigned
 * to it.
 */
export function scopeTargetKind(scope: string): AssignableKind | undefined {
  if (scope.startsWith('pages_') || scope === 'read_page_mailboxes') return 'page'
  if (scope.startsWith('instagram_')) return 'instagram-account'
  if (scope.startsWith('whatsapp_')) return 'whatsapp-business-account'
  if (scope === 'catalog_management') return 'product-catalog'
  return undefined
}
