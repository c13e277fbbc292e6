import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import {
  EXPIRING_WINDOW_DAYS,
  dueReminders,
  expiryStatus,
  reminderKey,
  timeline,
  type ExpiringRecord,
} from './expiry'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const EXPIRES = Date.UTC(2026, 5, 30, 12, 0, 0)
const record = (id: string, expiresAt: number | null): ExpiringRecord => ({
  id,
  expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
})

/** A sent-set the way the caller keeps one: add every key of every reminder shown. */
function ledger() {
  const sent = new Set<string>()
  return {
    sent,
    has: (key: string) => sent.has(key),
    mark: (keys: readonly string[]) => keys.forEach((key) => sent.add(key)),
  }
}

describe('expiryStatus', () => {
  it('calls a token without an expiry date "never", with no day count', () => {
    expect(expiryStatus(record('a', null), EXPIRES)).toEqual({ state: 'never', daysLeft: null })
  })

  it('turns "expiring" at exactly T−14 days, not a minute before', () => {
    const token = record('a', EXPIRES)
    expect(expiryStatus(token, EXPIRES - 14 * DAY - MINUTE)).toEqual({
      state: 'valid',
      daysLeft: 15,
    })
    expect(expiryStatus(token, EXPIRES - 14 * DAY)).toEqual({ state: 'expiring', daysLeft: 14 })
  })

  it('is expired from the expiry instant on, and for an unreadable date', () => {
    expect(expiryStatus(record('a', EXPIRES), EXPIRES - 1)).toEqual({
      state: 'expiring',
      daysLeft: 1,
    })
    expect(expiryStatus(record('a', EXPIRES), EXPIRES)).toEqual({ state: 'expired', daysLeft: 0 })
    expect(expiryStatus({ id: 'a', expiresAt: 'not a date' }, EXPIRES)).toEqual({
      state: 'expired',
      daysLeft: 0,
    })
  })

  it('is "expiring" exactly when 1 <= daysLeft <= 14, for any distance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * DAY }), (left) => {
        const status = expiryStatus(record('a', EXPIRES), EXPIRES - left)
        expect(status.daysLeft).toBe(Math.ceil(left / DAY))
        expect(status.state).toBe(
          (status.daysLeft ?? 0) <= EXPIRING_WINDOW_DAYS ? 'expiring' : 'valid',
        )
      }),
      { numRuns: 2000 },
    )
  })
})

