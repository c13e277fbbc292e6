/**
 * Every task of every assignable kind: how far it reaches, the scopes a token needs to use it,
 * and the keys of its plain-language texts.
 * Sources: docs/graph-api.md §3 (enums, ad-account bundles), §9 (scope ↔ task pairs), §2.6
 * (business_management for Pages API calls by a system user); docs/user-research.md §1.3 (what the
 * Business Settings matrix says each task does).
 */
import type {
  AdAccountTask,
  AssignableKind,
  InstagramAccountTask,
  PageTask,
  PixelTask,
  ProductCatalogTask,
  TaskOf,
  WhatsAppBusinessAccountTask,
} from './asset-kinds'
import { taskExplanationKey, taskLabelKey, taskWarningKey } from './keys'
import type { Scope } from './scopes'

/**
 * 'broad' marks full-control tasks (MANAGE, FULL_CONTROL and the like), which also let the holder
 * change settings or give others access, plus tasks that handle money; everything else is 'narrow'.
 */
export type Breadth = 'narrow' | 'broad'

/** What the catalog knows about one task of one kind. */
export interface TaskInfo {
  readonly kind: AssignableKind
  readonly task: string
  readonly breadth: Breadth
  /** The least set of scopes a token needs to use this task (before dependencies are added). */
  readonly needs: readonly Scope[]
  /**
   * Scopes docs/graph-api.md §9 pairs with the task that are not needed for its core use; offered,
   * not proposed.
   */
  readonly alsoPairs: readonly Scope[]
  readonly labelKey: string
  readonly explanationKey: string
  /** Present for broad tasks. */
  readonly warningKey?: string
}

interface Spec {
  readonly breadth: Breadth
  readonly needs: readonly Scope[]
  readonly alsoPairs?: readonly Scope[]
}

const narrow = (needs: readonly Scope[], alsoPairs: readonly Scope[] = []): Spec => ({
  breadth: 'narrow',
  needs,
  alsoPairs,
})
const broad = (needs: readonly Scope[], alsoPairs: readonly Scope[] = []): Spec => ({
  breadth: 'broad',
  needs,
  alsoPairs,
})

const AD_ACCOUNT: Record<AdAccountTask, Spec> = {
  MANAGE: broad(['ads_management']),
  ADVERTISE: narrow(['ads_management'], ['leads_retrieval']),
  ANALYZE: narrow(['ads_read']),
  // Creative Hub mockups are made in Meta's UI; no API permission is documented for them.
  DRAFT: narrow([]),
  // "Advanced analytics" reading; its permission is not documented, ads_read is the reading scope.
  AA_ANALYZE: narrow(['ads_read']),
}

// Pages API calls made with a system user need business_management (docs/graph-api.md §2.6).
// Advertising for a Page goes through the Marketing API instead (the ad account's ads_management),
// so ADVERTISE does not. Every Page task needs pages_show_list (docs/graph-api.md §9: "any Page
// task").
const PAGE_BASE: readonly Scope[] = ['pages_show_list', 'business_management']
const pageTask = (extra: readonly Scope[], alsoPairs: readonly Scope[] = []): Spec =>
  narrow([...extra, ...PAGE_BASE], alsoPairs)
const pageBroad = (extra: readonly Scope[], alsoPairs: readonly Scope[] = []): Spec =>
  broad([...extra, ...PAGE_BASE], alsoPairs)

const PAGE_MANAGE = pageBroad(['pages_manage_metadata'], ['pages_manage_cta', 'page_events'])
const PAGE_CONTENT = pageTask(['pages_manage_posts', 'pages_read_engagement'], ['publish_video'])
const PAGE_MODERATE = pageTask(['pages_manage_engagement', 'pages_read_user_content'])
// Answering needs the conversations (pages_messaging) and instant alerts about new messages:
// subscribing a Page to message webhooks needs pages_manage_metadata (Meta's messaging
// requirements list it next to the messaging permission).
const PAGE_MESSAGING = pageTask(['pages_messaging', 'pages_manage_metadata'])

const PAGE: Record<PageTask, Spec> = {
  MANAGE: PAGE_MANAGE,
  FULL_CONTROL: PAGE_MANAGE,
  CREATE_CONTENT: PAGE_CONTENT,
  CONTENT: PAGE_CONTENT,
  MODERATE: PAGE_MODERATE,
  COMMUNITY_ACTIVITY: PAGE_MODERATE,
  MESSAGING: PAGE_MESSAGING,
  MESSAGES: PAGE_MESSAGING,
  ADVERTISE: narrow(['pages_show_list'], ['pages_manage_ads']),
  ANALYZE: pageTask(['pages_read_engagement', 'read_insights']),
  MODERATE_COMMUNITY: PAGE_MODERATE,
  MANAGE_JOBS: pageTask([]),
  PAGES_MESSAGING: PAGE_MESSAGING,
  PAGES_MESSAGING_SUBSCRIPTIONS: PAGE_MESSAGING,
  READ_PAGE_MAILBOXES: pageTask(['read_page_mailboxes']),
  VIEW_MONETIZATION_INSIGHTS: pageTask(['pages_read_engagement', 'read_insights']),
  MANAGE_LEADS: pageTask(['leads_retrieval']),
  // Handles the Page's money: treated as broad although Meta does not call it full control.
  CASHIER_ROLE: pageBroad([]),
  GLOBAL_STRUCTURE_MANAGEMENT: pageBroad([]),
  // The live-only Page tasks below have no documented meaning (docs/graph-api.md §3, UNCONFIRMED);
  // the texts stay cautious and the admin-type ones count as broad.
  IG_APP_ADMIN: pageBroad(['instagram_basic']),
  IG_APP: pageTask(['instagram_basic']),
  SPARK_INSIGHTS: pageTask([]),
  SPARK_PUBLISH: pageTask([]),
  SPARK_EVERYTHING: pageBroad([]),
  CREATOR_MANAGEMENT: pageTask([]),
  CREATIVE_MANAGEMENT: pageTask([]),
}

