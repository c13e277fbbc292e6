import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  type AttemptFailure,
  type CallKind,
} from './retry'

describe('retry policy (REL-02)', () => {
  it('matches the policy table', () => {
    const table: Record<AttemptFailure, Record<CallKind, string>> = {
      'not-sent': { read: 'retry', 'idempotent-write': 'retry', create: 'retry' },
      throttle: { read: 'retry', 'idempotent-write': 'retry', create: 'retry' },
      'maybe-sent': { read: 'retry', 'idempotent-write': 'retry', create: 'unknown-outcome' },
      transient: { read: 'retry', 'idempotent-write': 'retry', create: 'unknown-outcome' },
      timeout: { read: 'stop', 'idempotent-write': 'stop', create: 'unknown-outcome' },
      final: { read: 'stop', 'idempotent-write': 'stop', create: 'stop' },
    }
    for (const [failure, byKind] of Object.entries(table)) {
      for (const [kind, decision] of Object.entries(byKind)) {
        expect(decideRetry(kind as CallKind, failure as AttemptFailure), `${failure}/${kind}`).toBe(
          decision,
        )
      }
    }
  })

  it('keeps the documented defaults: 5 attempts, 1 s base, 60 s cap, 15 min total', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      maxAttempts: 5,
      baseMs: 1000,
      capMs: 60_000,
      maxTotalMs: 900_000,
    })
  })

  it('draws every delay from [0, min(cap, base·2ⁿ)], whatever the random source returns', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double(), (n, draw) => {
        const delay = backoffDelayMs(n, DEFAULT_RETRY_POLICY, () => draw)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThanOrEqual(Math.min(60_000, 1000 * 2 ** n))
      }),
      { numRuns: 2000 },
    )
  })

  it('uses the whole window (full jitter), not a fixed step', () => {
    expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, () => 0)).toBe(0)
    expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(4000)
    expect(backoffDelayMs(10, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(30_000)
  })
})
