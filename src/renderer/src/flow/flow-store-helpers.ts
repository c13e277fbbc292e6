import type { RunProgress, RunSummary } from '@shared/ipc/schemas/flow'
import type { AppError, Result } from '@shared/result'
import { useConnectStore } from '../stores/connect-store'
import type { FlowEvent } from './flow-machine'

/** Adds `value` to the list, or removes it when it is there. */
export const toggled = <T extends string>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value]

/**
 * The regular system-user limit Connect's preflight worked out from the app's tier (1 or 10,
 * docs/user-research.md §1.7), so the overview can show how many are left; undefined when unknown.
 */
export function currentRegularLimit(): number | undefined {
  const { preflight } = useConnectStore.getState()
  if (preflight.phase !== 'loaded') return undefined
  const line = preflight.value.lines.find((entry) => entry.check === 'system-user-quota')
  const limit = line?.params?.limit
  return typeof limit === 'number' ? limit : undefined
}

const STOPPED: AppError = { code: 'internal', messageKey: 'flow.run.stoppedUnknown' }

/**
 * What the answer to `flow:run-continue` means for the flow. A paused run that the admin asked
 * to cancel is a cancel, not a failure; a run that needs attention (its token could not be saved,
 * REL-05) is a failure that must not be retried blindly.
 */
export function outcomeEvent(result: Result<RunSummary>, cancelling: boolean): FlowEvent {
  if (!result.ok) {
    return cancelling && result.error.code === 'cancelled'
      ? { type: 'run-cancelled' }
      : { type: 'run-failed', error: result.error }
  }
  const run = result.value
  switch (run.status) {
    case 'done':
      return { type: 'run-finished' }
    case 'paused':
      if (cancelling || run.lastError?.code === 'cancelled') return { type: 'run-cancelled' }
      return { type: 'run-failed', error: run.lastError ?? STOPPED }
    case 'needs-attention':
    case 'planned':
    case 'running':
      return { type: 'run-failed', error: run.lastError ?? STOPPED }
  }
}

/**
 * Applies a progress event to the run on screen. Only the documented fields are copied: the
 * renderer never keeps anything else a bridge might send along (defence in depth for SEC-10).
 */
export function mergeProgress(
  run: RunSummary,
  event: RunProgress,
): { run: RunSummary; progress: RunProgress } {
  const progress: RunProgress = {
    runId: event.runId,
    action: event.action,
    state: event.state,
    done: event.done,
    total: event.total,
  }
  const actions = run.actions.map((action) =>
    action.kind === progress.action
      ? { ...action, state: progress.state, done: progress.done, total: progress.total }
      : action,
  )
  return { run: { ...run, actions, status: 'running' }, progress }
}
