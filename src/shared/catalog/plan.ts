/**
 * Turns a goal, or the admin's Custom choice, into a checked AccessPlan with warnings, and derives
 * the scopes that chosen tasks need. Pure: no I/O, so main, the renderer and tests share it.
 */
import { err, ok, type Result } from '../result'
import {
  ASSIGNABLE_KINDS,
  isAssignableKind,
  pageTaskIn,
  tasksOfKind,
  type AssignableKind,
  type PageVocabulary,
} from './asset-kinds'
import { GOALS, ROLES, type GoalId, type Role } from './goals'
import { roleKeys } from './keys'
import { AccessPlan, CustomPlanInput, type PlanAsset, type PlanWarning } from './plan-schema'
import { SCOPE_INFO, SYSTEM_USER_SCOPES, closeScopes, isScope, type Scope } from './scopes'
import { taskInfo } from './tasks'

export { diffGranted, type GrantDiff } from './grant-diff'

/** Anything with a kind and tasks: a plan asset, a goal asset, a read-back. */
export interface KindTasks {
  readonly kind: AssignableKind
  readonly tasks: readonly string[]
}

/**
 * The least scopes the given tasks need: each task's needs, plus documented dependencies, minus
 * scopes another one covers (scopes.ts `closeScopes`). Tasks unknown to the catalog add nothing;
 * `customPlan` rejects them before this is reached.
 */
export function scopesForAssignment(assets: readonly KindTasks[]): Scope[] {
  const needed: Scope[] = []
  for (const asset of assets) {
    for (const task of asset.tasks) needed.push(...(taskInfo(asset.kind, task)?.needs ?? []))
  }
  return closeScopes(needed)
}

/**
 * Scopes the chosen tasks pair with (docs/graph-api.md §9) without needing them: offered, never
 * warned about.
 */
function pairedScopes(assets: readonly KindTasks[]): Set<Scope> {
  const paired = new Set<Scope>()
  for (const asset of assets) {
    for (const task of asset.tasks) {
      for (const scope of taskInfo(asset.kind, task)?.alsoPairs ?? []) paired.add(scope)
    }
  }
  return new Set(closeScopes(paired))
}

/**
 * Every warning a plan deserves, from its content alone, so a goal's plan and the same choice
 * made through Custom read the same. Order: role, assets, tasks, scopes.
 */
export function planWarnings(plan: {
  readonly role: Role
  readonly assets: readonly KindTasks[]
  readonly scopes: readonly Scope[]
}): PlanWarning[] {
  const warnings: PlanWarning[] = []
  if (plan.role === 'ADMIN') {
    warnings.push({ code: 'admin-role', messageKey: roleKeys('ADMIN').warningKey })
  }
  if (plan.assets.length === 0) {
    warnings.push({ code: 'no-assets', messageKey: 'catalog.warning.noAssets' })
  }
  for (const asset of plan.assets) {
    for (const task of asset.tasks) {
      const info = taskInfo(asset.kind, task)
      if (info?.warningKey) {
        warnings.push({
          code: 'broad-task',
          messageKey: info.warningKey,
          params: { kind: asset.kind, task },
        })
      }
    }
  }
  const chosen = new Set(plan.scopes)
  const covered = new Set(plan.scopes.flatMap((scope) => SCOPE_INFO[scope].covers))
  const needed = scopesForAssignment(plan.assets)
  for (const scope of needed) {
    if (!chosen.has(scope) && !covered.has(scope)) {
      warnings.push({
        code: 'missing-scope',
        messageKey: 'catalog.warning.missingScope',
        params: { scope },
      })
    }
  }
  const wanted = new Set([...needed, ...pairedScopes(plan.assets)])
  for (const scope of plan.scopes) {
    const warningKey = SCOPE_INFO[scope].warningKey
    if (warningKey)
      warnings.push({ code: 'broad-scope', messageKey: warningKey, params: { scope } })
    if (!wanted.has(scope)) {
      warnings.push({
        code: 'unneeded-scope',
        messageKey: 'catalog.warning.unneededScope',
        params: { scope },
      })
    }
  }
  return warnings
}

