/**
 * How many tokens the vault hands out (reveal and copy together) before it asks for a fresh unlock
 * (SEC-25). The renderer is not trusted to pace itself: a compromised one could otherwise read
 * every token in seconds. An admin who reveals or copies a few tokens for their services never
 * meets the limit; a script walking the list does, and the vault locks.
 */

/** At most this many hand-outs in any rolling window; the next one locks the vault. */
export const HAND_OUT_LIMIT = { count: 10, windowMs: 60_000 } as const

export interface HandOutLimit {
  /** Counts one hand-out at `now` if the window has room; false when it is full. */
  take(now: number): boolean
  /** Empties the window: after a lock, the next unlock starts with the whole budget. */
  reset(): void
}

export function createHandOutLimit(limit: {
  readonly count: number
  readonly windowMs: number
}): HandOutLimit {
  // The times of the hand-outs still inside the window, oldest first; never more than `count`.
  let times: number[] = []
  return {
    take(now) {
      // A time ahead of `now` (the clock set back) stays counted: a clock change never frees places.
      times = times.filter((time) => now - time < limit.windowMs)
      if (times.length >= limit.count) return false
      times.push(now)
      return true
    },
    reset() {
      times = []
    },
  }
}
