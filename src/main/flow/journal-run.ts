import { z } from 'zod'
import { PageVocabularySchema } from '@shared/catalog/asset-kinds'
import { GOAL_IDS, RoleSchema } from '@shared/catalog/goals'
import { PlanWarning } from '@shared/catalog/plan-schema'
import {
  AppErrorData,
  AssignmentGroup,
  GrantDifference,
  RUN_STATUSES,
  RUN_STEP_KINDS,
  RunStep,
  TokenExpiry,
  type RunStepKind,
  type RunSummary,
} from '@shared/ipc/schemas/flow'
import type { AppError } from '@shared/result'

/**
 * A run: one entry of the journal, one pass of the guided flow as the journal keeps it
 * (docs/security-requirements.md §6.2): the plan, written before any request, and each side
 * effect's state. It names the vault record that will hold the token and never the token itself
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
  version: z.literal(1),
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
  /** Chosen at plan time, so the keychain entry of a resumed run is found again (REL-05). */
  vaultRecordId: Id,
  status: z.enum(RUN_STATUSES),
  steps: z.array(RunStep).length(RUN_STEP_KINDS.length),
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

/** The step of a kind (steps are kept in RUN_STEP_KINDS order). */
export function stepOf(run: JournalRun, kind: RunStepKind): JournalRun['steps'][number] {
  const step = run.steps.find((candidate) => candidate.kind === kind)
  if (!step) throw new Error(`run ${run.runId} has no ${kind} step`)
  return step
}

/** A copy of the run with one step changed. */
export function withStep(
  run: JournalRun,
  kind: RunStepKind,
  change: Partial<Omit<JournalRun['steps'][number], 'kind'>>,
): JournalRun {
  return {
    ...run,
    steps: run.steps.map((step) => {
      if (step.kind !== kind) return step
      const next = { ...step, ...change }
      // A step that moves on forgets its old error; an explicit `error` in `change` stays.
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
    steps: run.steps,
    adopted: run.adopted,
    differences: run.differences,
    ...(run.systemUserId ? { systemUserId: run.systemUserId } : {}),
    ...(stepOf(run, 'save-token').state === 'done' ? { vaultRecordId: run.vaultRecordId } : {}),
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
