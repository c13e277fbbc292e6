import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REVEAL_DURATION_MS, createRevealTimer, type RevealEnded } from './reveal-timer'
import { systemTimers } from './timers'

function setup() {
  const ended: RevealEnded[] = []
  const timer = createRevealTimer({
    timers: systemTimers,
    onRevealEnded: (event) => ended.push(event),
  })
  return { timer, ended }
}

describe('the reveal timer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('hides a revealed value after exactly 30 s', () => {
    const { timer, ended } = setup()
    const shown = timer.reveal('rec-1')
    expect(shown).toEqual({ recordId: 'rec-1', hidesAt: Date.now() + REVEAL_DURATION_MS })
    vi.advanceTimersByTime(REVEAL_DURATION_MS - 1)
    expect(ended).toEqual([])
    expect(timer.current()?.recordId).toBe('rec-1')
    vi.advanceTimersByTime(1)
    expect(ended).toEqual([{ recordId: 'rec-1', reason: 'timeout' }])
    expect(timer.current()).toBeNull()
  })

  it.each(['blur', 'lock', 'navigation'] as const)('hides at once on %s', (reason) => {
    const { timer, ended } = setup()
    timer.reveal('rec-1')
    vi.advanceTimersByTime(5_000)
    timer.hideAll(reason)
    expect(ended).toEqual([{ recordId: 'rec-1', reason }])
    // The cancelled 30 s timer must not fire a second end.
    vi.advanceTimersByTime(REVEAL_DURATION_MS)
    expect(ended).toHaveLength(1)
  })

  it('shows at most one value: a second reveal hides the first', () => {
    const { timer, ended } = setup()
    timer.reveal('rec-1')
    timer.reveal('rec-2')
    expect(ended).toEqual([{ recordId: 'rec-1', reason: 'replaced' }])
    expect(timer.current()?.recordId).toBe('rec-2')
    vi.advanceTimersByTime(REVEAL_DURATION_MS)
    expect(ended).toEqual([
      { recordId: 'rec-1', reason: 'replaced' },
      { recordId: 'rec-2', reason: 'timeout' },
    ])
  })

  it('restarts the 30 s when the shown record is revealed again, without hiding it', () => {
    const { timer, ended } = setup()
    timer.reveal('rec-1')
    vi.advanceTimersByTime(20_000)
    timer.reveal('rec-1')
    vi.advanceTimersByTime(20_000)
    expect(ended).toEqual([])
    vi.advanceTimersByTime(10_000)
    expect(ended).toEqual([{ recordId: 'rec-1', reason: 'timeout' }])
  })

  it('hides only the record asked for', () => {
    const { timer, ended } = setup()
    timer.reveal('rec-1')
    expect(timer.hide('rec-2')).toBe(false)
    expect(ended).toEqual([])
    expect(timer.hide('rec-1')).toBe(true)
    expect(ended).toEqual([{ recordId: 'rec-1', reason: 'user' }])
  })

  it('does nothing when asked to hide while nothing is shown', () => {
    const { timer, ended } = setup()
    timer.hideAll('lock')
    expect(ended).toEqual([])
  })

  it('refuses a duration that is not positive', () => {
    expect(() => createRevealTimer({ onRevealEnded: () => {}, durationMs: 0 })).toThrow(RangeError)
  })
})
