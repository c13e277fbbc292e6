import type { Logger } from '../main/log/logger'
import type { GuardProblem, RouteKind } from './request-guard'

/**
 * Logs the preview's refused requests without letting a burst of them flood the log: the first
 * `limit` refusals of each window get a line of their own, the rest are counted and summed up in
 * one line when the window ends (or the server closes). A process hammering the preview thus costs
 * a handful of lines a minute, and the person reading the log still sees that it happened.
 */

/** Why a request was refused. The values are fixed words: no header, path or secret goes in. */
export type RefusalProblem = GuardProblem | 'no-session' | 'wrong-launch-secret'

export interface RefusalLog {
  record(problem: RefusalProblem, kind: RouteKind): void
  /** Writes the summary of the window under way, if any refusals went unlogged. */
  close(): void
}

export interface RefusalLogOptions {
  /** Refusals logged one by one per window; default 10. */
  readonly limit?: number
  /** Default one minute. */
  readonly windowMs?: number
}

export function createRefusalLog(log: Logger, options: RefusalLogOptions = {}): RefusalLog {
  const limit = options.limit ?? 10
  const windowMs = options.windowMs ?? 60_000
  let windowStart = Number.NEGATIVE_INFINITY
  let logged = 0
  let unlogged = 0
  let summaryTimer: ReturnType<typeof setTimeout> | undefined

  const summarise = () => {
    if (summaryTimer !== undefined) clearTimeout(summaryTimer)
    summaryTimer = undefined
    if (unlogged === 0) return
    log.warn('preview.requests-refused-unlogged', {
      count: unlogged,
      windowSeconds: Math.round(windowMs / 1000),
    })
    unlogged = 0
  }

  return {
    record(problem, kind) {
      const now = Date.now()
      if (now - windowStart >= windowMs) {
        summarise()
        windowStart = now
        logged = 0
      }
      if (logged < limit) {
        logged += 1
        log.warn('preview.request-refused', { problem, kind })
        return
      }
      unlogged += 1
      // The summary must come even if the burst ends here and no later refusal rolls the window.
      if (summaryTimer === undefined) {
        summaryTimer = setTimeout(summarise, windowStart + windowMs - now)
        summaryTimer.unref()
      }
    },
    close: summarise,
  }
}
