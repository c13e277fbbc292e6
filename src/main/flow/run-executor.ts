import {
  RUN_ACTION_KINDS,
  type RunProgress,
  type RunActionKind,
  type RunSummary,
} from '@shared/ipc/schemas/flow'
import { modeOf } from '@shared/ipc/schemas/mode'
import { err, ok, type AppError, type Result } from '@shared/result'
import type { AdminSession, AdminSessionPort } from '../admin-session'
import type { Logger } from '../log/logger'
import type { SecretStore } from '../secrets/secret-store'
import type { VaultIndex } from '../vault/vault-index'
import type { Journal } from './journal'
import { createRunDriver, type CrashHook, type RunDriver } from './run-driver'
import { errorData, toSummary, withAction, type JournalRun } from './journal-run'
import { assignAssets, verifyAssignments } from './actions/assign'
import { findOrCreate } from './actions/find-or-create'
import { ensureAppInstalled } from './actions/install-app'
import { recordToken, refreshRecordAssets, type SecuredToken } from './actions/record-token'
import { secureToken } from './actions/token'
import type { KnownSystemUsers } from './known-system-users'

/**
 * Runs (and resumes) the journaled actions, independent ones side by side. Every action reconciles
 * by reading before it writes, so continuing a run after a crash, a cancel or an error is always the
 * same call. One run works at a time per run id; cancelling aborts the requests in flight
 * (REL-06), which leaves their actions IN_FLIGHT for the next attempt to reconcile.
 */
export interface RunExecutorDeps {
  readonly journal: Journal
  readonly session: AdminSessionPort
  readonly secrets: SecretStore
  readonly vault: VaultIndex
  readonly log: Logger
  readonly now: () => Date
  readonly progress?: (progress: RunProgress) => void
  readonly crash?: CrashHook
  /** main's kept list of system users, told what a run created (known-system-users.ts). */
  readonly knownUsers?: KnownSystemUsers
}

export interface RunExecutor {
  continueRun(runId: string): Promise<Result<RunSummary>>
  /** True when a working run was told to stop. */
  cancel(runId: string): boolean
  isRunning(runId: string): boolean
}

type ActionWork = (driver: RunDriver) => Promise<Result<void>>

/**
 * A unit of the run that goes side by side with others of its phase: the actions it moves,
 * in order (the first one not DONE is the one a failure is journaled on), and the work.
 */
interface Branch {
  readonly kinds: readonly RunActionKind[]
  readonly work: ActionWork
}

/**
 * Branches side by side, then `finish`, which runs once every branch has settled, failed or not,
 * and answers its own failure (with the actions to journal it on) if it has one.
 */
interface Phase {
  readonly branches: readonly Branch[]
  readonly finish?: (driver: RunDriver) => Promise<Failure | undefined>
}

interface Failure {
  readonly kinds: readonly RunActionKind[]
  readonly error: AppError
  /** The branch threw: whether its request left is unknown, so an IN_FLIGHT action stays so. */
  readonly threw?: boolean
}

/** Outcomes where a request may have reached Meta: the action stays IN_FLIGHT, to be read first. */
const OUTCOME_UNKNOWN: ReadonlySet<AppError['code']> = new Set([
  'unknown-outcome',
  'cancelled',
  'timeout',
  'network',
])

/** Failures a retry may clear by itself: the least telling for the admin when another one stops. */
const TRANSIENT: ReadonlySet<AppError['code']> = new Set([
  ...OUTCOME_UNKNOWN,
  'rate-limited',
  'graph-unavailable',
])

const bindKnown = (known: KnownSystemUsers, session: AdminSession): RunDriver['knownUsers'] => ({
  saw: (user) => known.saw(session, user),
  forget: () => known.forget(session),
})

const CANCELLED = { code: 'cancelled', messageKey: 'flowMain.run.cancelled' } as const
const INTERNAL = { code: 'internal', messageKey: 'errors.internal' } as const

