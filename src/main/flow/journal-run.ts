import { z } from 'zod'
import { PageVocabularySchema } from '@shared/catalog/asset-kinds'
import { GOAL_IDS, RoleSchema } from '@shared/catalog/goals'
import { PlanWarning } from '@shared/catalog/plan-schema'
import {
  AppErrorData,
  AssignmentGroup,
  GrantDifference,
  RUN_STATUSES,
  RUN_ACTION_KINDS,
  RunAction,
  TokenExpiry,
  type RunActionKind,
  type RunSummary,
} from '@shared/ipc/schemas/flow'
import type { AppError } from '@shared/result'

/**
 * A run: one entry of the journal, one pass of the guided flow as the journal keeps it
 * (docs/security-requirements.md §6.2): the plan, written before any request, and the state of
 * each of its actions (its side effects). It names the vault record that will hold the token and never the token itself
 * — the journal is a plain file (SEC-16, REL-05).
 */
const Id = z.string().min(1).max(200)
const Iso = z.iso.datetime()

export const OrphanedToken = z.strictObject({
  systemUserId: Id,
  /** When the token that may exist was asked for. */
  generatedAt: Iso,
  /** When it stops working by itself; null = never (only for a "never expires" choice). */
  expiresAt: Iso.nullable(),
  /** True once the app invalidated it (possible only for a system user this run created). */
  revoked: z.boolean(),
})
export type OrphanedToken = z.infer<typeof OrphanedToken>

export const JournalRun = z.strictObject({
  /** 2 since the run's side effects are `actions`; version 1 is still read (JournalRunOnDisk). */
  version: z.literal(2),
  runId: Id,
  createdAt: Iso,
  updatedAt: Iso,
  practice: z.boolean(),
  businessId: Id,
  businessName: z.string().max(200),
  appId: Id,
  appName: z.string().max(200).optional(),
  name: z.string().min(1).max(200),
  role: RoleSchema,
  goalId: z.enum(GOAL_IDS),
  pageVocabulary: PageVocabularySchema,
  scopes: z.array(z.string().max(100)).max(100),
  warnings: z.array(PlanWarning).max(100),
  expiry: TokenExpiry,
  assignments: z.array(AssignmentGroup).max(60),
  /** Chosen when the run is journaled, so the keychain entry of a resumed run is found again (REL-05). */
  vaultRecordId: Id,
  status: z.enum(RUN_STATUSES),
  actions: z.array(RunAction).length(RUN_ACTION_KINDS.length),
  systemUserId: Id.optional(),
  adopted: z.boolean(),
  differences: z.array(GrantDifference).max(2000),
  tokenGeneratedAt: Iso.optional(),
  tokenExpiresAt: Iso.nullable().optional(),
  fingerprint: z.string().max(8).optional(),
  orphans: z.array(OrphanedToken).max(50),
  lastError: AppErrorData.optional(),
})
export type JournalRun = z.infer<typeof JournalRun>

/**
 * Version 1, what the journal wrote before a run's side effects were called actions: the same run
 * with its actions under `steps`. It is still read, so a run journaled by an earlier build is
 * listed and resumed; the next write saves it as version 2.
 */
const JournalRunV1 = JournalRun.omit({ version: true, actions: true }).extend({
  version: z.literal(1),
  steps: JournalRun.shape.actions,
})

/** What a file of the journal may hold, read as the current JournalRun. */
export const JournalRunOnDisk = z.union([
  JournalRun,
  JournalRunV1.transform(({ steps, ...rest }): JournalRun => ({
    ...rest,
    version: 2,
    actions: steps,
  })),
])

/** The action of a kind (actions are kept in RUN_ACTION_KINDS order). */
export function actionOf(run: JournalRun, kind: RunActionKind): RunAction {
  const action = run.actions.find((candidate) => candidate.kind === kind)
  if (!action) throw new Error(`run ${run.runId} has no ${kind} action`)
  return action
}

/** A copy of the run with one action changed. */
export function withAction(
  run: JournalRun,
  kind: RunActionKind,
  change: Partial<Omit<RunAction, 'kind'>>,
): JournalRun {
  return {
    ...run,
    actions: run.actions.map((action) => {
      if (action.kind !== kind) return action
      const next = { ...action, ...change }
      // An action that moves on forgets its old error; an explicit `error` in `change` stays.
      if (!('error' in change)) delete next.error
      return next
    }),
  }
}

/** AppError → the journal's plain data (drops nothing the schema knows, adds nothing). */
export const errorData = (error: AppError): AppErrorData =>
  AppErrorData.parse({
    code: error.code,
    messageKey: error.messageKey,
    ...(error.params ? { params: error.params } : {}),
    ...(error.hintKey ? { hintKey: error.hintKey } : {}),
    ...(error.fbtraceId ? { fbtraceId: error.fbtraceId } : {}),
    ...(error.graphCode !== undefined ? { graphCode: error.graphCode } : {}),
    ...(error.graphSubcode !== undefined ? { graphSubcode: error.graphSubcode } : {}),
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: Math.round(error.retryAfterMs) } : {}),
  })

/** What the renderer sees of a run. */
export function toSummary(run: JournalRun): RunSummary {
  const orphan = [...run.orphans].reverse().find((candidate) => !candidate.revoked)
  return {
    runId: run.runId,
    practice: run.practice,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    status: run.status,
    businessId: run.businessId,
    businessName: run.businessName,
    appId: run.appId,
    name: run.name,
    role: run.role,
    goalId: run.goalId,
    scopes: run.scopes,
    warnings: run.warnings,
    expiry: run.expiry,
    assetCount: run.assignments.reduce((sum, group) => sum + group.assetIds.length, 0),
    actions: run.actions,
    adopted: run.adopted,
    differences: run.differences,
    ...(run.systemUserId ? { systemUserId: run.systemUserId } : {}),
    ...(actionOf(run, 'save-token').state === 'done' ? { vaultRecordId: run.vaultRecordId } : {}),
    ...(run.tokenExpiresAt !== undefined ? { tokenExpiresAt: run.tokenExpiresAt } : {}),
    ...(run.fingerprint ? { fingerprint: run.fingerprint } : {}),
    ...(orphan
      ? {
          orphanedToken: {
            systemUserId: orphan.systemUserId,
            generatedAt: orphan.generatedAt,
            expiresAt: orphan.expiresAt,
          },
        }
      : {}),
    ...(run.lastError ? { lastError: run.lastError } : {}),
    resumable: run.status !== 'done',
  }
}
