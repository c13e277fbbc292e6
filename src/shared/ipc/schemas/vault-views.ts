import { z } from 'zod'
import { TEXT } from '../limits'

/**
 * The vault's read-only views beside the record list: the activity (audit) log, expiry reminders
 * and the expiry timeline, and the events main sends about the vault. Split from vault.ts to keep
 * each schema file about one thing.
 */

const Id = z.string().min(1).max(TEXT.short)
const Key = z.string().max(TEXT.short)

/** What a health check found (see LastCheck in vault.ts). */
export const CHECK_OUTCOMES = [
  'valid',
  'expired',
  'revoked',
  'invalid',
  'scopes-changed',
  'wrong-app',
  'unknown',
] as const
export const CheckOutcome = z.enum(CHECK_OUTCOMES)
export type CheckOutcome = z.infer<typeof CheckOutcome>

/**
 * Which audit entries to show or export: one action, one outcome, and a time range (`from`
 * inclusive, `to` exclusive). The renderer turns the admin's local calendar days into instants,
 * so "1 March" means the admin's 1 March, not UTC's.
 */
/**
 * The actions and outcomes the audit log records; main's audit-entry.ts uses these very lists.
 * They are written into the hash-chained log and appear as they are in its CSV, so they keep the
 * names they were first written with: `vault-exported` is "made an encrypted backup" and
 * `vault-imported` "restored an encrypted backup" (`token-imported` adds one existing token).
 */
export const AUDIT_ACTION_NAMES = [
  'connect',
  'disconnect',
  'system-user-created',
  'assets-assigned',
  'app-installed',
  'token-generated',
  'token-saved',
  'token-revealed',
  'token-copied',
  'token-refreshed',
  'token-rotated',
  'token-revoked',
  'token-imported',
  'record-removed',
  'health-checked',
  'inventory-exported',
  'vault-exported',
  'vault-imported',
  'vault-locked',
  'audit-exported',
  'vault-preferences-changed',
] as const
export const AUDIT_OUTCOME_NAMES = ['succeeded', 'failed', 'cancelled', 'refused'] as const

const AuditFilterFields = {
  action: z.enum(AUDIT_ACTION_NAMES).optional(),
  outcome: z.enum(AUDIT_OUTCOME_NAMES).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
}
export const AuditFilter = z.strictObject(AuditFilterFields)
export type AuditFilter = z.infer<typeof AuditFilter>

export const AuditListRequest = z.strictObject({
  limit: z.number().int().min(1).max(500).optional(),
  /** The previous page's `nextBefore`. */
  before: z.number().int().nonnegative().optional(),
  ...AuditFilterFields,
})
export type AuditListRequest = z.infer<typeof AuditListRequest>
export const AuditEntryView = z.strictObject({
  index: z.number().int().nonnegative(),
  at: z.iso.datetime(),
  /** i18n key of the action's and the outcome's label, plus the raw values for filtering. */
  action: z.string().max(50),
  actionKey: Key,
  outcome: z.string().max(20),
  outcomeKey: Key,
  recordId: Id.optional(),
  businessId: Id.optional(),
  systemUserId: Id.optional(),
  detailKey: Key.optional(),
  redacted: z.boolean().optional(),
})
export type AuditEntryView = z.infer<typeof AuditEntryView>
export const AuditListResponse = z.strictObject({
  entries: z.array(AuditEntryView),
  nextBefore: z.number().int().nonnegative().nullable(),
  /** Whether the hash chain holds; when not, the i18n key and the line where it breaks. */
  chain: z.strictObject({
    ok: z.boolean(),
    messageKey: Key,
    line: z.number().int().nonnegative().optional(),
  }),
})

export const ReminderView = z.strictObject({
  recordId: Id,
  expiresAt: z.iso.datetime(),
  daysLeft: z.number().int().nonnegative(),
  messageKey: Key,
  params: z.strictObject({ days: z.number().int() }),
})
export const TimelineView = z.strictObject({
  horizonDays: z.number().int().positive(),
  bucketDays: z.number().int().positive(),
  expired: z.array(Id),
  buckets: z.array(
    z.strictObject({
      fromDay: z.number().int().nonnegative(),
      toDay: z.number().int().positive(),
      recordIds: z.array(Id),
    }),
  ),
  later: z.array(Id),
  never: z.array(Id),
})
/**
 * What expires soon: reminders newly due (each shown once per milestone: 14, 7, 1 days), every
 * record expiring within 14 days (the "expiring soon" view) and the timeline picture (90 days).
 * The channel's response (RemindersResponse in vault.ts) adds the records that need attention.
 */
export const ExpiryRemindersView = z.strictObject({
  due: z.array(ReminderView),
  expiringSoon: z.array(Id),
  timeline: TimelineView,
})

export const VaultChangedEvent = z.strictObject({ ids: z.array(Id).max(10_000) })
/** Why the vault locked; `hand-out-limit`: too many reveals and copies in a short time. */
export const LOCK_REASONS = ['idle', 'lock-screen', 'suspend', 'manual', 'hand-out-limit'] as const
export const VaultLockedEvent = z.strictObject({
  reason: z.enum(LOCK_REASONS),
  messageKey: Key,
})
export const RevealEndedEvent = z.strictObject({
  recordId: Id,
  reason: z.enum(['timeout', 'blur', 'lock', 'navigation', 'replaced', 'user']),
})
export const HealthProgressEvent = z.strictObject({
  jobId: Id,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The record just checked and what was found. */
  recordId: Id.optional(),
  outcome: CheckOutcome.optional(),
  state: z.enum(['running', 'finished', 'cancelled']),
})
export type HealthProgressEvent = z.infer<typeof HealthProgressEvent>
