import type { VaultListItem } from '@shared/ipc/schemas/vault'

/**
 * Where a saved token stands, worked out from its metadata alone — no keychain, no network — so
 * the list shows it offline. The expiry rule is main's (src/main/vault/expiry.ts, SEC-17): a token
 * counts as "expiring" from 14 days before it stops working, and days are rounded up.
 */

const DAY_MS = 24 * 60 * 60 * 1000

/** A token counts as "expiring" from exactly this many days before it expires (SEC-17). */
export const EXPIRING_WINDOW_DAYS = 14

export type VaultStatus =
  | { readonly kind: 'valid' }
  | { readonly kind: 'expiring'; readonly daysLeft: number }
  | { readonly kind: 'expired' }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'unknown'; readonly since: string }

export type VaultStatusKind = VaultStatus['kind']

/** The status filters the list offers, in the order shown. */
export const STATUS_KINDS: readonly VaultStatusKind[] = [
  'expired',
  'revoked',
  'invalid',
  'expiring',
  'unknown',
  'valid',
]

/**
 * The status of a record at `now`. What Meta said at the last check wins over the calendar for
 * revoked and not-valid tokens (a revoked token never comes back); the calendar wins for expiry,
 * because a token that was valid yesterday can have expired since.
 */
export function vaultStatus(record: VaultListItem, now: number): VaultStatus {
  const check = record.lastCheck
  // Main decides the status when it lists (the same rule); its answer wins over the local one.
  const decided = record.status
  if (decided) {
    switch (decided.state) {
      case 'expiring':
        return { kind: 'expiring', daysLeft: decided.daysLeft ?? 0 }
      case 'unknown':
        return { kind: 'unknown', since: check?.at ?? '' }
      default:
        return { kind: decided.state }
    }
  }
  if (check?.outcome === 'revoked') return { kind: 'revoked' }
  if (check?.outcome === 'expired') return { kind: 'expired' }
  // A token issued for another app cannot work with this one: as good as invalid here.
  if (check?.outcome === 'invalid' || check?.outcome === 'wrong-app') return { kind: 'invalid' }
  if (record.expiresAt !== null) {
    const left = Date.parse(record.expiresAt) - now
    // An unreadable date counts as expired: the safe side, and a check fixes the record.
    if (Number.isNaN(left) || left <= 0) return { kind: 'expired' }
    const daysLeft = Math.ceil(left / DAY_MS)
    if (daysLeft <= EXPIRING_WINDOW_DAYS) return { kind: 'expiring', daysLeft }
  }
  if (check?.outcome === 'unknown') return { kind: 'unknown', since: check.at }
  return { kind: 'valid' }
}

/** The list's status filter: everything, or one status. */
export type StatusFilter = 'all' | VaultStatusKind
