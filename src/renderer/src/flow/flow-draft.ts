import {
  customPlan,
  GOALS,
  planFromGoal,
  type AccessPlan,
  type AssignableKind,
  type GoalId,
  type PageVocabulary,
  type Role,
  type Scope,
} from '@shared/catalog'
import {
  systemUserNameProblem,
  type AssignmentGroup,
  type RunStartRequest,
  type TokenExpiry,
} from '@shared/ipc/schemas/flow'
import type { MessageKey } from '../i18n/message-key'

/** One asset the admin picked, with the tasks it will get (the plan's, or fewer). */
export interface ChosenAsset {
  readonly id: string
  readonly name: string
  readonly tasks: readonly string[]
}

/** Chosen assets by kind, then by id. */
export type ChosenAssets = Readonly<
  Partial<Record<AssignableKind, Readonly<Record<string, ChosenAsset>>>>
>

/**
 * What the admin has filled in so far. Never a secret: names, ids, tasks and scopes only
 * (docs/architecture.md › Secrets — the renderer holds no token at rest).
 */
export interface FlowDraft {
  readonly goalId: GoalId | null
  /** Page task vocabulary (catalog asset-kinds.ts): 'sdk' unless the admin switches in Custom. */
  readonly pageVocabulary: PageVocabulary
  /** Custom only: the tasks chosen per kind on the goal screen. */
  readonly customTasks: Readonly<Partial<Record<AssignableKind, readonly string[]>>>
  readonly name: string
  readonly role: Role
  /**
   * Admin must be confirmed after its warning (one per business, reaches everything,
   * docs/user-research.md §1.2).
   */
  readonly adminConfirmed: boolean
  readonly assets: ChosenAssets
  /** The token's permissions, pre-filled from the plan; null until the plan is known. */
  readonly scopes: readonly Scope[] | null
  readonly expiry: TokenExpiry
}

export const INITIAL_DRAFT: FlowDraft = {
  goalId: null,
  pageVocabulary: 'sdk',
  customTasks: {},
  name: '',
  role: 'EMPLOYEE',
  adminConfirmed: false,
  assets: {},
  scopes: null,
  // Meta recommends expiring tokens to limit the harm of a leak (docs/user-research.md §1.5).
  expiry: '60-days',
}

/**
 * The access plan the draft describes, or null when a Custom choice is not valid yet. Goals use
 * the catalog's least-privilege plan; the admin's edits (role, scopes) are applied on top so the
 * warnings always match what will really be asked for.
 */
export function draftPlan(draft: FlowDraft): AccessPlan | null {
  if (!draft.goalId) return null
  const base =
    draft.goalId === 'custom'
      ? customPlan({
          role: draft.role,
          pageVocabulary: draft.pageVocabulary,
          assets: Object.entries(draft.customTasks)
            .filter(([, tasks]) => tasks && tasks.length > 0)
            .map(([kind, tasks]) => ({ kind, tasks: [...(tasks ?? [])] })),
        })
      : {
          ok: true as const,
          value: planFromGoal(draft.goalId, { pageVocabulary: draft.pageVocabulary }),
        }
  if (!base.ok) return null
  const plan = base.value
  if (draft.role === plan.role && draft.scopes === null) return plan
  // Re-check with the admin's role and scopes through customPlan, which recomputes the warnings.
  const edited = customPlan({
    role: draft.role,
    pageVocabulary: plan.pageVocabulary,
    assets: plan.assets.map((asset) => ({ kind: asset.kind, tasks: [...asset.tasks] })),
    scopes: [...(draft.scopes ?? plan.scopes)],
  })
  return edited.ok ? { ...edited.value, goalId: plan.goalId } : null
}

/** The goal's suggested name ("Ad reports"), to pre-fill step 4. */
export const suggestedNameKey = (goalId: GoalId): MessageKey =>
  GOALS[goalId].suggestedNameKey as MessageKey

/** Problems that stop the admin from leaving a screen, as i18n keys by field. */
export type ScreenProblems = Readonly<Record<string, MessageKey>>

const NAME_PROBLEM_MESSAGES = {
  empty: 'flow.name.problem.empty',
  'too-long': 'flow.name.problem.tooLong',
  characters: 'flow.name.problem.characters',
  taken: 'flow.name.problem.taken',
} as const satisfies Record<string, MessageKey>

