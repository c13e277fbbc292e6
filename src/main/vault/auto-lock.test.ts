import { EventEmitter } from 'node:events'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { en } from '@shared/i18n/en'
import {
  IDLE_POLL_MS,
  LOCK_REASONS,
  createAutoLock,
  lockReasonKey,
  type LockReason,
  type LockReport,
  type PowerMonitorPort,
} from './auto-lock'
import { createAsyncClipboardGuard } from './async-clipboard-guard'
import { createMemoryClipboard } from './memory-host'
import { createRevealTimer, type RevealEnded } from './reveal-timer'
import { systemTimers } from './timers'
import { SETTLE } from '../../../tests/support/node/waits'

const MINUTE = 60_000

/** A powerMonitor whose idle time follows the (fake) clock from the last user activity. */
function fakePowerMonitor() {
  const emitter = new EventEmitter()
  let lastActivity = Date.now()
  const port: PowerMonitorPort = {
    getSystemIdleTime: () => Math.floor((Date.now() - lastActivity) / 1000),
    on: (event, listener) => emitter.on(event, listener),
    removeListener: (event, listener) => emitter.removeListener(event, listener),
  }
  return {
    port,
    emitter,
    activity: () => {
      lastActivity = Date.now()
    },
  }
}

function setup(idleLimitSeconds?: number) {
  const power = fakePowerMonitor()
  const reports: LockReport[] = []
  const lockedAt: number[] = []
  const autoLock = createAutoLock({
    powerMonitor: power.port,
    timers: systemTimers,
    ...(idleLimitSeconds === undefined ? {} : { idleLimitSeconds }),
    onLocked: (report) => reports.push(report),
  })
  autoLock.onLock('clock', () => {
    lockedAt.push(Date.now())
  })
  autoLock.start()
  return { power, autoLock, reports, lockedAt }
}