/** Options of `planFromGoal`. */
export interface PlanOptions {
  /** Which Page task names Meta expects from this business (docs/graph-api.md §3). */
  readonly pageVocabulary: PageVocabulary
}

/**
 * The least-privilege plan of a goal. Page tasks are given in the requested vocabulary; a goal
 * only uses Page tasks that exist in both (a test checks this), so the mapping never fails.
 * 'custom' yields an empty plan for the admin to fill in through `customPlan`.
 */
export function planFromGoal(goalId: GoalId, options: PlanOptions): AccessPlan {
  const goal = GOALS[goalId]
  const assets: PlanAsset[] = goal.assets.map((asset) => ({
    kind: asset.kind,
    tasks: asset.tasks.map((task) => {
      if (asset.kind !== 'page') return task
      const mapped = pageTaskIn(task, options.pageVocabulary)
      if (!mapped) throw new Error(`goal ${goalId}: Page task ${task} has no counterpart`)
      return mapped
    }),
  }))
  const scopes = [...goal.scopes]
  return AccessPlan.parse({
    goalId,
    role: goal.role,
    pageVocabulary: options.pageVocabulary,
    assets,
    scopes,
    warnings: planWarnings({ role: goal.role, assets, scopes }),
  })
}

const invalid = (messageKey: string, params?: Record<string, string>) =>
  err('invalid-input', messageKey, params ? { params } : {})

/**
 * Checks a Custom choice against the catalog and returns its plan with warnings.
 * Unknown roles, kinds, tasks (for the chosen Page vocabulary) and scopes are rejected with a
 * plain-language message; apps are rejected because they are installed, not assigned
 * (docs/graph-api.md §2.3). A kind given twice is merged; duplicates are dropped; tasks and scopes
 * come back in catalog order. When `scopes` is left out, the least scopes the tasks need are used.
 */
export function customPlan(input: CustomPlanInput): Result<AccessPlan> {
  const parsed = CustomPlanInput.safeParse(input)
  if (!parsed.success) return invalid('errors.invalidInput')
  const { role, pageVocabulary, assets: chosenAssets, scopes: chosenScopes } = parsed.data

  if (!(ROLES as readonly string[]).includes(role)) return invalid('catalog.error.unknownRole')

  const tasksByKind = new Map<AssignableKind, Set<string>>()
  for (const asset of chosenAssets) {
    if (asset.kind === 'app') return invalid('catalog.error.appNotAssignable')
    if (!isAssignableKind(asset.kind)) return invalid('catalog.error.unknownKind')
    if (asset.tasks.length === 0) return invalid('catalog.error.noTasks', { kind: asset.kind })
    const allowed = tasksOfKind(asset.kind, pageVocabulary)
    for (const task of asset.tasks) {
      if (!allowed.includes(task)) {
        return invalid('catalog.error.unknownTask', { kind: asset.kind, task })
      }
    }
    const tasks = tasksByKind.get(asset.kind) ?? new Set<string>()
    for (const task of asset.tasks) tasks.add(task)
    tasksByKind.set(asset.kind, tasks)
  }
  const assets: PlanAsset[] = ASSIGNABLE_KINDS.filter((kind) => tasksByKind.has(kind)).map(
    (kind) => ({
      kind,
      tasks: tasksOfKind(kind, pageVocabulary).filter((task) => tasksByKind.get(kind)!.has(task)),
    }),
  )

  let scopes: Scope[]
  if (chosenScopes === undefined) {
    scopes = scopesForAssignment(assets)
  } else {
    const unknown = chosenScopes.find((scope) => !isScope(scope))
    if (unknown !== undefined) return invalid('catalog.error.unknownScope', { scope: unknown })
    scopes = SYSTEM_USER_SCOPES.filter((scope) => chosenScopes.includes(scope))
  }

  const checkedRole = role as Role
  return ok(
    AccessPlan.parse({
      goalId: 'custom',
      role: checkedRole,
      pageVocabulary,
      assets,
      scopes,
      warnings: planWarnings({ role: checkedRole, assets, scopes }),
    }),
  )
}
