/**
 * The permissions (scopes) a system-user token can carry, with how far each reaches, what Meta
 * says each depends on, and which tasks it goes with.
 * Source: docs/graph-api.md §4.2 (the current list for system users), §9 (meanings, pairs,
 * dependencies), docs/graph-api.md §2.6 (business_management for Pages API calls by a system user).
 */
import { z } from 'zod'
import type { AssignableKind } from './asset-kinds'
import { scopeExplanationKey, scopeLabelKey, scopeWarningKey } from './keys'
import { TASK_INFO, type Breadth } from './tasks'

/**
 * docs/graph-api.md §4.2, "supported scopes for system users (current page)". Not included: the
 * deprecated `publish_actions`, the capability-gated
 * `business_creative_*`/`business_data_management`/
 * `commerce_manage_accounts`/`commerce_account_read_reports`, and the names
 * docs/user-research.md §1.5 quotes from older pages (`manage_notifications`,
 * `whatsapp_business_manage_events`), which the current list does not carry — sending an unlisted
 * scope fails with 3962 (docs/graph-api.md §10.11).
 */
export const SYSTEM_USER_SCOPES = [
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
] as const
export type Scope = (typeof SYSTEM_USER_SCOPES)[number]
export const ScopeSchema = z.enum(SYSTEM_USER_SCOPES)

/**
 * Scopes that reach a whole product line or the business itself rather than one kind of
 * day-to-day work. business_management reaches the portfolio (users, assets, system users);
 * ads_management can spend money in every assigned ad account; whatsapp_business_management
 * changes numbers, templates and webhooks; catalog_management deletes and rewrites products
 * (docs/graph-api.md §9).
 */
const BROAD_SCOPES: ReadonlySet<Scope> = new Set<Scope>([
  'business_management',
  'ads_management',
  'whatsapp_business_management',
  'catalog_management',
])

/**
 * Dependencies Meta documents in its permissions reference. Only the one docs/graph-api.md §9
 * records is listed; the task table (tasks.ts) asks for the Page scopes other permissions need in
 * practice, so a plan never relies on a dependency we cannot cite.
 */
const DEPENDENCIES: Readonly<Partial<Record<Scope, readonly Scope[]>>> = {
  ads_management: ['pages_read_engagement', 'pages_show_list'],
}

/**
 * A scope that already grants another's access, so asking for both would be more than needed:
 * ads_management "allows your app to both read and manage" ad accounts, including ad metrics
 * (docs/graph-api.md §9, Meta's permissions reference), which is what ads_read gives.
 */
const COVERS: Readonly<Partial<Record<Scope, readonly Scope[]>>> = {
  ads_management: ['ads_read'],
}

/** What the catalog knows about one permission. */
export interface ScopeInfo {
  readonly scope: Scope
  readonly breadth: Breadth
  /** Scopes Meta requires alongside this one. */
  readonly dependsOn: readonly Scope[]
  /** Scopes whose access this one already includes. */
  readonly covers: readonly Scope[]
  readonly labelKey: string
  readonly explanationKey: string
  /** Present for broad scopes: why it deserves a second thought. */
  readonly warningKey?: string
}

export const SCOPE_INFO: Readonly<Record<Scope, ScopeInfo>> = Object.fromEntries(
  SYSTEM_USER_SCOPES.map((scope): [Scope, ScopeInfo] => {
    const broad = BROAD_SCOPES.has(scope)
    return [
      scope,
      {
        scope,
        breadth: broad ? 'broad' : 'narrow',
        dependsOn: DEPENDENCIES[scope] ?? [],
        covers: COVERS[scope] ?? [],
        labelKey: scopeLabelKey(scope),
        explanationKey: scopeExplanationKey(scope),
        ...(broad ? { warningKey: scopeWarningKey(scope) } : {}),
      },
    ]
  }),
) as Record<Scope, ScopeInfo>

/** Type guard: is this string a scope a system-user token may carry? */
export const isScope = (value: string): value is Scope =>
  (SYSTEM_USER_SCOPES as readonly string[]).includes(value)

/** One kind and the tasks of it that a scope goes with. */
export interface ScopePairing {
  readonly kind: AssignableKind
  readonly tasks: readonly string[]
}

/**
 * Which tasks a scope goes with (docs/graph-api.md §9 "Pairs with"): the tasks that need it plus
 * those §9 pairs it with as an optional extra. Empty for scopes that serve business lines the app
 * does not assign (attribution, commerce, Audience Network, …).
 */
export function scopePairings(scope: Scope): readonly ScopePairing[] {
  const pairings: ScopePairing[] = []
  for (const [kind, table] of Object.entries(TASK_INFO) as [
    AssignableKind,
    Readonly<Record<string, { needs: readonly Scope[]; alsoPairs: readonly Scope[] }>>,
  ][]) {
    const tasks = Object.entries(table)
      .filter(([, info]) => info.needs.includes(scope) || info.alsoPairs.includes(scope))
      .map(([task]) => task)
    if (tasks.length > 0) pairings.push({ kind, tasks })
  }
  return pairings
}

/**
 * Adds every documented dependency (transitively), drops scopes another chosen scope covers, and
 * returns the result in the docs/graph-api.md §4.2 order so plans compare and display stably.
 */
export function closeScopes(scopes: Iterable<Scope>): Scope[] {
  const chosen = new Set<Scope>()
  const pending = [...scopes]
  while (pending.length > 0) {
    const scope = pending.pop()!
    if (chosen.has(scope)) continue
    chosen.add(scope)
    pending.push(...SCOPE_INFO[scope].dependsOn)
  }
  for (const scope of [...chosen]) {
    for (const covered of SCOPE_INFO[scope].covers) chosen.delete(covered)
  }
  return SYSTEM_USER_SCOPES.filter((scope) => chosen.has(scope))
}