export function createRunExecutor(deps: RunExecutorDeps): RunExecutor {
  const running = new Map<string, AbortController>()

  /**
   * The run as phases, each waiting for the one before: find-or-create → assign ∥ install →
   * read-back ∥ generate (+ keychain + check), then the vault record. That is the flow's floor of
   * round trips (bench/scenarios/flow-calls.ts): install needs only the system user, generate only
   * the install, the read-back only the assignments. generate-token and save-token are one unit:
   * the token lives only between the two, in this closure until it is recorded.
   */
  const phasesOf = (): readonly Phase[] => {
    let secured: SecuredToken | undefined
    let verified = false
    const token: readonly RunActionKind[] = ['generate-token', 'save-token']
    return [
      { branches: [{ kinds: ['find-or-create'], work: findOrCreate }] },
      {
        branches: [
          { kinds: ['assign'], work: assignAssets },
          { kinds: ['install-app'], work: ensureAppInstalled },
        ],
      },
      {
        branches: [
          {
            kinds: ['verify-assignments'],
            work: async (driver) => {
              const answer = await verifyAssignments(driver)
              verified = answer.ok
              return answer
            },
          },
          {
            kinds: token,
            work: async (driver) => {
              const answer = await secureToken(driver, deps)
              if (!answer.ok) return answer
              // Undefined: an earlier attempt recorded it (save-token DONE).
              secured = answer.value
              return ok(undefined)
            },
          },
        ],
        // A token in the keychain is recorded whatever became of the read-back beside it (failed,
        // cancelled, threw): a stop before the record would leave a live token the vault does not
        // list. The record's grants are detail: a later read-back fills them in, on the same record.
        finish: async (driver) => {
          if (secured) {
            const recorded = await recordToken(driver, deps, secured)
            return recorded.ok ? undefined : { kinds: token, error: recorded.error }
          }
          if (!verified) return undefined
          const refreshed = refreshRecordAssets(driver, deps)
          return refreshed.ok
            ? undefined
            : { kinds: ['verify-assignments'], error: refreshed.error }
        },
      },
    ]
  }

  /** A branch's outcome as its failure; a throw (a bug, a re-entered update, a crash hook) too. */
  const failureOf = (
    driver: RunDriver,
    kinds: readonly RunActionKind[],
    outcome: PromiseSettledResult<Result<void> | Failure | undefined>,
  ): Failure | undefined => {
    if (outcome.status === 'rejected') {
      deps.log.error('flowHome.action-threw', {
        runId: driver.run.runId,
        actions: kinds,
        error: outcome.reason,
      })
      return { kinds, error: INTERNAL, threw: true }
    }
    const value = outcome.value
    if (!value) return undefined
    if ('kinds' in value) return value
    return value.ok ? undefined : { kinds, error: value.error }
  }

  /**
   * Journals the stop in one write: on each failed branch's current action its error (IN_FLIGHT
   * kept when the request may have reached Meta), the run paused (or needing attention) with the
   * most telling failure as its error. Every branch of the phase has settled by now: their states
   * are already in the run.
   */
  const stop = (driver: RunDriver, failures: readonly Failure[]): Result<RunSummary> => {
    let main = failures[0]!
    let mainRank = Number.POSITIVE_INFINITY
    const paused = driver.update((run) => {
      let next: JournalRun = {
        ...run,
        status: run.status === 'needs-attention' ? 'needs-attention' : 'paused',
      }
      for (const failure of failures) {
        const { kinds, error } = failure
        const current = next.actions.find(
          (action) => kinds.includes(action.kind) && action.state !== 'done',
        )
        // The one that set needs-attention first (the keychain's guidance, REL-05), then a
        // definite failure, then a transient one; phase order among equals.
        const rank =
          run.status === 'needs-attention' && current?.state === 'failed'
            ? 0
            : TRANSIENT.has(error.code)
              ? 2
              : 1
        if (rank < mainRank) [main, mainRank] = [failure, rank]
        if (!current || current.state === 'failed') continue
        const keep =
          current.state === 'in-flight' &&
          (failure.threw === true || OUTCOME_UNKNOWN.has(error.code))
        next = withAction(
          next,
          current.kind,
          keep ? { error: errorData(error) } : { state: 'failed', error: errorData(error) },
        )
      }
      return { ...next, lastError: errorData(main.error) }
    })
    if (!paused.ok) deps.log.error('flowHome.pause-not-saved', { runId: driver.run.runId })
    return { ok: false, error: main.error }
  }

  const isDone = (driver: RunDriver, kinds: readonly RunActionKind[]) =>
    kinds.every(
      (kind) => driver.run.actions.find((action) => action.kind === kind)?.state === 'done',
    )

  const execute = async (
    run: JournalRun,
    controller: AbortController,
  ): Promise<Result<RunSummary>> => {
    const session = await deps.session.current()
    if (!session.ok) return session
    if (
      session.value.businessId !== run.businessId ||
      session.value.mode !== modeOf(run.practice)
    ) {
      return err('conflict', 'flowMain.run.otherBusiness', {
        params: { business: run.businessName },
      })
    }
    const driver = createRunDriver(run, {
      session: session.value,
      journal: deps.journal,
      signal: controller.signal,
      log: deps.log,
      now: deps.now,
      ...(deps.crash ? { crash: deps.crash } : {}),
      ...(deps.progress ? { progress: deps.progress } : {}),
      ...(deps.knownUsers ? { knownUsers: bindKnown(deps.knownUsers, session.value) } : {}),
    })
    // Written with the first write of the run (an IN_FLIGHT, a stop or the DONE).
    driver.settle((current) => {
      const next: JournalRun = { ...current, status: 'running' }
      delete next.lastError
      return next
    })
    for (const phase of phasesOf()) {
      const todo = phase.branches.filter((branch) => !isDone(driver, branch.kinds))
      if (todo.length === 0) continue
      if (controller.signal.aborted)
        return stop(driver, [{ kinds: RUN_ACTION_KINDS, error: CANCELLED }])
      // Side by side; each branch journals its own IN_FLIGHT before its request leaves, and every
      // branch is waited for, even past another's throw, so the stop below is the run's one last
      // write and no action's outcome goes unrecorded.
      const settled = await Promise.allSettled(todo.map(async (branch) => branch.work(driver)))
      const failed = settled.map((outcome, index) => failureOf(driver, todo[index]!.kinds, outcome))
      const [closing] = await Promise.allSettled([phase.finish?.(driver)])
      const all = todo.flatMap((branch) => branch.kinds)
      failed.push(failureOf(driver, all, closing))
      const failures = failed.flatMap((failure) => {
        if (!failure) return []
        // An abort shows as the request's own failure; the admin asked for the stop.
        const cancelled = controller.signal.aborted && OUTCOME_UNKNOWN.has(failure.error.code)
        return [cancelled ? { ...failure, error: { ...failure.error, ...CANCELLED } } : failure]
      })
      if (failures.length > 0) return stop(driver, failures)
    }
    const finished = driver.update((current) => ({ ...current, status: 'done' }))
    if (!finished.ok) return finished
    deps.log.info('flowHome.run-done', { runId: run.runId, adopted: driver.run.adopted })
    return ok(toSummary(driver.run))
  }

  return {
    async continueRun(runId) {
      if (running.has(runId)) return err('conflict', 'flowMain.run.busy')
      const loaded = deps.journal.load(runId)
      if (!loaded.ok) return loaded
      if (loaded.value.status === 'done') return ok(toSummary(loaded.value))
      const controller = new AbortController()
      running.set(runId, controller)
      try {
        return await execute(loaded.value, controller)
      } finally {
        running.delete(runId)
      }
    },
    cancel(runId) {
      const controller = running.get(runId)
      if (!controller) return false
      controller.abort()
      return true
    },
    isRunning: (runId) => running.has(runId),
  }
}