describe('dueReminders', () => {
  it('fires the first reminder at exactly T−14 days, not a minute before', () => {
    const records = [record('a', EXPIRES)]
    expect(dueReminders(records, EXPIRES - 14 * DAY - MINUTE, ledger())).toEqual([])
    const [reminder, ...rest] = dueReminders(records, EXPIRES - 14 * DAY, ledger())
    expect(rest).toEqual([])
    expect(reminder).toMatchObject({ recordId: 'a', milestone: 14, daysLeft: 14 })
    expect(reminder?.messageKey).toBe('vaultMain.expiry.reminder')
  })

  it('reminds once at each of T−14, T−7 and T−1 when the app checks every minute', () => {
    const records = [record('a', EXPIRES), record('b', EXPIRES + 3 * DAY), record('c', null)]
    const sent = ledger()
    const fired: { id: string; milestone: number; at: number }[] = []
    for (let at = EXPIRES - 20 * DAY; at <= EXPIRES + DAY; at += MINUTE) {
      for (const reminder of dueReminders(records, at, sent)) {
        fired.push({ id: reminder.recordId, milestone: reminder.milestone, at })
        sent.mark(reminder.sentKeys)
      }
    }
    expect(fired).toEqual([
      { id: 'a', milestone: 14, at: EXPIRES - 14 * DAY },
      { id: 'b', milestone: 14, at: EXPIRES - 11 * DAY },
      { id: 'a', milestone: 7, at: EXPIRES - 7 * DAY },
      { id: 'b', milestone: 7, at: EXPIRES - 4 * DAY },
      { id: 'a', milestone: 1, at: EXPIRES - 1 * DAY },
    ])
  })

  it('shows only the most urgent reminder after a long absence, and marks the missed ones', () => {
    const [reminder, ...rest] = dueReminders([record('a', EXPIRES)], EXPIRES - 3 * DAY, ledger())
    expect(rest).toEqual([])
    expect(reminder?.milestone).toBe(7)
    expect(reminder?.sentKeys).toEqual([
      reminderKey('a', new Date(EXPIRES).toISOString(), 14),
      reminderKey('a', new Date(EXPIRES).toISOString(), 7),
    ])
  })

  it('uses the "tomorrow" wording on the last day', () => {
    const [reminder] = dueReminders([record('a', EXPIRES)], EXPIRES - DAY, ledger())
    expect(reminder).toMatchObject({
      milestone: 1,
      messageKey: 'vaultMain.expiry.reminderTomorrow',
    })
    const [early] = dueReminders([record('a', EXPIRES)], EXPIRES - 14 * DAY, ledger())
    const keys = [reminder?.messageKey ?? '', early?.messageKey ?? '']
    expect(keys.filter((key) => !(key in en))).toEqual([])
  })

  it('starts over for a refreshed token (new expiry date)', () => {
    const sent = ledger()
    const old = dueReminders([record('a', EXPIRES)], EXPIRES - 5 * DAY, sent)
    sent.mark(old.flatMap((reminder) => reminder.sentKeys))
    expect(dueReminders([record('a', EXPIRES)], EXPIRES - 5 * DAY, sent)).toEqual([])
    const refreshed = record('a', EXPIRES + 55 * DAY)
    expect(dueReminders([refreshed], EXPIRES + 41 * DAY, sent)).toHaveLength(1)
  })

  it('never reminds about expired or never-expiring tokens', () => {
    const records = [record('a', EXPIRES), record('b', null)]
    expect(dueReminders(records, EXPIRES, ledger())).toEqual([])
    expect(dueReminders(records, EXPIRES + 30 * DAY, ledger())).toEqual([])
  })
})

describe('timeline', () => {
  const now = EXPIRES
  const records = [
    record('gone', now - DAY),
    record('soon', now + 2 * DAY),
    record('sooner', now + MINUTE),
    record('week2', now + 7 * DAY),
    record('edge', now + 30 * DAY),
    record('far', now + 200 * DAY),
    record('forever', null),
  ]

  it('sorts records into expired, weekly buckets up to the horizon, later and never', () => {
    const picture = timeline(records, now, 30)
    expect(picture.expired).toEqual(['gone'])
    expect(picture.never).toEqual(['forever'])
    expect(picture.later).toEqual(['edge', 'far'])
    expect(picture.buckets).toEqual([
      { fromDay: 0, toDay: 7, recordIds: ['sooner', 'soon'] },
      { fromDay: 7, toDay: 14, recordIds: ['week2'] },
      { fromDay: 14, toDay: 21, recordIds: [] },
      { fromDay: 21, toDay: 28, recordIds: [] },
      { fromDay: 28, toDay: 30, recordIds: [] },
    ])
  })

  it('places every record in exactly one group', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -100 * DAY, max: 400 * DAY })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 1, max: 30 }),
        (offsets, horizon, bucket) => {
          const input = offsets.map((offset, index) =>
            record(`r${index}`, offset === null ? null : now + offset),
          )
          const picture = timeline(input, now, horizon, Math.min(bucket, horizon))
          const placed = [
            ...picture.expired,
            ...picture.later,
            ...picture.never,
            ...picture.buckets.flatMap((column) => column.recordIds),
          ]
          expect(placed.sort()).toEqual(input.map((item) => item.id).sort())
        },
      ),
    )
  })

  it('refuses a horizon or bucket that is not a sensible whole number of days', () => {
    expect(() => timeline(records, now, 0)).toThrow(RangeError)
    expect(() => timeline(records, now, 1.5)).toThrow(RangeError)
    expect(() => timeline(records, now, 30, 31)).toThrow(RangeError)
  })
})
