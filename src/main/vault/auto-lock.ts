import { LOCK_REASONS } from '@shared/ipc/schemas/vault-views'
import { systemTimers, type Timers } from './timers'

/**
 * Auto-lock (SEC-19), modelled on Bitwarden's desktop PowerMonitorMain: poll the system idle time
 * every 30 s and lock after 5 idle minutes (configurable), and lock at once on screen lock and
 * sleep. Locking runs every registered wipe: main's decrypted cache, the reveal timer, the
 * clipboard's clearNow and the renderer's "locked" event. Unlocking is the OS keychain's business;
 * this only guards the open app.
 */

export { LOCK_REASONS }
export type LockReason = (typeof LOCK_REASONS)[number]

/** i18n key telling the admin why the vault locked. */
export const lockReasonKey = (reason: LockReason): string => `vaultMain.lock.reason.${reason}`

/** The power events that lock at once. Electron emits `lock-screen` on macOS and Windows only. */
export type PowerEvent = 'lock-screen' | 'suspend'

/**
 * What auto-lock needs from Electron's `powerMonitor` (which satisfies it as is): the system-wide
 * idle time in whole seconds, and the screen-lock and sleep events.
 */
export interface PowerMonitorPort {
  getSystemIdleTime(): number
  on(event: PowerEvent, listener: () => void): unknown
  removeListener(event: PowerEvent, listener: () => void): unknown
}

/** Idle limit in seconds: 5 minutes by default, configurable from 1 minute to 8 hours. */
export const IDLE_LOCK_SECONDS = { default: 300, min: 60, max: 8 * 60 * 60 } as const

/** How often the idle time is read (Bitwarden's 30 s): a lock comes at most this late. */
export const IDLE_POLL_MS = 30_000

/** A wipe that runs on lock. May be async; a failure is reported, never stops the other wipes. */
export type WipeCallback = (reason: LockReason) => void | Promise<void>

export interface LockReport {
  readonly reason: LockReason
  /** Names of the wipes that threw or rejected (never their error text, which could quote data). */
  readonly failed: readonly string[]
}

export interface AutoLockOptions {
  readonly powerMonitor: PowerMonitorPort
  readonly timers?: Timers
  readonly idleLimitSeconds?: number
  /** Told after every lock, with the wipes that failed (for the log and the audit log). */
  readonly onLocked?: (report: LockReport) => void
}

export interface AutoLock {
  /** Starts polling and listening. Idempotent. */
  start(): void
  /** Stops polling and removes the listeners (on quit). */
  stop(): void
  /** Registers a wipe under a name (for the report); returns a function that removes it. */
  onLock(name: string, wipe: WipeCallback): () => void
  /** Locks now; resolves when every wipe has finished. Null when already locked. */
  lock(reason: LockReason): Promise<LockReport> | null
  /** Called once the admin unlocked (through the OS keychain): locking is armed again. */
  unlocked(): void
  isLocked(): boolean
  /** Changes the idle limit from the next poll on; throws a RangeError outside 60 s–8 h. */
  setIdleLimit(seconds: number): void
}

/** Checks a configured idle limit; settings validate it too, this is the last line. */
export function isValidIdleLimit(seconds: number): boolean {
  return (
    Number.isInteger(seconds) &&
    seconds >= IDLE_LOCK_SECONDS.min &&
    seconds <= IDLE_LOCK_SECONDS.max
  )
}

/** Creates auto-lock. It starts unlocked and idle until `start()`. */
export function createAutoLock(options: AutoLockOptions): AutoLock {
  const { powerMonitor } = options
  const timers = options.timers ?? systemTimers
  const checked = (seconds: number): number => {
    if (!isValidIdleLimit(seconds)) {
      throw new RangeError('idleLimitSeconds must be a whole number from 60 to 28,800')
    }
    return seconds
  }
  let idleLimitSeconds = checked(options.idleLimitSeconds ?? IDLE_LOCK_SECONDS.default)
  const wipes = new Map<symbol, { name: string; wipe: WipeCallback }>()
  let locked = false
  let poll: ReturnType<Timers['setInterval']> | null = null

  const runWipes = async (reason: LockReason): Promise<LockReport> => {
    const failed: string[] = []
    // Every wipe starts synchronously, before any awaits, so the renderer and the caches are wiped
    // in the same tick as the lock; async ones are then awaited together.
    const running = [...wipes.values()].map(({ name, wipe }) => {
      try {
        return Promise.resolve(wipe(reason)).then(
          () => undefined,
          () => name,
        )
      } catch {
        return Promise.resolve(name)
      }
    })
    for (const name of await Promise.all(running)) if (name !== undefined) failed.push(name)
    const report = { reason, failed }
    options.onLocked?.(report)
    return report
  }

  const lock = (reason: LockReason): Promise<LockReport> | null => {
    if (locked) return null
    locked = true
    return runWipes(reason)
  }

  const checkIdle = (): void => {
    let idleSeconds: number
    try {
      idleSeconds = powerMonitor.getSystemIdleTime()
    } catch {
      // No idle information this round; the next poll tries again, the power events still work.
      return
    }
    if (idleSeconds >= idleLimitSeconds) void lock('idle')
  }
  const onLockScreen = (): void => void lock('lock-screen')
  const onSuspend = (): void => void lock('suspend')

  return {
    start() {
      if (poll) return
      poll = timers.setInterval(checkIdle, IDLE_POLL_MS)
      powerMonitor.on('lock-screen', onLockScreen)
      powerMonitor.on('suspend', onSuspend)
    },
    stop() {
      if (!poll) return
      timers.clearInterval(poll)
      poll = null
      powerMonitor.removeListener('lock-screen', onLockScreen)
      powerMonitor.removeListener('suspend', onSuspend)
    },
    onLock(name, wipe) {
      const key = Symbol(name)
      wipes.set(key, { name, wipe })
      return () => {
        wipes.delete(key)
      }
    },
    lock,
    unlocked() {
      locked = false
    },
    isLocked: () => locked,
    setIdleLimit(seconds) {
      idleLimitSeconds = checked(seconds)
    },
  }
}
