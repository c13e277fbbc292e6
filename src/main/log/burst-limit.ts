import type { Logger } from './logger'

/**
 * Warnings that someone else can trigger at will (refused IPC calls from a compromised renderer,
 * refused requests to the browser preview from another program) must not be able to flood the
 * log or the disk. The first `limit` warnings of each window get a line of their own; the rest are
 * counted and summed up in one `summaryEvent` line when the window ends (or on `close`). A burst
 * thus costs a handful of lines a minute, and whoever reads the log still sees that it happened.
 */
export interface BurstLimitedWarnings {
  warn(event: string, fields?: Record<string, unknown>): void
  /** Writes the summary of the window under way, if any warnings went unlogged. */
  close(): void
}

export interface BurstLimitOptions {
  /** Warnings logged one by one per window; default 10. */
  readonly limit?: number
  /** Default one minute. */
  readonly windowMs?: number
}

export function limitBursts(
  log: Logger,
  summaryEvent: string,
  options: BurstLimitOptions = {},
): BurstLimitedWarnings {
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
    log.warn(summaryEvent, { count: unlogged, windowSeconds: Math.round(windowMs / 1000) })
    unlogged = 0
  }

  return {
    warn(event, fields) {
      const now = Date.now()
      if (now - windowStart >= windowMs) {
        summarise()
        windowStart = now
        logged = 0
      }
      if (logged < limit) {
        logged += 1
        log.warn(event, fields)
        return
      }
      unlogged += 1
      // The summary must come even if the burst ends here and no later warning rolls the window.
      if (summaryTimer === undefined) {
        summaryTimer = setTimeout(summarise, windowStart + windowMs - now)
        summaryTimer.unref()
      }
    },
    close: summarise,
  }
}
