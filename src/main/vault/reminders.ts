import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { ResponseOf } from '@shared/ipc/contract'
import { ATTENTION_MAX } from '@shared/ipc/schemas/vault'
import { dueReminders, expiryStatus, timeline, type SentReminders } from './expiry'
import type { VaultContext } from './vault-context'
import { filterRecords } from './vault-view'

/**
 * Expiry reminders (SEC-17) at 14, 7 and 1 days: each shown once per record and expiry date —
 * in the app (the "expiring soon" view on open) and as an OS notification in the desktop app (the
 * preview's port only records). What was already shown is kept in `<dataDir>/vault/reminders.json`
 * (record ids, dates and milestones only), so a restart does not repeat a reminder.
 */

/** How far ahead the timeline picture looks, and how wide each column is. */
export const TIMELINE = { horizonDays: 90, bucketDays: 7 } as const
/** How often main looks for due reminders while the app runs. */
export const REMINDER_POLL_MS = 60 * 60 * 1000

const SentFile = z.array(z.string().max(400)).max(200_000)

export interface ReminderStore extends SentReminders {
  add(keys: readonly string[]): void
}

/** The sent-set on disk; an unreadable file counts as empty (a reminder may repeat, never vanish). */
export function createReminderStore(dataDir: string): ReminderStore {
  const dir = join(dataDir, 'vault')
  const file = join(dir, 'reminders.json')
  let sent: Set<string> | null = null
  const load = (): Set<string> => {
    if (sent) return sent
    try {
      const parsed = SentFile.safeParse(JSON.parse(readFileSync(file, 'utf8')))
      sent = new Set(parsed.success ? parsed.data : [])
    } catch {
      sent = new Set()
    }
    return sent
  }
  return {
    has: (key) => load().has(key),
    add(keys) {
      const all = load()
      for (const key of keys) all.add(key)
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const temporary = `${file}.tmp`
      writeFileSync(temporary, JSON.stringify([...all]), { mode: 0o600 })
      renameSync(temporary, file)
      chmodSync(file, 0o600)
    },
  }
}

export type RemindersView = ResponseOf<'vault:reminders'>

/**
 * Finds reminders now due, shows each as an OS notification, remembers them, and returns them
 * with the "expiring soon" list and the timeline picture.
 */
export function collectReminders(context: VaultContext, store: ReminderStore): RemindersView {
  const now = context.now()
  const records = context.deps.vault.list()
  const due = dueReminders(records, now, store)
  for (const reminder of due) {
    try {
      context.deps.notifications.show({
        titleKey: 'vaultMain.notification.title',
        bodyKey: reminder.messageKey,
        params: { days: reminder.daysLeft },
      })
    } catch {
      context.deps.log.warn('vault.notification-failed')
    }
  }
  if (due.length > 0) {
    try {
      store.add(due.flatMap((reminder) => reminder.sentKeys))
    } catch {
      context.deps.log.warn('vault.reminders-save-failed')
    }
  }
  const horizon = timeline(records, now, TIMELINE.horizonDays, TIMELINE.bucketDays)
  const attention = filterRecords(records, {}, now)
    .filter((item) => item.status?.state === 'expired' || item.status?.state === 'expiring')
    .slice(0, ATTENTION_MAX)
  return {
    attention,
    due: due.map((reminder) => ({
      recordId: reminder.recordId,
      expiresAt: reminder.expiresAt,
      daysLeft: reminder.daysLeft,
      messageKey: reminder.messageKey,
      params: { days: reminder.daysLeft },
    })),
    expiringSoon: records
      .filter((record) => expiryStatus(record, now).state === 'expiring')
      .map((record) => record.id),
    timeline: {
      ...horizon,
      expired: [...horizon.expired],
      later: [...horizon.later],
      never: [...horizon.never],
      buckets: horizon.buckets.map((bucket) => ({ ...bucket, recordIds: [...bucket.recordIds] })),
    },
  }
}
