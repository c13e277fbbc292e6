import { abortReason, type Clock } from '../../../src/main/graph/clock'

/** A clock for tests: `sleep` advances time at once and records every wait. */
export interface FakeClock extends Clock {
  readonly sleeps: number[]
  advance(ms: number): void
}

/** Creates a fake clock starting at `start` (ms since the epoch). */
export function createFakeClock(start = Date.UTC(2026, 10, 30, 9, 0, 0)): FakeClock {
  let current = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => current,
    advance: (ms) => {
      current += ms
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw abortReason(signal)
      const wait = Math.max(0, ms)
      sleeps.push(wait)
      current += wait
    },
  }
}
