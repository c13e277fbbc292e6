/**
 * What a system user can be FOR, and the least access that makes it work.
 * Meta's advice drives the shape: one system user per kind of access, an Employee (regular) system
 * user for day-to-day calls, the admin system user kept for administration only
 * (docs/user-research.md §1.2; docs/graph-api.md §10.13) — so every goal proposes EMPLOYEE and none
 * proposes ADMIN. Page tasks are written in the 'sdk' vocabulary and mapped when the plan asks for
 * 'live' (docs/graph-api.md §3).
 */
import { z } from 'zod'
import type { AssetTasks } from './asset-kinds'
import { goalKeys } from './keys'
import type { Scope } from './scopes'

export const GOAL_IDS = [
  'read-ad-reports',
  'run-ads',
  'publish-page-posts',
  'answer-messages',
  'manage-catalog',
  'send-server-events',
  'whatsapp-messaging',
  'custom',
] as const
export type GoalId = (typeof GOAL_IDS)[number]
export const GoalIdSchema = z.enum(GOAL_IDS)

/**
 * The two roles a system user can have (docs/graph-api.md §2.2; the simulator accepts only these).
 */
export const ROLES = ['EMPLOYEE', 'ADMIN'] as const
export type Role = (typeof ROLES)[number]
export const RoleSchema = z.enum(ROLES)

/** One goal: the role, the tasks per kind and the scopes it needs, and the keys of its texts. */
export interface Goal {
  readonly id: GoalId
  readonly role: 'EMPLOYEE'
  /** Assets by kind with the least tasks that work (Page tasks in the 'sdk' vocabulary). */
  readonly assets: readonly AssetTasks[]
  /**
   * The least scopes that work, dependencies included. Written out so a reader sees them; a test
   * checks they equal what the tasks need (plan.ts `scopesForAssignment`).
   */
  readonly scopes: readonly Scope[]
  /**
   * Broad tasks the goal cannot do without, each with the reason; the plan still warns about
   * them. Only 'manage-catalog' has one: editing products needs the catalog's MANAGE task.
   */
  readonly unavoidableBroadTasks: readonly string[]
  readonly titleKey: string
  readonly descriptionKey: string
  readonly whyKey: string
  readonly suggestedNameKey: string
}

const goal = (
  id: GoalId,
  assets: readonly AssetTasks[],
  scopes: readonly Scope[],
  unavoidableBroadTasks: readonly string[] = [],
): Goal => ({ id, role: 'EMPLOYEE', assets, scopes, unavoidableBroadTasks, ...goalKeys(id) })

export const GOALS: Readonly<Record<GoalId, Goal>> = {
  // docs/graph-api.md §3 "reports only" bundle; ads_read is the Insights permission (§9).
  'read-ad-reports': goal(
    'read-ad-reports',
    [{ kind: 'ad-account', tasks: ['ANALYZE'] }],
    ['ads_read'],
  ),

  // docs/graph-api.md §3 "general user" bundle, not the admin one (no MANAGE: payments and access
  // stay out of reach). Ads run in a Page's name, so the Page's ADVERTISE task ("Ads" in the
  // Business Settings matrix, docs/user-research.md §1.3) is needed too. ads_management depends on
  // pages_read_engagement + pages_show_list (docs/graph-api.md §9) and already includes ad
  // reporting, so ads_read is not asked for separately.
  'run-ads': goal(
    'run-ads',
    [
      { kind: 'ad-account', tasks: ['ADVERTISE', 'ANALYZE'] },
      { kind: 'page', tasks: ['ADVERTISE'] },
    ],
    ['ads_management', 'pages_read_engagement', 'pages_show_list'],
  ),

  // CREATE_CONTENT (live: CONTENT) pairs with pages_manage_posts + pages_read_engagement
  // (docs/graph-api.md §9); business_management because Pages API calls by a system user need it
  // (docs/graph-api.md §2.6).
  'publish-page-posts': goal(
    'publish-page-posts',
    [{ kind: 'page', tasks: ['CREATE_CONTENT'] }],
    ['business_management', 'pages_manage_posts', 'pages_read_engagement', 'pages_show_list'],
  ),

  // MESSAGING (live: MESSAGES) on the Page, MESSAGES on the Instagram account
  // (docs/graph-api.md §3, §9). pages_manage_metadata lets the software subscribe to new-message
  // webhooks, which Meta lists as required for Instagram messaging; business_management per
  // docs/graph-api.md §2.6.
  'answer-messages': goal(
    'answer-messages',
    [
      { kind: 'page', tasks: ['MESSAGING'] },
      { kind: 'instagram-account', tasks: ['MESSAGES'] },
    ],
    [
      'business_management',
      'instagram_basic',
      'instagram_manage_messages',
      'pages_manage_metadata',
      'pages_messaging',
      'pages_show_list',
    ],
  ),

  // The only catalog task that may change products is MANAGE ("Manage catalog"); ADVERTISE only
  // builds product sets (docs/graph-api.md §3; docs/user-research.md §1.3). catalog_management
  // pairs with it (docs/graph-api.md §9).
  'manage-catalog': goal(
    'manage-catalog',
    [{ kind: 'product-catalog', tasks: ['MANAGE'] }],
    ['catalog_management'],
    ['MANAGE'],
  ),

  // UPLOAD is the pixel task for sending events; ads_read also grants the server-side
  // (Conversions) API (docs/graph-api.md §9). Whether pixels can be assigned through the API is
  // UNCONFIRMED (§2.5).
  'send-server-events': goal(
    'send-server-events',
    [{ kind: 'pixel', tasks: ['UPLOAD'] }],
    ['ads_read'],
  ),

  // MESSAGING pairs with whatsapp_business_messaging; whatsapp_business_management is needed to
  // find the numbers and receive replies (see tasks.ts). Employee system users need a per-WABA
  // grant (docs/graph-api.md §3, WA-TOK).
  'whatsapp-messaging': goal(
    'whatsapp-messaging',
    [{ kind: 'whatsapp-business-account', tasks: ['MESSAGING'] }],
    ['whatsapp_business_management', 'whatsapp_business_messaging'],
  ),

  // The admin chooses; plan.ts `customPlan` checks the choice and warns about anything broad.
  custom: goal('custom', [], []),
}

/** Goals in the order the app offers them. */
export const GOAL_LIST: readonly Goal[] = GOAL_IDS.map((id) => GOALS[id])
