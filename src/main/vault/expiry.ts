/**
 * Token expiry, as pure functions of the records and "now" (SEC-17). Meta's system-user tokens
 * expire after 60 days unless the business allows never-expiring ones; the vault warns 14 days
 * ahead, reminds again at 7 and 1 days, and draws a timeline of what expires when. Nothing here
 * reads a clock or the keychain, so the list, the reminders and the picture work offline and are
 * tested on a fake clock to the millisecond.
 */

const DAY_MS = 24 * 60 * 60 * 1000

/** A token counts as "expiring" from exactly this many days before it expires (SEC-17). */
export const EXPIRING_WINDOW_DAYS = 14

/** Reminder milestones in days before expiry, most distant first. */
export const REMINDER_MILESTONES = [14, 7, 1] as const
export type ReminderMilestone = (typeof REMINDER_MILESTONES)[number]

/** The only fields expiry needs; a vault record summary has them. */
export interface ExpiringRecord {
  readonly id: string
  /** ISO timestamp, or null when the token never expires. */
  readonly expiresAt: string | null
}

export type ExpiryState = 'never' | 'valid' | 'expiring' | 'expired'

export interface ExpiryStatus {
  readonly state: ExpiryState
  /**
   * Whole days left, rounded up ("expires in 3 days" while 2.5 days remain), so a token is
   * "expiring" exactly when daysLeft <= 14. 0 once expired; null when it never expires.
   */
  readonly daysLeft: number | null
}

/** Milliseconds left, or NaN when the stored date cannot be read. */
function msLeft(record: ExpiringRecord, now: number): number {
  return record.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(record.expiresAt) - now
}

/** Where a token stands at `now` (ms since the epoch). */
export function expiryStatus(record: ExpiringRecord, now: number): ExpiryStatus {
  if (record.expiresAt === null) return { state: 'never', daysLeft: null }
  const left = msLeft(record, now)
  // An unreadable date is shown as expired: the safe side, it prompts a check that fixes the record.
  if (Number.isNaN(left) || left <= 0) return { state: 'expired', daysLeft: 0 }
  const daysLeft = Math.ceil(left / DAY_MS)
  return { state: left <= EXPIRING_WINDOW_DAYS * DAY_MS ? 'expiring' : 'valid', daysLeft }
}

/** One reminder to show (in-app, and as an OS notification in the desktop app). */
export interface ExpiryReminder {
  readonly recordId: string
  readonly expiresAt: string
  readonly milestone: ReminderMilestone
  readonly daysLeft: number
  /** i18n key of the reminder text; its params are `days`. */
  readonly messageKey: string
  /**
   * Keys to add to the sent-set once the reminder was shown: this milestone and any earlier one
   * that was missed while the app was closed, so a late start shows one reminder, not three.
   */
  readonly sentKeys: readonly string[]
}

/** What the caller remembers between runs (a persisted set of reminder keys). */
export interface SentReminders {
  has(key: string): boolean
}

/**
 * The key of one reminder. It includes the expiry date, so a refreshed or rotated token (a new
 * date) gets its own reminders again.
 */
export function reminderKey(
  recordId: string,
  expiresAt: string,
  milestone: ReminderMilestone,
): string {
  return `${recordId}|${expiresAt}|${milestone}`
}

/**
 * Reminders due at `now`: at exactly T−14, T−7 and T−1 days, each once per record and expiry date.
 * Expired and never-expiring tokens get none (the expired state is shown on its own). When several
 * milestones are due at once, only the most urgent is returned.
 */
export function dueReminders(
  records: readonly ExpiringRecord[],
  now: number,
  alreadySent: SentReminders,
): ExpiryReminder[] {
  const reminders: ExpiryReminder[] = []
  for (const record of records) {
    if (record.expiresAt === null) continue
    const left = msLeft(record, now)
    if (Number.isNaN(left) || left <= 0) continue
    const expiresAt = record.expiresAt
    const reached = REMINDER_MILESTONES.filter((days) => left <= days * DAY_MS)
    const mostUrgent = reached[reached.length - 1]
    if (mostUrgent === undefined) continue
    if (alreadySent.has(reminderKey(record.id, expiresAt, mostUrgent))) continue
    reminders.push({
      recordId: record.id,
      expiresAt,
      milestone: mostUrgent,
      daysLeft: Math.ceil(left / DAY_MS),
      messageKey:
        mostUrgent === 1 ? 'vaultMain.expiry.reminderTomorrow' : 'vaultMain.expiry.reminder',
      sentKeys: reached.map((days) => reminderKey(record.id, expiresAt, days)),
    })
  }
  return reminders
}

/** One column of the timeline picture: tokens expiring in [fromDay, toDay) days from now. */
export interface TimelineBucket {
  readonly fromDay: number
  readonly toDay: number
  /** Soonest first. */
  readonly recordIds: readonly string[]
}

export interface ExpiryTimeline {
  readonly horizonDays: number
  readonly bucketDays: number
  readonly expired: readonly string[]
  readonly buckets: readonly TimelineBucket[]
  /** Expiring after the horizon. */
  readonly later: readonly string[]
  readonly never: readonly string[]
}

function assertWholeDays(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${name} must be a whole number from 1 to ${max}`)
  }
}

/**
 * Groups records for the timeline picture: already expired, one bucket per `bucketDays` up to
 * `horizonDays` ahead (the last one shorter when the horizon is not a multiple), later, never.
 */
export function timeline(
  records: readonly ExpiringRecord[],
  now: number,
  horizonDays: number,
  bucketDays = 7,
): ExpiryTimeline {
  assertWholeDays('horizonDays', horizonDays, 3650)
  assertWholeDays('bucketDays', bucketDays, horizonDays)
  const dated: { id: string; left: number }[] = []
  const expired: string[] = []
  const later: string[] = []
  const never: string[] = []
  for (const record of records) {
    const left = msLeft(record, now)
    if (record.expiresAt === null) never.push(record.id)
    else if (Number.isNaN(left) || left <= 0) expired.push(record.id)
    else if (left >= horizonDays * DAY_MS) later.push(record.id)
    else dated.push({ id: record.id, left })
  }
  dated.sort((a, b) => a.left - b.left)
  const buckets: { fromDay: number; toDay: number; recordIds: string[] }[] = []
  for (let fromDay = 0; fromDay < horizonDays; fromDay += bucketDays) {
    buckets.push({ fromDay, toDay: Math.min(fromDay + bucketDays, horizonDays), recordIds: [] })
  }
  for (const { id, left } of dated) {
    buckets[Math.floor(left / (bucketDays * DAY_MS))]?.recordIds.push(id)
  }
  return { horizonDays, bucketDays, expired, buckets, later, never }
}
