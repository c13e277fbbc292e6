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
