/**
 * Compares the tasks the app asked Meta for with what Meta reports back on `/{su}/assigned_*`.
 * Meta may grant MORE than requested (it unpacks and expands tasks; one third party saw one
 * requested Instagram task read back as five), so the check is "every requested task is there"
 * — a superset passes — while the extras are still shown (docs/graph-api.md §2.5 note, §2.6, §3).
 */
import { pageTaskIn, type AssignableKind } from './asset-kinds'
import { taskInfo } from './tasks'

/** The outcome of a read-back comparison for one asset. */
export interface GrantDiff {
  /** True when every requested task was granted (extras allowed). */
  readonly granted: boolean
  /** Requested tasks Meta did not report, in the requested naming. */
  readonly missing: readonly string[]
  /** Tasks Meta reported beyond the request, in Meta's naming. */
  readonly extra: readonly string[]
  /** The extras that are broad (full control and the like): worth pointing out to the admin. */
  readonly extraBroad: readonly string[]
}

/**
 * Page tasks may come back in the other vocabulary than the one requested (docs/graph-api.md §3),
 * so both sides are compared by their 'sdk' name where Meta has a counterpart.
 */
const canonical = (kind: AssignableKind, task: string): string =>
  kind === 'page' ? (pageTaskIn(task, 'sdk') ?? task) : task

/** Compares requested with granted tasks for one asset of the given kind. */
export function diffGranted(
  requested: { readonly kind: AssignableKind; readonly tasks: readonly string[] },
  granted: readonly string[],
): GrantDiff {
  const { kind } = requested
  const grantedSet = new Set(granted.map((task) => canonical(kind, task)))
  const requestedSet = new Set(requested.tasks.map((task) => canonical(kind, task)))
  const missing = [...new Set(requested.tasks)].filter(
    (task) => !grantedSet.has(canonical(kind, task)),
  )
  const extra = [...new Set(granted)].filter((task) => !requestedSet.has(canonical(kind, task)))
  const extraBroad = extra.filter((task) => taskInfo(kind, task)?.breadth === 'broad')
  return { granted: missing.length === 0, missing, extra, extraBroad }
}