describe('auto-lock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('locks after 5 idle minutes, polling every 30 s', () => {
    const { autoLock, lockedAt } = setup()
    vi.advanceTimersByTime(5 * MINUTE - 1)
    expect(autoLock.isLocked()).toBe(false)
    vi.advanceTimersByTime(1)
    expect(autoLock.isLocked()).toBe(true)
    expect(lockedAt).toEqual([Date.UTC(2026, 0, 1) + 5 * MINUTE])
  })

  it('locks within 5 min + 30 s of the last activity, never before 5 min', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * MINUTE }), (activityAt) => {
        vi.setSystemTime(Date.UTC(2026, 0, 1))
        const { power, autoLock, lockedAt } = setup()
        // Keep the admin busy until `activityAt`, then leave them idle.
        for (let at = 0; at < activityAt; at += 4 * MINUTE) {
          vi.advanceTimersByTime(Math.min(4 * MINUTE, activityAt - at))
          power.activity()
        }
        expect(autoLock.isLocked()).toBe(false)
        const lastActivity = Date.now()
        vi.advanceTimersByTime(6 * MINUTE)
        expect(lockedAt).toHaveLength(1)
        const idleFor = (lockedAt[0] ?? 0) - lastActivity
        expect(idleFor).toBeGreaterThanOrEqual(5 * MINUTE)
        expect(idleFor).toBeLessThanOrEqual(5 * MINUTE + IDLE_POLL_MS)
        autoLock.stop()
      }),
      { numRuns: 200 },
    )
  })

  it('honours a configured idle limit', () => {
    const { autoLock } = setup(15 * 60)
    vi.advanceTimersByTime(15 * MINUTE - 1)
    expect(autoLock.isLocked()).toBe(false)
    vi.advanceTimersByTime(1)
    expect(autoLock.isLocked()).toBe(true)
  })

  it.each([
    ['lock-screen', 'lock-screen'],
    ['suspend', 'suspend'],
  ] as const)('locks at once on the %s event', (event, reason) => {
    const { power, autoLock, reports } = setup()
    power.emitter.emit(event)
    expect(autoLock.isLocked()).toBe(true)
    return vi.waitFor(() => expect(reports).toEqual([{ reason, failed: [] }]), SETTLE)
  })

  it('handles all 3 trigger types, each locking again after an unlock', async () => {
    const { power, autoLock, reports } = setup()
    const reasons: LockReason[] = []
    autoLock.onLock('reasons', (reason) => {
      reasons.push(reason)
    })
    power.emitter.emit('lock-screen')
    autoLock.unlocked()
    power.emitter.emit('suspend')
    autoLock.unlocked()
    power.activity()
    await vi.advanceTimersByTimeAsync(5 * MINUTE)
    expect(reasons).toEqual(['lock-screen', 'suspend', 'idle'])
    expect(reports.map((report) => report.reason)).toEqual(['lock-screen', 'suspend', 'idle'])
  })

  it('runs the wipes once per lock, not again while still locked', () => {
    const { power, autoLock, lockedAt } = setup()
    power.emitter.emit('suspend')
    power.emitter.emit('lock-screen')
    vi.advanceTimersByTime(30 * MINUTE)
    expect(lockedAt).toHaveLength(1)
    expect(autoLock.lock('manual')).toBeNull()
  })

  it('runs every wipe even when some throw or reject, and names the failures', async () => {
    const { autoLock } = setup()
    const cache = new Map([['rec-1', 'decrypted']])
    let rendererSecrets = 1
    autoLock.onLock('throws', () => {
      throw new Error('boom')
    })
    autoLock.onLock('cache', () => cache.clear())
    autoLock.onLock('rejects', async () => {
      throw new Error('later boom')
    })
    autoLock.onLock('renderer', async () => {
      rendererSecrets = 0
    })
    const report = await autoLock.lock('manual')
    expect(cache.size).toBe(0)
    expect(rendererSecrets).toBe(0)
    expect(report).toEqual({ reason: 'manual', failed: ['throws', 'rejects'] })
  })

  it('starts every wipe in the same tick as the lock', () => {
    const { autoLock } = setup()
    let wiped = false
    autoLock.onLock('sync', () => {
      wiped = true
    })
    void autoLock.lock('manual')
    expect(wiped).toBe(true)
  })

  it('forgets a removed wipe', async () => {
    const { autoLock } = setup()
    let calls = 0
    const remove = autoLock.onLock('counted', () => {
      calls += 1
    })
    remove()
    await autoLock.lock('manual')
    expect(calls).toBe(0)
  })

  it('stops polling and listening after stop()', () => {
    const { power, autoLock } = setup()
    autoLock.stop()
    power.emitter.emit('suspend')
    vi.advanceTimersByTime(30 * MINUTE)
    expect(autoLock.isLocked()).toBe(false)
    expect(power.emitter.listenerCount('suspend')).toBe(0)
  })

  it('keeps polling when the idle time cannot be read once', () => {
    const power = fakePowerMonitor()
    let failures = 1
    const autoLock = createAutoLock({
      powerMonitor: {
        ...power.port,
        getSystemIdleTime: () => {
          if (failures-- > 0) throw new Error('not available')
          return power.port.getSystemIdleTime()
        },
      },
      timers: systemTimers,
    })
    autoLock.start()
    vi.advanceTimersByTime(5 * MINUTE)
    expect(autoLock.isLocked()).toBe(true)
  })

  it('refuses idle limits under 1 minute or over 8 hours', () => {
    const { port } = fakePowerMonitor()
    expect(() => createAutoLock({ powerMonitor: port, idleLimitSeconds: 59 })).toThrow(RangeError)
    expect(() => createAutoLock({ powerMonitor: port, idleLimitSeconds: 8 * 3600 + 1 })).toThrow(
      RangeError,
    )
  })

  it('explains every lock reason in plain words', () => {
    expect(LOCK_REASONS.map(lockReasonKey).filter((key) => !(key in en))).toEqual([])
  })

  it('wipes the real building blocks on an idle lock: reveal, clipboard, cache, renderer', async () => {
    const { autoLock } = setup()
    const ended: RevealEnded[] = []
    const reveal = createRevealTimer({ timers: systemTimers, onRevealEnded: (e) => ended.push(e) })
    const memoryClipboard = createMemoryClipboard()
    const clipboard = createAsyncClipboardGuard({
      timers: systemTimers,
      clipboard: memoryClipboard,
    })
    const cache = new Map<string, string>()
    const rendererEvents: string[] = []
    autoLock.onLock('cache', () => cache.clear())
    autoLock.onLock('reveal', () => reveal.hideAll('lock'))
    autoLock.onLock('clipboard', () => void clipboard.clearNow())
    autoLock.onLock('renderer', () => {
      rendererEvents.push('locked')
    })
    // The admin reveals and copies, then walks away; each action restarts its own timer, so
    // re-reveal and re-copy every 24 s to keep both alive until the lock.
    const keepAlive = setInterval(() => {
      cache.set('rec-1', 'decrypted')
      reveal.reveal('rec-1')
      void clipboard.copySecret('EAAG-not-a-real-token-just-a-value')
    }, 24_000)
    // Async: the guard's write and the lock's clipboard read settle between timers.
    await vi.advanceTimersByTimeAsync(5 * MINUTE)
    clearInterval(keepAlive)
    expect(autoLock.isLocked()).toBe(true)
    expect(cache.size).toBe(0)
    expect(reveal.current()).toBeNull()
    expect(ended.at(-1)).toEqual({ recordId: 'rec-1', reason: 'lock' })
    expect(memoryClipboard.secretWrites).toBeGreaterThan(0)
    expect(memoryClipboard.peek()).toBe('')
    expect(rendererEvents).toEqual(['locked'])
  })
})
