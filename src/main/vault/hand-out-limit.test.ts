import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createHandOutLimit, HAND_OUT_LIMIT } from './hand-out-limit'

describe('the hand-out limit', () => {
  it('allows the count within one window and refuses the next', () => {
    const limit = createHandOutLimit({ count: 3, windowMs: 1_000 })
    expect([0, 10, 20, 30].map((at) => limit.take(at))).toEqual([true, true, true, false])
  })

  it('frees a place once the oldest hand-out has left the window', () => {
    const limit = createHandOutLimit({ count: 2, windowMs: 1_000 })
    expect([0, 500, 999, 1_000, 1_200, 1_499, 1_500].map((at) => limit.take(at))).toEqual([
      true,
      true,
      false,
      true,
      false,
      false,
      true,
    ])
  })

  it('starts with the whole budget after a reset', () => {
    const limit = createHandOutLimit({ count: 1, windowMs: 60_000 })
    expect(limit.take(0)).toBe(true)
    expect(limit.take(1)).toBe(false)
    limit.reset()
    expect(limit.take(2)).toBe(true)
  })

  it('never hands out more than the count in any window, whatever the timing', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 300_000 }), { maxLength: 400 }), (gaps) => {
        const limit = createHandOutLimit(HAND_OUT_LIMIT)
        const granted: number[] = []
        let now = 0
        for (const gap of gaps) {
          now += gap
          if (limit.take(now)) granted.push(now)
        }
        for (const start of granted) {
          const inWindow = granted.filter((at) => at >= start && at < start + HAND_OUT_LIMIT.windowMs)
          expect(inWindow.length).toBeLessThanOrEqual(HAND_OUT_LIMIT.count)
        }
      }),
    )
  })
})