/** Checks step 4: a usable, unique name; Admin only once confirmed and while the slot is free. */
export function nameRoleProblems(
  draft: FlowDraft,
  existingNames: readonly string[],
  adminSlotLeft: boolean,
): ScreenProblems {
  const problems: Record<string, MessageKey> = {}
  const nameProblem = systemUserNameProblem(draft.name, existingNames)
  if (nameProblem) problems.name = NAME_PROBLEM_MESSAGES[nameProblem]
  if (draft.role === 'ADMIN') {
    if (!adminSlotLeft) problems.role = 'flow.role.problem.adminTaken'
    else if (!draft.adminConfirmed) problems.role = 'flow.role.problem.confirmAdmin'
  }
  return problems
}

/** Checks the Custom choice of step 3: at least one task, or there is nothing to give. */
export function goalProblems(draft: FlowDraft): ScreenProblems {
  if (!draft.goalId) return { goal: 'flow.goal.problem.choose' }
  if (draft.goalId !== 'custom') return {}
  const any = Object.values(draft.customTasks).some((tasks) => tasks && tasks.length > 0)
  return any ? {} : { goal: 'flow.goal.problem.customEmpty' }
}

/** Checks step 5: something chosen, and every chosen asset keeps at least one task. */
export function assetProblems(draft: FlowDraft): ScreenProblems {
  const chosen = Object.values(draft.assets).flatMap((byId) => Object.values(byId ?? {}))
  if (chosen.length === 0) return { assets: 'flow.assets.problem.none' }
  if (chosen.some((asset) => asset.tasks.length === 0)) {
    return { assets: 'flow.assets.problem.noTasks' }
  }
  return {}
}

/** Checks steps 6–7: at least one permission (a token with none can do nothing). */
export function tokenProblems(draft: FlowDraft, plan: AccessPlan | null): ScreenProblems {
  const scopes = draft.scopes ?? plan?.scopes ?? []
  return scopes.length === 0 ? { scopes: 'flow.token.problem.noScopes' } : {}
}

/** Groups the chosen assets by kind and identical task list, as `flow:run-start` takes them. */
export function assignmentGroups(assets: ChosenAssets): AssignmentGroup[] {
  const groups = new Map<string, AssignmentGroup>()
  for (const [kind, byId] of Object.entries(assets) as [
    AssignableKind,
    Record<string, ChosenAsset>,
  ][]) {
    for (const asset of Object.values(byId)) {
      const key = `${kind}|${asset.tasks.join(',')}`
      const group = groups.get(key)
      if (group) groups.set(key, { ...group, assetIds: [...group.assetIds, asset.id] })
      else groups.set(key, { kind, tasks: [...asset.tasks], assetIds: [asset.id] })
    }
  }
  return [...groups.values()]
}

/**
 * The `flow:run-start` request. A goal whose role and scopes were left as proposed goes as the
 * goal (main re-derives the plan from the catalog); anything the admin changed goes as a Custom
 * plan, which main checks with the same catalog rules.
 */
export function runStartRequest(draft: FlowDraft, plan: AccessPlan): RunStartRequest {
  const untouched =
    draft.goalId !== null &&
    draft.goalId !== 'custom' &&
    draft.role === GOALS[draft.goalId].role &&
    (draft.scopes === null || sameSet(draft.scopes, GOALS[draft.goalId].scopes))
  return {
    plan: untouched
      ? { source: 'goal', goalId: draft.goalId, pageVocabulary: draft.pageVocabulary }
      : {
          source: 'custom',
          custom: {
            role: draft.role,
            pageVocabulary: plan.pageVocabulary,
            assets: plan.assets.map((asset) => ({ kind: asset.kind, tasks: [...asset.tasks] })),
            scopes: [...plan.scopes],
          },
        },
    name: draft.name.trim(),
    role: draft.role,
    assignments: assignmentGroups(draft.assets),
    expiry: draft.expiry,
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value) => b.includes(value))

/** How many assets of each kind are chosen. */
export function chosenCounts(assets: ChosenAssets): { kind: AssignableKind; count: number }[] {
  return (Object.entries(assets) as [AssignableKind, Record<string, ChosenAsset>][])
    .map(([kind, byId]) => ({ kind, count: Object.keys(byId).length }))
    .filter((entry) => entry.count > 0)
}
