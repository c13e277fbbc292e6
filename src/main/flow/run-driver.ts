import type { RunProgress, RunActionKind } from '@shared/ipc/schemas/flow'
import type { Result } from '@shared/result'
import type { AdminSession } from '../admin-session'
import type { SystemUser } from '../graph/system-users'
import type { Logger } from '../log/logger'
import type { Journal } from './journal'
import type { JournalRun } from './journal-run'

/**
 * Where a side effect can be interrupted (REL-03): just before its request leaves (its IN_FLIGHT
 * state is already durable) and just after its answer came back (before the journal knows). The
 * crash-injection test kills the process at each; in the app the hook does nothing.
 */
export type CrashPoint = 'before-request' | 'after-response'
export type CrashHook = (point: CrashPoint, action: RunActionKind) => void

/** What each action of a run works with: the run as journaled, and the means to move it on. */
export interface RunDriver {
  readonly run: JournalRun
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
  /** Tells main's kept system-user list (known-system-users.ts) what this run did at Meta. */
  readonly knownUsers: {
    /** The run created or adopted this system user. */
    saw(user: SystemUser): void
    /** A create whose outcome is not known. */
    forget(): void
  }
  /**
   * Changes the run and writes it durably before answering (write-ahead,
   * docs/security-requirements.md §6.2). Actions run side by side (assign ∥ install, read-back ∥
   * generate), so writes are serialized here: `update` is synchronous, applies `change` to the
   * latest run (never to a copy an action took before an await) and writes the whole run
   * atomically before it returns. No other action's code runs in between, so each write holds
   * every action's latest state, and each IN_FLIGHT is on disk before its request leaves.
   */
  update(change: (run: JournalRun) => JournalRun): Result<void>
  /**
   * Changes the run now and writes it with the next `update` (every run ends with one: the DONE
   * or the stop). Only for a change whose loss a crash makes harmless — a DONE after the answer
   * (the action stays IN_FLIGHT on disk and the resume reconciles by reading, as after any crash
   * between an answer and its write), a read's result, a count, RUNNING — never an IN_FLIGHT,
   * which must be durable before its request leaves. Saves a fsynced write where no request lies
   * between an action's DONE and the next action's IN_FLIGHT.
   */
  settle(change: (run: JournalRun) => JournalRun): void
}

export interface DriverOptions {
  readonly session: AdminSession
  readonly journal: Journal
  readonly signal: AbortSignal
  readonly log: Logger
  readonly now: () => Date
  readonly crash?: CrashHook
  readonly progress?: (progress: RunProgress) => void
  readonly knownUsers?: RunDriver['knownUsers']
}

/** A driver over one run, emitting progress for every action whose state or count moved. */
export function createRunDriver(initial: JournalRun, options: DriverOptions): RunDriver {
  let current = initial
  let writing = false

  /** Runs `work` (which computes the next run) with re-entry refused. */
  const exclusive = <T>(work: () => T): T => {
    // A change that wrote itself would write a run the outer write then overwrites.
    if (writing) throw new Error('run-driver: a change re-entered update()/settle()')
    writing = true
    try {
      return work()
    } finally {
      writing = false
    }
  }

  const moveTo = (next: JournalRun) => {
    const before = current
    current = next
    for (const action of next.actions) {
      const old = before.actions.find((candidate) => candidate.kind === action.kind)
      if (old && old.state === action.state && old.done === action.done) continue
      options.progress?.({
        runId: next.runId,
        action: action.kind,
        state: action.state,
        done: action.done,
        total: action.total,
      })
    }
  }

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
    knownUsers: options.knownUsers ?? { saw: () => undefined, forget: () => undefined },
    update(change) {
      // The whole run, with every settled change since the last write (see settle).
      const next = exclusive(() => ({ ...change(current), updatedAt: options.now().toISOString() }))
      const saved = exclusive(() => options.journal.save(next))
      if (saved.ok) moveTo(next)
      return saved
    },
    settle(change) {
      moveTo(exclusive(() => ({ ...change(current), updatedAt: options.now().toISOString() })))
    },
  }
}

/**
 * True only when this very call created the run's system user AND `action` is still PLANNED: then
 * the user holds no asset and no app, so reading its grants or installed apps first cannot find
 * anything. Any other case — a resumed run, an adopted user, a user re-found after a lost create
 * answer, or an action that is IN_FLIGHT/failed from an earlier attempt — must read first
 * (docs/security-requirements.md §6.2, item 4: reconcile by reading; never narrow an existing user's
 * tasks).
 */
export function isFreshlyCreated(driver: RunDriver, action: RunActionKind): boolean {
  const id = driver.run.systemUserId
  if (id === undefined || driver.createdSystemUserId !== id || driver.run.adopted) return false
  return driver.run.actions.find((candidate) => candidate.kind === action)?.state === 'planned'
}
