import { diffGranted, type AssignableKind } from '@shared/catalog'
import type { GrantDifference } from '@shared/ipc/schemas/flow'
import { ok, type Result } from '@shared/result'
import { assignMany, listAssignedAssets, type Assignment } from '../../graph/assignments'
import { isFreshlyCreated, type RunDriver } from '../run-driver'
import { withAction } from '../journal-run'
import { systemUserOf } from './find-or-create'

/**
 * Step 5: give the system user its assets, then read back what Meta granted.
 * Assigning starts by reading (docs/security-requirements.md §6.2, item 4), so a resumed run sends
 * only what is still missing, and each batch's progress is journaled. A repeat POST may *set* the
 * task list rather than add to it (docs/graph-api.md §2.5, UNCONFIRMED), so an asset the system
 * user already holds gets the union of its current and planned tasks: the flow never silently takes
 * access away from an adopted system user.
 */
export const ASSIGN_BATCH = 50 // the Batch API's maximum per request (docs/graph-api.md §8.4)

type Granted = Map<AssignableKind, Map<string, readonly string[]>>

interface Planned {
  readonly kind: AssignableKind
  readonly assetId: string
  readonly tasks: readonly string[]
}

const plannedOf = (driver: RunDriver): Planned[] =>
  driver.run.assignments.flatMap((group) =>
    group.assetIds.map((assetId) => ({ kind: group.kind, assetId, tasks: group.tasks })),
  )

/**
 * Reads every planned kind's `/{su}/assigned_*` side by side: the reads are independent, so one
 * round trip instead of one per kind. The first failure (in plan order) is the answer.
 */
async function readGranted(driver: RunDriver, systemUserId: string): Promise<Result<Granted>> {
  const kinds = [...new Set(driver.run.assignments.map((group) => group.kind))]
  const listed = await Promise.all(
    kinds.map(async (kind) => ({
      kind,
      answer: await listAssignedAssets(
        driver.session.client,
        driver.session.credentials,
        { systemUserId, kind, businessId: driver.run.businessId },
        { signal: driver.signal },
      ),
    })),
  )
  const granted: Granted = new Map()
  for (const { kind, answer } of listed) {
    if (!answer.ok) return answer
    granted.set(kind, new Map(answer.value.map((asset) => [asset.id, asset.tasks])))
  }
  return ok(granted)
}

const holds = (granted: Granted, item: Planned): readonly string[] =>
  granted.get(item.kind)?.get(item.assetId) ?? []

/** Assigns what the read-back does not show yet, in batches of 50, journaling each batch. */
export async function assignAssets(driver: RunDriver): Promise<Result<void>> {
  const su = systemUserOf(driver)
  if (!su.ok) return su
  // A system user this very call created (and whose assign action is still PLANNED) provably holds
  // nothing yet, so there is nothing to read; a resumed or adopted one is always read first.
  const granted: Result<Granted> = isFreshlyCreated(driver, 'assign')
    ? ok(new Map())
    : await readGranted(driver, su.value)
  if (!granted.ok) return granted
  const planned = plannedOf(driver)
  const todo = planned.filter(
    (item) =>
      !diffGranted({ kind: item.kind, tasks: item.tasks }, holds(granted.value, item)).granted,
  )
  let done = planned.length - todo.length
  const started = driver.update((run) => withAction(run, 'assign', { state: 'in-flight', done }))
  if (!started.ok) return started

  for (let start = 0; start < todo.length; start += ASSIGN_BATCH) {
    const batch: Assignment[] = todo.slice(start, start + ASSIGN_BATCH).map((item) => ({
      assetId: item.assetId,
      userId: su.value,
      businessId: driver.run.businessId,
      tasks: [...new Set([...holds(granted.value, item), ...item.tasks])],
    }))
    driver.crash('before-request', 'assign')
    const results = await assignMany(driver.session.client, driver.session.credentials, batch, {
      signal: driver.signal,
    })
    driver.crash('after-response', 'assign')
    done += results.filter((result) => result.ok).length
    // Counts only: the action is IN_FLIGHT on disk, and a resume reads what is granted.
    driver.settle((run) => withAction(run, 'assign', { done }))
    const failed = results.find((result) => !result.ok)
    if (failed && !failed.ok) return failed
  }
  // Written with the next action's IN_FLIGHT: lost in a crash, the resume reads and finds it done.
  driver.settle((run) => withAction(run, 'assign', { state: 'done', done }))
  return ok(undefined)
}

/**
 * Reads back `/{su}/assigned_*` and compares with the plan (superset check: Meta may grant more,
 * docs/graph-api.md §2.5). Differences are reported in the summary, not treated as failures: Meta's
 * read-back of some kinds is UNCONFIRMED for system users (docs/graph-api.md §2.6), and the admin
 * decides what to do.
 */
export async function verifyAssignments(driver: RunDriver): Promise<Result<void>> {
  const su = systemUserOf(driver)
  if (!su.ok) return su
  const granted = await readGranted(driver, su.value)
  if (!granted.ok) return granted
  const differences: GrantDifference[] = []
  for (const item of plannedOf(driver)) {
    const diff = diffGranted({ kind: item.kind, tasks: item.tasks }, holds(granted.value, item))
    if (diff.granted && diff.extra.length === 0) continue
    differences.push({
      kind: item.kind,
      assetId: item.assetId,
      granted: diff.granted,
      missing: [...diff.missing],
      extra: [...diff.extra],
      extraBroad: [...diff.extraBroad],
    })
  }
  const kinds = new Set(driver.run.assignments.map((group) => group.kind)).size
  // A read's result: lost in a crash, the resume reads again. The vault record's write takes it.
  driver.settle((run) =>
    withAction({ ...run, differences }, 'verify-assignments', { state: 'done', done: kinds }),
  )
  return ok(undefined)
}
