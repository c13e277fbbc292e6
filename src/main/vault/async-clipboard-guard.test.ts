import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeCanaryToken } from '../../../tests/fixtures/canaries'
import {
  CLIPBOARD_CLEAR_DELAY_MS,
  createAsyncClipboardGuard,
  type AsyncClipboardPort,
  type ClearOutcome,
} from './async-clipboard-guard'
import { systemTimers } from './timers'

/**
 * An in-memory async clipboard that remembers who wrote last and when each clear happened (the
 * preview's createMemoryClipboard does not track the writer, which the "never ours to clear"
 * property needs).
 */
function fakeClipboard() {
  const state = { text: '', writer: 'nobody' as 'us' | 'user' | 'nobody' }
  const clears: { at: number; writer: string }[] = []
  const port: AsyncClipboardPort = {
    writeSecret: async (text) => {
      state.text = text
      state.writer = 'us'
    },
    readText: async () => state.text,
    clear: () => {
      clears.push({ at: Date.now(), writer: state.writer })
      state.text = ''
      state.writer = 'nobody'
    },
  }
  const userCopies = (text: string) => {
    state.text = text
    state.writer = 'user'
  }
  return { port, state, clears, userCopies }
}

// The auto-clear awaits the clipboard read, so time is advanced with the async variant, which
// settles promises after each timer fires.
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms)