const PRODUCT_CATALOG: Record<ProductCatalogTask, Spec> = {
  // Meta Help: a catalog admin can change items and settings and give others catalog roles.
  MANAGE: broad(['catalog_management']),
  // Product sets for ads are written through the catalog API, which needs catalog_management.
  ADVERTISE: narrow(['catalog_management'], ['ads_management']),
  MANAGE_AR: narrow(['catalog_management']),
  // No permission is documented for catalog analytics.
  AA_ANALYZE: narrow([]),
}

// Instagram professional accounts are reached through their linked Facebook Page (Instagram API
// overview), so each task also needs the Page read scopes.
const IG_BASE: readonly Scope[] = ['instagram_basic', 'pages_show_list']
const INSTAGRAM_ACCOUNT: Record<InstagramAccountTask, Spec> = {
  CONTENT: narrow([...IG_BASE, 'instagram_content_publish', 'pages_read_engagement']),
  // Meta's Instagram messaging requirements: instagram_basic, instagram_manage_messages and
  // pages_manage_metadata (for the message webhooks).
  MESSAGES: narrow([...IG_BASE, 'instagram_manage_messages', 'pages_manage_metadata']),
  COMMUNITY_ACTIVITY: narrow([...IG_BASE, 'instagram_manage_comments', 'pages_read_engagement']),
  ADVERTISE: narrow([...IG_BASE], ['ads_management']),
  ANALYZE: narrow([...IG_BASE, 'instagram_manage_insights', 'pages_read_engagement']),
}

const WABA_MANAGEMENT: readonly Scope[] = ['whatsapp_business_management']
const WHATSAPP_BUSINESS_ACCOUNT: Record<WhatsAppBusinessAccountTask, Spec> = {
  MANAGE: broad(WABA_MANAGEMENT),
  DEVELOP: narrow(WABA_MANAGEMENT),
  MANAGE_TEMPLATES: narrow(WABA_MANAGEMENT),
  MANAGE_PHONE: narrow(WABA_MANAGEMENT),
  VIEW_COST: narrow(WABA_MANAGEMENT),
  MANAGE_EXTENSIONS: narrow(WABA_MANAGEMENT),
  VIEW_PHONE_ASSETS: narrow(WABA_MANAGEMENT),
  MANAGE_PHONE_ASSETS: narrow(WABA_MANAGEMENT),
  VIEW_TEMPLATES: narrow(WABA_MANAGEMENT),
  // Sending needs whatsapp_business_messaging; finding the account's numbers and subscribing to
  // incoming messages are WABA management calls, so Meta's system-user token guide has both
  // (WA-TOK; docs/user-research.md §3 on guides disagreeing).
  MESSAGING: narrow(['whatsapp_business_messaging', ...WABA_MANAGEMENT]),
}

const PIXEL: Record<PixelTask, Spec> = {
  ADVERTISE: narrow(['ads_management']),
  ANALYZE: narrow(['ads_read']),
  // Meta describes EDIT as "manage dataset, edit settings": the pixel's full control.
  EDIT: broad(['ads_management']),
  // ads_read also grants the server-side (Conversions) API (docs/graph-api.md §9, Meta's
  // permissions reference).
  UPLOAD: narrow(['ads_read']),
  AA_ANALYZE: narrow(['ads_read']),
}

function build<K extends AssignableKind>(
  kind: K,
  specs: Record<TaskOf<K>, Spec>,
): Readonly<Record<TaskOf<K>, TaskInfo>> {
  return Object.fromEntries(
    Object.entries<Spec>(specs).map(([task, spec]) => [
      task,
      {
        kind,
        task,
        breadth: spec.breadth,
        needs: spec.needs,
        alsoPairs: spec.alsoPairs ?? [],
        labelKey: taskLabelKey(kind, task),
        explanationKey: taskExplanationKey(kind, task),
        ...(spec.breadth === 'broad' ? { warningKey: taskWarningKey(kind, task) } : {}),
      } satisfies TaskInfo,
    ]),
  ) as Record<TaskOf<K>, TaskInfo>
}

/** Every task of every assignable kind (Pages: both vocabularies in one table). */
export const TASK_INFO: { readonly [K in AssignableKind]: Readonly<Record<TaskOf<K>, TaskInfo>> } =
  {
    page: build('page', PAGE),
    'ad-account': build('ad-account', AD_ACCOUNT),
    'product-catalog': build('product-catalog', PRODUCT_CATALOG),
    'instagram-account': build('instagram-account', INSTAGRAM_ACCOUNT),
    'whatsapp-business-account': build('whatsapp-business-account', WHATSAPP_BUSINESS_ACCOUNT),
    pixel: build('pixel', PIXEL),
  }

/** The catalog entry of a task, or undefined when the kind has no such task (any vocabulary). */
export function taskInfo(kind: AssignableKind, task: string): TaskInfo | undefined {
  const table: Readonly<Record<string, TaskInfo>> = TASK_INFO[kind]
  return Object.hasOwn(table, task) ? table[task] : undefined
}

/**
 * The ad-account bundles Meta documents (docs/graph-api.md §3, R-AAU, v3.1 change). Meta defines no
 * other valid combinations; these are the ones the app offers as presets.
 */
export const AD_ACCOUNT_BUNDLES = {
  reportsOnly: ['ANALYZE'],
  general: ['ADVERTISE', 'ANALYZE'],
  admin: ['MANAGE', 'ADVERTISE', 'ANALYZE'],
} as const satisfies Record<string, readonly AdAccountTask[]>
