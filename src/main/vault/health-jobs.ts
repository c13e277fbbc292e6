import { randomUUID } from 'node:crypto'
import type { CheckOutcome } from '@shared/ipc/schemas/vault'
import { err, ok, type Result } from '@shared/result'
import { applyFinding, inspectToken } from './health-check'
import { readToken, sessionFor } from './secrets-access'
import type { VaultContext } from './vault-context'

/**
 * "Check" one, some or all tokens in the background. The handler answers at once with a job id;
 * the checks run one after another (jobs queue behind each other), each through the Graph
 * client's own rate limiter, so a vault of thousands never floods Meta, and other IPC keeps being
 * served while a job waits. Progress goes to the renderer as `vault:health-progress`. A job can
 * be cancelled, and locking the vault cancels every job (they read secrets).
 */
export interface HealthJobs {
  start(ids: readonly string[] | 'all'): Result<{ jobId: string; total: number }>
  cancel(jobId: string): boolean
  cancelAll(): void
  /** Resolves when every queued job has ended (for quit and for tests). */
  idle(): Promise<void>
}

interface Job {
  readonly id: string
  readonly recordIds: readonly string[]
  readonly abort: AbortController
}

export function createHealthJobs(context: VaultContext): HealthJobs {
  const jobs = new Map<string, Job>()
  let queue: Promise<void> = Promise.resolve()

  const progress = (
    job: Job,
    done: number,
    state: 'running' | 'finished' | 'cancelled',
    extra: { recordId?: string; outcome?: CheckOutcome } = {},
  ): void => {
    context.deps.emit('vault:health-progress', {
      jobId: job.id,
      done,
      total: job.recordIds.length,
      state,
      ...extra,
    })
  }

  const checkOne = async (job: Job, id: string): Promise<CheckOutcome | null> => {
    const found = context.find(id)
    // Removed while the job waited: nothing to check, not an error.
    if (!found.ok) return null
    const record = found.value
    const session = await sessionFor(context.deps.session, record)
    const token = session.ok ? await readToken(context.deps.secrets, record) : session
    if (!token.ok) {
      // No session for this record, or the keychain lost the token: nothing was asked of Meta.
      context.audit('health-checked', 'failed', record, token.error.messageKey)
      return 'unknown'
    }
    if (!session.ok) return 'unknown'
    const { finding } = await inspectToken(
      session.value,
      record,
      token.value,
      () => context.now(),
      { signal: job.abort.signal },
    )
    if (job.abort.signal.aborted) return null
    context.deps.vault.update(id, applyFinding(record, finding, context.now()))
    context.audit('health-checked', 'succeeded', record, `vaultMain.health.${finding.outcome}`)
    return finding.outcome
  }

  const run = async (job: Job): Promise<void> => {
    let done = 0
    const changed: string[] = []
    try {
      for (const id of job.recordIds) {
        if (job.abort.signal.aborted) break
        const outcome = await checkOne(job, id)
        if (job.abort.signal.aborted) break
        done += 1
        if (outcome !== null) changed.push(id)
        progress(job, done, 'running', { recordId: id, ...(outcome ? { outcome } : {}) })
      }
    } catch {
      // A bug in one check must not leave the job hanging: the log has the event, never details.
      context.deps.log.error('vault.health-job-failed', { jobId: job.id })
    } finally {
      jobs.delete(job.id)
      if (changed.length > 0) context.changed(changed)
      progress(job, done, job.abort.signal.aborted ? 'cancelled' : 'finished')
    }
  }

  return {
    start(ids) {
      const recordIds =
        ids === 'all' ? context.deps.vault.list().map((record) => record.id) : [...new Set(ids)]
      if (ids !== 'all') {
        const missing = recordIds.find((id) => !context.deps.vault.get(id))
        if (missing !== undefined) return err('not-found', 'errors.notFound')
      }
      const job: Job = { id: randomUUID(), recordIds, abort: new AbortController() }
      jobs.set(job.id, job)
      queue = queue.then(() => run(job))
      return ok({ jobId: job.id, total: recordIds.length })
    },
    cancel(jobId) {
      const job = jobs.get(jobId)
      if (!job) return false
      job.abort.abort()
      return true
    },
    cancelAll() {
      for (const job of jobs.values()) job.abort.abort()
    },
    idle: () => queue,
  }
}
