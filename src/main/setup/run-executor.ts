import {
  RUN_STEP_KINDS,
  type RunProgress,
  type RunStepKind,
  type RunSummary,
} from '@shared/ipc/schemas/setup'
import { err, ok, type AppError, type Result } from '@shared/result'
import type { AdminSession, AdminSessionPort } from '../admin-session'
import type { Logger } from '../log/logger'
import type { SecretStore } from '../secrets/secret-store'
import type { VaultIndex } from '../vault/vault-index'
import type { Journal } from './journal'
import { createRunDriver, type CrashHook, type RunDriver } from './run-driver'
import { errorData, toSummary, withStep, type RunRecord } from './run-record'
import { assignAssets, verifyAssignments } from './steps/assign'
import { findOrCreate } from './steps/find-or-create'
import { ensureAppInstalled } from './steps/install-app'
import { recordToken, type SecuredToken } from './steps/record-token'
import { secureToken } from './steps/token'
import type { KnownSystemUsers } from './known-system-users'

/**
 * Runs (and resumes) the journaled steps, independent ones side by side. Every step reconciles by
 * reading before it writes, so continuing a run after a crash, a cancel or an error is always the
 * same call. One run works at a time per run id; cancelling aborts the requests in flight
 * (REL-06), which leaves their steps IN_FLIGHT for the next attempt to reconcile.
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

type Step = (driver: RunDriver) => Promise<Result<void>>

/**
 * A unit of the run that goes side by side with others of its phase: the steps it moves, in
 * order (the first one not DONE is the one a failure is journaled on), and the work.
 */
interface Branch {
  readonly kinds: readonly RunStepKind[]
  readonly work: Step
}

interface Failure {
  readonly kinds: readonly RunStepKind[]
  readonly error: AppError
}

/** Outcomes where a request may have reached Meta: the step stays IN_FLIGHT, to be read first. */
const OUTCOME_UNKNOWN: ReadonlySet<AppError['code']> = new Set([
  'unknown-outcome',
  'cancelled',
  'timeout',
  'network',
])

const bindKnown = (known: KnownSystemUsers, session: AdminSession): RunDriver['knownUsers'] => ({
  saw: (user) => known.saw(session, user),
  forget: () => known.forget(session),
})

const CANCELLED = { code: 'cancelled', messageKey: 'setupMain.run.cancelled' } as const

export function createRunExecutor(deps: RunExecutorDeps): RunExecutor {
  const running = new Map<string, AbortController>()

  /**
   * The run as phases of branches that go side by side, each phase waiting for the one before:
   * find-or-create → assign ∥ install → read-back ∥ generate (+ keychain + check) → vault record.
   * That is the flow's floor of round trips (bench/scenarios/flow-calls.ts): install needs only
   * the system user, generate only the install, the read-back only the assignments, and the
   * vault record (which lists the grants read back) both. generate-token and save-token are one
   * unit: the token lives only between the two, in this closure until it is recorded.
   */
  const phasesOf = (): readonly (readonly Branch[])[] => {
    let secured: SecuredToken | undefined
    const token: readonly RunStepKind[] = ['generate-token', 'save-token']
    return [
      [{ kinds: ['find-or-create'], work: findOrCreate }],
      [
        { kinds: ['assign'], work: assignAssets },
        { kinds: ['install-app'], work: ensureAppInstalled },
      ],
      [
        { kinds: ['verify-assignments'], work: verifyAssignments },
        {
          kinds: token,
          work: async (driver) => {
            const answer = await secureToken(driver, deps)
            if (!answer.ok) return answer
            secured = answer.value
            return ok(undefined)
          },
        },
      ],
      [
        {
          kinds: token,
          // Phase 3 ran this branch (its steps were not DONE), so the token is here; if not, a bug.
          work: async (driver) =>
            secured ? recordToken(driver, deps, secured) : err('internal', 'errors.internal'),
        },
      ],
    ]
  }

  /**
   * Journals the stop in one write: on each failed branch's current step its error (IN_FLIGHT
   * kept when the request may have reached Meta), the run paused (or needing attention) with the
   * first failure as its error. Other branches of the phase have finished by now: their states
   * are already in the run.
   */
  const stop = (driver: RunDriver, failures: readonly Failure[]): Result<RunSummary> => {
    const first = failures[0]!.error
    const paused = driver.update((run) => {
      let next: RunRecord = {
        ...run,
        status: run.status === 'needs-attention' ? 'needs-attention' : 'paused',
        lastError: errorData(first),
      }
      for (const { kinds, error } of failures) {
        const current = next.steps.find(
          (step) => kinds.includes(step.kind) && step.state !== 'done',
        )
        if (!current || current.state === 'failed') continue
        const keep = current.state === 'in-flight' && OUTCOME_UNKNOWN.has(error.code)
        next = withStep(
          next,
          current.kind,
          keep ? { error: errorData(error) } : { state: 'failed', error: errorData(error) },
        )
      }
      return next
    })
    if (!paused.ok) deps.log.error('setup.pause-not-saved', { runId: driver.run.runId })
    return { ok: false, error: first }
  }

  const isDone = (driver: RunDriver, kinds: readonly RunStepKind[]) =>
    kinds.every((kind) => driver.run.steps.find((step) => step.kind === kind)?.state === 'done')

  const execute = async (
    run: RunRecord,
    controller: AbortController,
  ): Promise<Result<RunSummary>> => {
    const session = await deps.session.current()
    if (!session.ok) return session
    const expectedTarget = run.practice ? 'practice' : 'real'
    if (session.value.businessId !== run.businessId || session.value.target !== expectedTarget) {
      return err('conflict', 'setupMain.run.otherBusiness', {
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
      const next: RunRecord = { ...current, status: 'running' }
      delete next.lastError
      return next
    })
    for (const phase of phasesOf()) {
      const todo = phase.filter((branch) => !isDone(driver, branch.kinds))
      if (todo.length === 0) continue
      if (controller.signal.aborted)
        return stop(driver, [{ kinds: RUN_STEP_KINDS, error: CANCELLED }])
      // Side by side; each branch journals its own IN_FLIGHT before its request leaves, and
      // every branch is waited for, so a stop never leaves a step's outcome unrecorded.
      const outcomes = await Promise.all(todo.map((branch) => branch.work(driver)))
      const failures: Failure[] = []
      outcomes.forEach((outcome, index) => {
        if (outcome.ok) return
        const error = controller.signal.aborted ? { ...outcome.error, ...CANCELLED } : outcome.error
        failures.push({ kinds: todo[index]!.kinds, error })
      })
      if (failures.length > 0) return stop(driver, failures)
    }
    const finished = driver.update((current) => ({ ...current, status: 'done' }))
    if (!finished.ok) return finished
    deps.log.info('setup.run-done', { runId: run.runId, adopted: driver.run.adopted })
    return ok(toSummary(driver.run))
  }

  return {
    async continueRun(runId) {
      if (running.has(runId)) return err('conflict', 'setupMain.run.busy')
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