describe('the clipboard guard', () => {
  const start = Date.UTC(2026, 0, 1)
  beforeEach(() => {
    vi.useFakeTimers({ now: start })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('clears our value 30 s after the copy, and says when it will', async () => {
    const clipboard = fakeClipboard()
    const guard = createAsyncClipboardGuard({ clipboard: clipboard.port, timers: systemTimers })
    const token = makeCanaryToken(1)
    expect(await guard.copySecret(token)).toEqual({ clearsAt: start + 30_000 })
    expect(clipboard.state.text).toBe(token)
    await advance(29_999)
    expect(clipboard.clears).toEqual([])
    await advance(1)
    expect(clipboard.clears).toEqual([{ at: start + 30_000, writer: 'us' }])
    expect(clipboard.state.text).toBe('')
  })

  it('clears within the configured delay ±1 s in every run (10–120 s, any copy time)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: CLIPBOARD_CLEAR_DELAY_MS.min, max: CLIPBOARD_CLEAR_DELAY_MS.max }),
        fc.integer({ min: 0, max: 600_000 }),
        async (delay, wait) => {
          vi.setSystemTime(start)
          const clipboard = fakeClipboard()
          const outcomes: ClearOutcome[] = []
          const guard = createAsyncClipboardGuard({
            clipboard: clipboard.port,
            timers: systemTimers,
            clearDelayMs: delay,
            onAutoClear: (outcome) => outcomes.push(outcome),
          })
          await advance(wait)
          const copiedAt = Date.now()
          await guard.copySecret(makeCanaryToken())
          await advance(delay + 1_000)
          expect(clipboard.clears).toHaveLength(1)
          expect(Math.abs((clipboard.clears[0]?.at ?? 0) - (copiedAt + delay))).toBeLessThanOrEqual(
            1_000,
          )
          expect(outcomes).toEqual(['cleared'])
        },
      ),
      { numRuns: 200 },
    )
  })

  it('leaves the clipboard alone when the admin copied something else meanwhile', async () => {
    const clipboard = fakeClipboard()
    const outcomes: ClearOutcome[] = []
    const guard = createAsyncClipboardGuard({
      clipboard: clipboard.port,
      timers: systemTimers,
      onAutoClear: (outcome) => outcomes.push(outcome),
    })
    await guard.copySecret(makeCanaryToken(2))
    await advance(10_000)
    clipboard.userCopies('the admin’s own text')
    await advance(60_000)
    expect(clipboard.clears).toEqual([])
    expect(clipboard.state.text).toBe('the admin’s own text')
    expect(outcomes).toEqual(['not-ours'])
    // Nor later, on lock or quit.
    expect(await guard.clearNow()).toBe('nothing-pending')
    expect(clipboard.clears).toEqual([])
  })

  it('never clears what the admin wrote, whatever the order of copies and waits', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('ours' as const), seed: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('user' as const), text: fc.string({ maxLength: 20 }) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
      fc.record({ kind: fc.constant('lock' as const) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const clipboard = fakeClipboard()
        const guard = createAsyncClipboardGuard({ clipboard: clipboard.port, timers: systemTimers })
        for (const action of steps) {
          if (action.kind === 'ours') await guard.copySecret(makeCanaryToken(action.seed))
          else if (action.kind === 'user') clipboard.userCopies(action.text)
          else if (action.kind === 'wait') await advance(action.ms)
          else await guard.clearNow()
        }
        await advance(CLIPBOARD_CLEAR_DELAY_MS.max)
        expect(clipboard.clears.filter((clear) => clear.writer !== 'us')).toEqual([])
        // …and whatever we wrote last is gone once its time is up.
        expect(clipboard.state.writer).not.toBe('us')
      }),
      { numRuns: 300 },
    )
  })

  it.each(['lock', 'quit'])('clears our value at once on %s, and not again later', async () => {
    const clipboard = fakeClipboard()
    const guard = createAsyncClipboardGuard({ clipboard: clipboard.port, timers: systemTimers })
    await guard.copySecret(makeCanaryToken(3))
    await advance(5_000)
    expect(await guard.clearNow()).toBe('cleared')
    expect(clipboard.clears).toEqual([{ at: start + 5_000, writer: 'us' }])
    clipboard.userCopies('later text')
    await advance(60_000)
    expect(clipboard.clears).toHaveLength(1)
    expect(clipboard.state.text).toBe('later text')
  })

  it('restarts the countdown on a new copy (the old one no longer applies)', async () => {
    const clipboard = fakeClipboard()
    const guard = createAsyncClipboardGuard({ clipboard: clipboard.port, timers: systemTimers })
    await guard.copySecret(makeCanaryToken(4))
    await advance(20_000)
    await guard.copySecret(makeCanaryToken(5))
    await advance(20_000)
    expect(clipboard.clears).toEqual([])
    await advance(10_000)
    expect(clipboard.clears).toEqual([{ at: start + 50_000, writer: 'us' }])
  })

  it('does not clear when the clipboard cannot be read (it may not be ours)', async () => {
    const clipboard = fakeClipboard()
    const guard = createAsyncClipboardGuard({
      clipboard: {
        ...clipboard.port,
        readText: async () => {
          throw new Error('no focus')
        },
      },
      timers: systemTimers,
    })
    await guard.copySecret(makeCanaryToken(6))
    expect(await guard.clearNow()).toBe('unreadable')
    expect(clipboard.clears).toEqual([])
  })

  it('keeps the token out of the error when the write fails', async () => {
    const token = makeCanaryToken(7)
    const guard = createAsyncClipboardGuard({
      clipboard: {
        writeSecret: async (text) => {
          throw new Error(`cannot write ${text}`)
        },
        readText: async () => '',
        clear: () => {},
      },
      timers: systemTimers,
    })
    let message = ''
    try {
      await guard.copySecret(token)
    } catch (error) {
      message = String(error) + String((error as Error).stack)
    }
    expect(message).toContain('clipboard-write-failed')
    expect(message).not.toContain(token)
    expect(await guard.clearNow()).toBe('nothing-pending')
  })

  it('refuses delays outside 10–120 s', () => {
    const { port } = fakeClipboard()
    expect(() => createAsyncClipboardGuard({ clipboard: port, clearDelayMs: 9_999 })).toThrow(
      RangeError,
    )
    expect(() => createAsyncClipboardGuard({ clipboard: port, clearDelayMs: 120_001 })).toThrow(
      RangeError,
    )
    expect(() => createAsyncClipboardGuard({ clipboard: port, clearDelayMs: 10_000 })).not.toThrow()
  })
})
