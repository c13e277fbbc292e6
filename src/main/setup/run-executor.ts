import type { RunProgress, RunStepKind, RunSummary } from '@shared/ipc/schemas/setup'
import { err, ok, type AppError, type Result } from '@shared/result'
import type { AdminSessionPort } from '../admin-session'
import type { Logger } from '../log/logger'
import type { SecretStore } from '../secrets/secret-store'
import type { VaultIndex } from '../vault/vault-index'
import type { Journal } from './journal'
import { createRunDriver, type CrashHook, type RunDriver } from './run-driver'
import { errorData, toSummary, withStep, type RunRecord } from './run-record'
import { assignAssets, verifyAssignments } from './steps/assign'
import { findOrCreate } from './steps/find-or-create'
import { ensureAppInstalled } from './steps/install-app'
import { generateAndSave } from './steps/token'

/**
 * Runs (and resumes) the journaled steps in order. Every step reconciles by reading before it
 * writes, so continuing a run after a crash, a cancel or an error is always the same call. One run
 * works at a time per run id; cancelling aborts the request in flight (REL-06), which leaves that
 * step IN_FLIGHT for the next attempt to reconcile.
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
}

export interface RunExecutor {
  continueRun(runId: string): Promise<Result<RunSummary>>
  /** True when a working run was told to stop. */
  cancel(runId: string): boolean
  isRunning(runId: string): boolean
}

type Step = (driver: RunDriver) => Promise<Result<void>>

/** Outcomes where a request may have reached Meta: the step stays IN_FLIGHT, to be read first. */
const OUTCOME_UNKNOWN: ReadonlySet<AppError['code']> = new Set([
  'unknown-outcome',
  'cancelled',
  'timeout',
  'network',
])

export function createRunExecutor(deps: RunExecutorDeps): RunExecutor {
  const running = new Map<string, AbortController>()

  const steps: readonly (readonly [RunStepKind, Step])[] = [
    ['find-or-create', findOrCreate],
    ['assign', assignAssets],
    ['verify-assignments', verifyAssignments],
    ['install-app', ensureAppInstalled],
    // generate-token and save-token are one unit: the token lives only between the two.
    ['generate-token', (driver) => generateAndSave(driver, deps)],
  ]

  /** Journals the stop: the current step's error, the run paused (or needing attention). */
  const stop = (driver: RunDriver, error: AppError): Result<RunSummary> => {
    const current = driver.run.steps.find((step) => step.state !== 'done')
    const paused = driver.update((run) => {
      let next: RunRecord = {
        ...run,
        status: run.status === 'needs-attention' ? 'needs-attention' : 'paused',
        lastError: errorData(error),
      }
      if (current) {
        const keep = current.state === 'in-flight' && OUTCOME_UNKNOWN.has(error.code)
        const already = run.steps.find((step) => step.kind === current.kind)
        if (already?.state !== 'failed') {
          next = withStep(
            next,
            current.kind,
            keep ? { error: errorData(error) } : { state: 'failed', error: errorData(error) },
          )
        }
      }
      return next
    })
    if (!paused.ok) deps.log.error('setup.pause-not-saved', { runId: driver.run.runId })
    return { ok: false, error }
  }

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
    })
    const started = driver.update((current) => {
      const next: RunRecord = { ...current, status: 'running' }
      delete next.lastError
      return next
    })
    if (!started.ok) return started
    for (const [kind, step] of steps) {
      if (driver.run.steps.find((candidate) => candidate.kind === kind)?.state === 'done') {
        if (kind !== 'generate-token') continue
        if (driver.run.steps.every((candidate) => candidate.state === 'done')) continue
      }
      if (controller.signal.aborted)
        return stop(driver, { code: 'cancelled', messageKey: 'setupMain.run.cancelled' })
      const outcome = await step(driver)
      if (!outcome.ok) {
        const error = controller.signal.aborted
          ? { ...outcome.error, code: 'cancelled' as const, messageKey: 'setupMain.run.cancelled' }
          : outcome.error
        return stop(driver, error)
      }
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
