import { z } from 'zod'
import { ASSIGNABLE_KINDS, PageVocabularySchema } from '../../catalog/asset-kinds'
import { GOAL_IDS, RoleSchema } from '../../catalog/goals'
import { CustomPlanInput, PlanWarning } from '../../catalog/plan-schema'
import { ERROR_CODES } from '../../result'
import { TEXT } from '../limits'

/**
 * The guided flow (steps 2–8 of Meta's "Add system users"): the overview, asset pages, and runs.
 * A run is what main journals and then carries out; its summary never carries a token — the
 * token goes to the keychain and the summary names the vault record that holds it (SEC-16,
 * REL-05).
 */

const Id = z.string().min(1).max(TEXT.short)
const Key = z.string().max(TEXT.short)
const Params = z.record(z.string().max(64), z.union([z.string().max(TEXT.short), z.number()]))
const Tasks = z.array(z.string().min(1).max(64)).max(40)

/**
 * Names: Meta documents no length or character rule for system-user names (docs/graph-api.md §2.2
 * only says `name` is a required string). We keep them to 1–100 characters of letters, digits,
 * spaces and common punctuation so a name reads well in Business Settings and in the vault, and
 * never holds control characters that would let a name impersonate another in a list.
 */
export const SYSTEM_USER_NAME_MAX = 100
const NAME_CHARACTERS = /^[\p{L}\p{N} .,:;_\-–—()&'’+/@#]+$/u

export type SystemUserNameProblem = 'empty' | 'too-long' | 'characters' | 'taken'

/** i18n key of each name problem (flow-main messages). */
export const NAME_PROBLEM_KEYS: Readonly<Record<SystemUserNameProblem, string>> = {
  empty: 'flowMain.name.empty',
  'too-long': 'flowMain.name.tooLong',
  characters: 'flowMain.name.characters',
  taken: 'flowMain.name.taken',
}

/**
 * Why a name cannot be used, or undefined when it can. `existing` are the business's current
 * system-user names; the comparison is trimmed and case-insensitive, because two system users
 * named "Reports" and "reports" are as confusing to an admin as a true duplicate.
 */
export function systemUserNameProblem(
  name: string,
  existing: readonly string[] = [],
): SystemUserNameProblem | undefined {
  const trimmed = name.trim()
  if (trimmed.length === 0) return 'empty'
  if ([...trimmed].length > SYSTEM_USER_NAME_MAX) return 'too-long'
  if (!NAME_CHARACTERS.test(trimmed)) return 'characters'
  const wanted = trimmed.toLowerCase()
  if (existing.some((other) => other.trim().toLowerCase() === wanted)) return 'taken'
  return undefined
}

/** An AppError as data (result.ts), for summaries that keep the last failure of a run. */
export const AppErrorData = z.strictObject({
  code: z.enum(ERROR_CODES),
  messageKey: Key,
  params: Params.optional(),
  hintKey: Key.optional(),
  fbtraceId: z.string().max(TEXT.short).optional(),
  graphCode: z.number().int().optional(),
  graphSubcode: z.number().int().optional(),
  retryAfterMs: z.number().int().nonnegative().optional(),
})
export type AppErrorData = z.infer<typeof AppErrorData>

export const FlowAssetKind = z.enum(ASSIGNABLE_KINDS)

// ── Overview (step 2) ────────────────────────────────────────────────────────────────────────

export const AssignedAssetSummary = z.strictObject({
  id: Id,
  name: z.string().max(TEXT.short).optional(),
  tasks: Tasks,
})

export const SystemUserAssets = z.strictObject({
  kind: FlowAssetKind,
  assets: z.array(AssignedAssetSummary).max(5000),
  /**
   * False when Meta did not answer for this edge (some are UNCONFIRMED for system users,
   * docs/graph-api.md §2.6).
   */
  readable: z.boolean(),
})

export const SystemUserOverview = z.strictObject({
  id: Id,
  name: z.string().max(TEXT.short),
  /** ADMIN or EMPLOYEE as Meta reports it. */
  role: z.string().max(64),
  createdTime: z.string().max(64).optional(),
  assets: z.array(SystemUserAssets).max(ASSIGNABLE_KINDS.length),
  apps: z.array(z.strictObject({ id: Id, name: z.string().max(TEXT.short).optional() })).max(500),
  /** Ids of the vault records holding this system user's tokens. */
  vaultRecordIds: z.array(Id).max(500),
})
export type SystemUserOverview = z.infer<typeof SystemUserOverview>

/**
 * limit/left null: the app's tier is unknown, so the regular limit (1 or 10,
 * docs/graph-api.md §8.1) is too.
 */
export const QuotaLine = z.strictObject({
  used: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative().nullable(),
  left: z.number().int().nonnegative().nullable(),
})

export const FlowOverview = z.strictObject({
  businessId: Id,
  businessName: z.string().max(TEXT.short),
  practice: z.boolean(),
  systemUsers: z.array(SystemUserOverview).max(1000),
  quota: z.strictObject({ regular: QuotaLine, admin: QuotaLine }),
  /** Always false: Meta has no API to delete a system user (docs/graph-api.md §2.2). */
  canDelete: z.literal(false),
  deleteReasonKey: Key,
  /** Where the admin can manage system users instead (an allowlisted Meta page). */
  deleteHelpUrl: z.string().max(TEXT.url),
})
export type FlowOverview = z.infer<typeof FlowOverview>

export const OverviewRequest = z.strictObject({
  /**
   * Regular system users the app's tier allows (1 or 10, docs/graph-api.md §8.1), when Connect's
   * preflight knows.
   */
  regularLimit: z.number().int().min(0).max(1000).optional(),
})

export const RenameRequest = z.strictObject({ systemUserId: Id, name: z.string().max(TEXT.short) })
export const RenameResponse = z.strictObject({ systemUserId: Id, name: z.string().max(TEXT.short) })

// ── Assets (step 5) ──────────────────────────────────────────────────────────────────────────

export const ASSETS_PAGE_MAX = 200

export const AssetsPageRequest = z.strictObject({
  kind: FlowAssetKind,
  query: z.string().max(TEXT.search).optional(),
  offset: z.number().int().min(0).max(1_000_000),
  limit: z.number().int().min(1).max(ASSETS_PAGE_MAX),
  /** Re-read the business's assets instead of the copy main keeps for this session. */
  refresh: z.boolean().optional(),
})

export const AssetItem = z.strictObject({
  id: Id,
  name: z.string().max(TEXT.short),
  relation: z.enum(['owned', 'client']),
  details: z.record(
    z.string().max(64),
    z.union([z.string().max(TEXT.short), z.number(), z.boolean()]),
  ),
})
export type AssetItem = z.infer<typeof AssetItem>

export const AssetsPageResponse = z.strictObject({
  kind: FlowAssetKind,
  /** Assets of this kind the business holds. */
  total: z.number().int().nonnegative(),
  /** Of those, how many match the query. */
  matched: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(AssetItem).max(ASSETS_PAGE_MAX),
})
export type AssetsPageResponse = z.infer<typeof AssetsPageResponse>

// ── Runs (steps 3–8) ─────────────────────────────────────────────────────────────────────────

/** A goal's plan, or the admin's Custom choice (checked in main with the catalog). */
export const PlanSource = z.discriminatedUnion('source', [
  z.strictObject({
    source: z.literal('goal'),
    goalId: z.enum(GOAL_IDS.filter((id) => id !== 'custom') as [string, ...string[]]),
    pageVocabulary: PageVocabularySchema,
  }),
  z.strictObject({ source: z.literal('custom'), custom: CustomPlanInput }),
])
export type PlanSource = z.infer<typeof PlanSource>

/**
 * Assets to assign, grouped by identical task lists so thousands of Pages fit the IPC bounds
 * (one id per node). Tasks may narrow the plan's tasks for the kind, never widen them.
 */
export const AssignmentGroup = z.strictObject({
  kind: FlowAssetKind,
  tasks: Tasks.min(1),
  assetIds: z.array(Id).min(1).max(1500),
})
export type AssignmentGroup = z.infer<typeof AssignmentGroup>

export const TokenExpiry = z.enum(['60-days', 'never'])
export type TokenExpiry = z.infer<typeof TokenExpiry>

export const RunStartRequest = z.strictObject({
  plan: PlanSource,
  name: z.string().max(TEXT.short),
  /** EMPLOYEE is recommended; ADMIN only when the admin chose it after the warning. */
  role: RoleSchema,
  assignments: z.array(AssignmentGroup).max(60),
  /** The app to install and generate for; the connected app when left out. */
  appId: Id.optional(),
  expiry: TokenExpiry,
})
export type RunStartRequest = z.infer<typeof RunStartRequest>

/**
 * A run's actions: its side effects at Meta and on this computer, in the order they are kept
 * (each comment names the step of Meta's eight it belongs to).
 */
export const RUN_ACTION_KINDS = [
  'find-or-create', // step 4
  'assign', // step 5
  'verify-assignments', // step 5, read back
  'install-app', // before step 6
  'generate-token', // steps 6–7
  'save-token', // step 8
] as const
export type RunActionKind = (typeof RUN_ACTION_KINDS)[number]

/** 'planned': journaled, not started (REL-03 write-ahead: planned → in flight → done). */
export const ACTION_STATES = ['planned', 'in-flight', 'done', 'failed'] as const
export type ActionState = (typeof ACTION_STATES)[number]

export const RunAction = z.strictObject({
  kind: z.enum(RUN_ACTION_KINDS),
  state: z.enum(ACTION_STATES),
  /** How many items of the action are done (assignments); total 1 for single requests. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  error: AppErrorData.optional(),
})
export type RunAction = z.infer<typeof RunAction>

export const RUN_STATUSES = [
  'planned', // journaled, nothing sent yet
  'running',
  'paused', // stopped on an error or a cancel; resumable
  'needs-attention', // the token could not be saved: nothing more happens (REL-05)
  'done',
] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

export const GrantDifference = z.strictObject({
  kind: FlowAssetKind,
  assetId: Id,
  granted: z.boolean(),
  missing: Tasks,
  extra: Tasks,
  extraBroad: Tasks,
})
export type GrantDifference = z.infer<typeof GrantDifference>

export const RunSummary = z.strictObject({
  runId: Id,
  practice: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  status: z.enum(RUN_STATUSES),
  businessId: Id,
  businessName: z.string().max(TEXT.short),
  appId: Id,
  name: z.string().max(TEXT.short),
  role: RoleSchema,
  goalId: z.enum(GOAL_IDS),
  scopes: z.array(z.string().max(100)).max(100),
  warnings: z.array(PlanWarning).max(100),
  expiry: TokenExpiry,
  assetCount: z.number().int().nonnegative(),
  actions: z.array(RunAction).length(RUN_ACTION_KINDS.length),
  systemUserId: Id.optional(),
  /** True when a system user with the planned name already existed and was adopted (REL-04). */
  adopted: z.boolean(),
  /** Only the assets where Meta granted something other than asked (missing or extra tasks). */
  differences: z.array(GrantDifference).max(2000),
  vaultRecordId: Id.optional(),
  tokenExpiresAt: z.iso.datetime().nullable().optional(),
  fingerprint: z.string().max(8).optional(),
  /** A token Meta generated that could not be kept: revoke it (metadata only, never the token). */
  orphanedToken: z
    .strictObject({
      systemUserId: Id,
      generatedAt: z.iso.datetime(),
      expiresAt: z.iso.datetime().nullable(),
    })
    .optional(),
  lastError: AppErrorData.optional(),
  /** True when continuing is safe (reconciled by reading first). */
  resumable: z.boolean(),
})
export type RunSummary = z.infer<typeof RunSummary>

export const RunRequest = z.strictObject({ runId: Id })
export const RunCancelResponse = z.strictObject({ cancelled: z.boolean() })
export const RunDiscardResponse = z.strictObject({ discarded: z.boolean() })
export const UnfinishedRunsResponse = z.strictObject({ runs: z.array(RunSummary).max(100) })

/** Progress of a run, sent while it works (`flow:run-progress`). No secret, ever. */
export const RunProgress = z.strictObject({
  runId: Id,
  action: z.enum(RUN_ACTION_KINDS),
  state: z.enum(ACTION_STATES),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})
export type RunProgress = z.infer<typeof RunProgress>
