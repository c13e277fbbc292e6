import type { MessageParams } from '@shared/result'
import type { ConnectionSummary, PreflightLine } from '@shared/ipc/schemas/connect'
import type { MessageKey } from '../i18n/message-key'

/** A message to show: its key and what fills it. */
export interface Words {
  readonly key: MessageKey
  readonly params?: MessageParams
}

const DAY_MS = 24 * 60 * 60 * 1000
// Dates only: "when does my sign-in stop working" needs a day, not a minute.
const DATE_FORMAT = new Intl.DateTimeFormat('en', { dateStyle: 'medium' })

/** Formats an ISO date as the app shows dates everywhere (e.g. "12 Jan 2027" in English). */
export const formatDate = (iso: string): string => DATE_FORMAT.format(new Date(iso))

/**
 * When the connection's token stops working, in words. `null` means Meta reported no expiry
 * (`expires_at: 0`, e.g. a never-expiring system user token — docs/user-research.md §1.5).
 */
export function expiryWords(expiresAt: string | null, now: Date): Words {
  if (expiresAt === null) return { key: 'connect.summary.expiresNever' }
  const date = formatDate(expiresAt)
  const left = new Date(expiresAt).getTime() - now.getTime()
  if (left <= 0) return { key: 'connect.summary.expired', params: { date } }
  const days = Math.floor(left / DAY_MS)
  if (days === 0) return { key: 'connect.summary.expiresToday', params: { date } }
  if (days === 1) return { key: 'connect.summary.expiresTomorrow', params: { date } }
  return { key: 'connect.summary.expiresInDays', params: { days, date } }
}

/** Whose token the connection uses, in words. */
export const TOKEN_KIND_KEYS: Readonly<Record<ConnectionSummary['tokenKind'], MessageKey>> = {
  user: 'connect.summary.kindUser',
  'system-user': 'connect.summary.kindSystemUser',
}

/**
 * A business portfolio's verification status in words. Meta sends an enum string
 * (`verification_status` on the Business node); anything not listed here gets a neutral
 * "not known" rather than Meta's raw value.
 */
export function verificationKey(status: string): MessageKey {
  switch (status.toLowerCase()) {
    case 'verified':
      return 'connect.verification.verified'
    case 'not_verified':
    case 'ineligible':
      return 'connect.verification.notVerified'
    case 'pending':
    case 'pending_submission':
    case 'pending_need_more_info':
    case 'in_review':
      return 'connect.verification.pending'
    case 'failed':
    case 'rejected':
    case 'revoked':
    case 'expired':
      return 'connect.verification.failed'
    default:
      return 'connect.verification.unknown'
  }
}

/** The word beside each preflight line's icon: the meaning never rests on colour alone. */
export const PREFLIGHT_STATUS_KEYS: Readonly<Record<PreflightLine['status'], MessageKey>> = {
  pass: 'connect.preflight.status.pass',
  fail: 'connect.preflight.status.fail',
  warn: 'connect.preflight.status.warn',
}
