import type { RunProgress, RunStepKind } from '@shared/ipc/schemas/setup'
import type { Result } from '@shared/result'
import type { AdminSession } from '../admin-session'
import type { Logger } from '../log/logger'
import type { Journal } from './journal'
import type { RunRecord } from './run-record'

/**
 * Where a side effect can be interrupted (REL-03): just before its request leaves (its IN_FLIGHT
 * state is already durable) and just after its answer came back (before the journal knows). The
 * crash-injection test kills the process at each; in the app the hook does nothing.
 */
export type CrashPoint = 'before-request' | 'after-response'
export type CrashHook = (point: CrashPoint, step: RunStepKind) => void

/** What each step of a run works with: the run as journaled, and the means to move it on. */
export interface RunDriver {
  readonly run: RunRecord
  readonly session: AdminSession
  readonly signal: AbortSignal
  readonly log: Logger
  now(): Date
  crash: CrashHook
  /**
   * The id of the system user that THIS call's find-or-create created (its POST answered with the
   * id), else undefined. Deliberately in memory only, never journaled: a resumed run (new call,
   * new driver) or an adopted user never has it, so only a user provably seconds old — no asset,
   * no app yet — lets assign and install skip their reconciling reads. See `isFreshlyCreated`.
   */
  createdSystemUserId: string | undefined
  /** Changes the run and writes it durably before answering (write-ahead, §6.2). */
  update(change: (run: RunRecord) => RunRecord): Result<void>
}

export interface DriverOptions {
  readonly session: AdminSession
  readonly journal: Journal
  readonly signal: AbortSignal
  readonly log: Logger
  readonly now: () => Date
  readonly crash?: CrashHook
  readonly progress?: (progress: RunProgress) => void
}

/** A driver over one run, emitting progress for every step whose state or count moved. */
export function createRunDriver(initial: RunRecord, options: DriverOptions): RunDriver {
  let current = initial
  return {
    get run() {
      return current
    },
    session: options.session,
    signal: options.signal,
    log: options.log,
    now: options.now,
    crash: options.crash ?? (() => undefined),
    createdSystemUserId: undefined,
    update(change) {
      const next = { ...change(current), updatedAt: options.now().toISOString() }
      const saved = options.journal.save(next)
      if (!saved.ok) return saved
      const before = current
      current = next
      for (const step of next.steps) {
        const old = before.steps.find((candidate) => candidate.kind === step.kind)
        if (old && old.state === step.state && old.done === step.done) continue
        options.progress?.({
          runId: next.runId,
          step: step.kind,
          state: step.state,
          done: step.done,
          total: step.total,
        })
      }
      return saved
    },
  }
}

/**
 * True only when this very call created the run's system user AND `step` is still PLANNED: then
 * the user holds no asset and no app, so reading its grants or installed apps first cannot find
 * anything. Any other case — a resumed run, an adopted user, a user re-found after a lost create
 * answer, or a step that is IN_FLIGHT/failed from an earlier attempt — must read first (§6.2
 * step 4: reconcile by reading; never narrow an existing user's tasks).
 */
export function isFreshlyCreated(driver: RunDriver, step: RunStepKind): boolean {
  const id = driver.run.systemUserId
  if (id === undefined || driver.createdSystemUserId !== id || driver.run.adopted) return false
  return driver.run.steps.find((candidate) => candidate.kind === step)?.state === 'planned'
}
