import {
  customPlan,
  planFromGoal,
  planWarnings,
  type AccessPlan,
  type AssignableKind,
  type GoalId,
} from '@shared/catalog'
import {
  NAME_PROBLEM_KEYS,
  RUN_ACTION_KINDS,
  systemUserNameProblem,
  type RunStartRequest,
  type RunActionKind,
} from '@shared/ipc/schemas/flow'
import { err, ok, type Result } from '@shared/result'
import type { JournalRun } from './journal-run'

/**
 * flow:run-start's request checked and turned into the run the journal writes before any request
 * (docs/security-requirements.md §6.2 "journal first"). Least privilege is checked here, in main,
 * whatever the renderer sent (SEC-16): the plan comes from the catalog, assets may only narrow the
 * plan's tasks, and the token's scopes are the plan's scopes — nothing the request could widen.
 */
export interface RunStartContext {
  readonly runId: string
  readonly vaultRecordId: string
  readonly now: string
  readonly practice: boolean
  readonly businessId: string
  readonly businessName: string
  readonly appId: string
  readonly appName?: string
  /** The business's system users as listed just now (names for uniqueness, roles for ADMIN). */
  readonly existing: readonly { readonly name: string; readonly role: string }[]
  /** Whether the business holds this asset (from the session's asset list). */
  readonly assetExists: (kind: AssignableKind, id: string) => boolean
}

const invalid = (messageKey: string, params?: Record<string, string>) =>
  err('invalid-input', messageKey, params ? { params } : {})

function planOf(request: RunStartRequest): Result<AccessPlan> {
  if (request.plan.source === 'goal') {
    return ok(
      planFromGoal(request.plan.goalId as GoalId, { pageVocabulary: request.plan.pageVocabulary }),
    )
  }
  return customPlan(request.plan.custom)
}

function checkAssignments(
  request: RunStartRequest,
  plan: AccessPlan,
  context: RunStartContext,
): Result<void> {
  const seen = new Set<string>()
  for (const group of request.assignments) {
    const planned = plan.assets.find((asset) => asset.kind === group.kind)
    if (!planned) return invalid('flowMain.plan.kindNotPlanned', { kind: group.kind })
    // Narrowing is allowed, widening never: every task must be one the plan asks for.
    const extra = group.tasks.find((task) => !planned.tasks.includes(task))
    if (extra !== undefined) {
      return invalid('flowMain.plan.taskNotPlanned', { kind: group.kind, task: extra })
    }
    for (const id of group.assetIds) {
      const key = `${group.kind}:${id}`
      if (seen.has(key)) return invalid('flowMain.plan.assetTwice', { kind: group.kind, id })
      seen.add(key)
      if (!context.assetExists(group.kind, id)) {
        return invalid('flowMain.plan.assetUnknown', { kind: group.kind, id })
      }
    }
  }
  return ok(undefined)
}

const actionTotal = (kind: RunActionKind, request: RunStartRequest): number => {
  if (kind === 'assign') {
    return request.assignments.reduce((sum, group) => sum + group.assetIds.length, 0)
  }
  if (kind === 'verify-assignments') return new Set(request.assignments.map((g) => g.kind)).size
  return 1
}

/** Checks the request and answers the run to journal, every action PLANNED (not started). */
export function runToJournal(
  request: RunStartRequest,
  context: RunStartContext,
): Result<JournalRun> {
  const planned = planOf(request)
  if (!planned.ok) return planned
  const plan = planned.value

  const name = request.name.trim()
  const problem = systemUserNameProblem(
    name,
    context.existing.map((user) => user.name),
  )
  if (problem) {
    return err(problem === 'taken' ? 'conflict' : 'invalid-input', NAME_PROBLEM_KEYS[problem])
  }
  // One admin system user per business (docs/graph-api.md §8.1): say so now rather than after the
  // run is journaled.
  if (request.role === 'ADMIN' && context.existing.some((user) => user.role === 'ADMIN')) {
    return err('quota-reached', 'graph.code.adminSystemUserLimit', {
      hintKey: 'graph.hint.useExistingAdmin',
    })
  }
  const assigned = checkAssignments(request, plan, context)
  if (!assigned.ok) return assigned

  // The role is the admin's explicit choice; the warnings follow it (ADMIN warns,
  // docs/graph-api.md §10.13).
  const warnings =
    request.role === plan.role
      ? plan.warnings
      : planWarnings({ role: request.role, assets: plan.assets, scopes: plan.scopes })

  return ok({
    version: 2,
    runId: context.runId,
    createdAt: context.now,
    updatedAt: context.now,
    practice: context.practice,
    businessId: context.businessId,
    businessName: context.businessName,
    appId: request.appId ?? context.appId,
    ...(request.appId === undefined && context.appName ? { appName: context.appName } : {}),
    name,
    role: request.role,
    goalId: plan.goalId,
    pageVocabulary: plan.pageVocabulary,
    scopes: [...plan.scopes],
    warnings,
    expiry: request.expiry,
    assignments: request.assignments.map((group) => ({
      kind: group.kind,
      tasks: [...group.tasks],
      assetIds: [...group.assetIds],
    })),
    vaultRecordId: context.vaultRecordId,
    status: 'planned',
    actions: RUN_ACTION_KINDS.map((kind) => ({
      kind,
      state: 'planned' as const,
      done: 0,
      total: actionTotal(kind, request),
    })),
    adopted: false,
    differences: [],
    orphans: [],
  })
}
