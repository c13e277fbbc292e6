import { systemTimers, type Timers } from './timers'

/**
 * Which token is on screen, and for how long (SEC-10). A revealed value is hidden after 30 s, and
 * at once on blur, on lock and on navigation; at most one value is revealed at a time, so a second
 * reveal hides the first. Main owns this state and tells the renderer to drop the value through
 * `onRevealEnded` — the renderer's own timer is a convenience, this one is the guarantee.
 */

/**
 * How long a revealed token stays visible (SEC-10, and the 30 s peers use:
 * docs/user-research.md §4).
 */
export const REVEAL_DURATION_MS = 30_000

export type RevealEndReason = 'timeout' | 'blur' | 'lock' | 'navigation' | 'replaced' | 'user'

export interface RevealEnded {
  readonly recordId: string
  readonly reason: RevealEndReason
}

export interface RevealTimerOptions {
  readonly onRevealEnded: (event: RevealEnded) => void
  readonly timers?: Timers
  readonly durationMs?: number
}

export interface ActiveReveal {
  readonly recordId: string
  /** When the value hides itself, ms since the epoch (for the renderer's countdown). */
  readonly hidesAt: number
}

export interface RevealTimer {
  /** Starts showing a record (restarts its time if already shown); hides any other record first. */
  reveal(recordId: string): ActiveReveal
  /** Hides this record if it is the one shown; false when it was not. */
  hide(recordId: string, reason?: RevealEndReason): boolean
  /** Hides whatever is shown: blur, lock, navigation. */
  hideAll(reason: RevealEndReason): void
  current(): ActiveReveal | null
}

/** Creates the reveal timer. `onRevealEnded` runs once for every reveal that ends, for any reason. */
export function createRevealTimer(options: RevealTimerOptions): RevealTimer {
  const timers = options.timers ?? systemTimers
  const durationMs = options.durationMs ?? REVEAL_DURATION_MS
  if (!Number.isFinite(durationMs) || durationMs <= 0) {
    throw new RangeError('durationMs must be a positive number')
  }
  let active: (ActiveReveal & { handle: ReturnType<Timers['setTimeout']> }) | null = null

  const end = (reason: RevealEndReason): void => {
    if (!active) return
    const { recordId, handle } = active
    // Clear the state before notifying, so a callback that reveals again starts from a clean slate.
    active = null
    timers.clearTimeout(handle)
    options.onRevealEnded({ recordId, reason })
  }

  return {
    reveal(recordId) {
      // Revealing the shown record again restarts its 30 s; any other record is hidden first.
      if (active?.recordId === recordId) timers.clearTimeout(active.handle)
      else end('replaced')
      const hidesAt = timers.now() + durationMs
      const handle = timers.setTimeout(() => end('timeout'), durationMs)
      active = { recordId, hidesAt, handle }
      return { recordId, hidesAt }
    },
    hide(recordId, reason = 'user') {
      if (active?.recordId !== recordId) return false
      end(reason)
      return true
    },
    hideAll(reason) {
      end(reason)
    },
    current() {
      return active ? { recordId: active.recordId, hidesAt: active.hidesAt } : null
    },
  }
}
