import type {
  ListVaultRequest,
  VaultListItem,
  VaultRecordSummary,
  VaultStatus,
} from '@shared/ipc/schemas/vault'
import { expiryStatus } from './expiry'

/**
 * What the list and the detail show, computed from metadata alone: no keychain read, no network
 * (the vault's "offline viewing" promise). Status at a glance combines the recorded expiry with the
 * last check: a check that found the token revoked or invalid wins over a date that is still ahead.
 */

/** The record's status at `now` (ms since the epoch). */
export function statusOf(record: VaultRecordSummary, now: number): VaultStatus {
  const expiry = expiryStatus(record, now)
  const outcome = record.lastCheck?.outcome
  if (outcome === 'revoked') return { state: 'revoked', daysLeft: expiry.daysLeft }
  if (outcome === 'invalid' || outcome === 'wrong-app') {
    return { state: 'invalid', daysLeft: expiry.daysLeft }
  }
  if (expiry.state === 'expired' || outcome === 'expired') return { state: 'expired', daysLeft: 0 }
  if (outcome === 'unknown') return { state: 'unknown', daysLeft: expiry.daysLeft }
  if (expiry.state === 'expiring') return { state: 'expiring', daysLeft: expiry.daysLeft }
  return { state: 'valid', daysLeft: expiry.daysLeft }
}

export const toListItem = (record: VaultRecordSummary, now: number): VaultListItem => ({
  ...record,
  status: statusOf(record, now),
})

/** Everything free-text search looks at, lower-cased once per record. */
function searchableText(record: VaultRecordSummary): string {
  return [
    record.businessName,
    record.businessId,
    record.systemUserName ?? '',
    record.systemUserId ?? '',
    record.appName ?? '',
    record.appId,
    record.label ?? '',
    record.notes ?? '',
    record.fingerprint,
    ...record.scopes,
    ...(record.assets ?? []).flatMap((asset) => [asset.id, asset.name ?? '', asset.kind]),
  ]
    .join('\n')
    .toLowerCase()
}

/**
 * Filters records by the list request: every word of `query` must appear somewhere, and every
 * given field must match exactly. Newest first, so a fresh token is at the top.
 */
export function filterRecords(
  records: readonly VaultRecordSummary[],
  request: ListVaultRequest,
  now: number,
): VaultListItem[] {
  const words = (request.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const out: VaultListItem[] = []
  for (const record of records) {
    if (request.businessId !== undefined && record.businessId !== request.businessId) continue
    if (request.systemUserId !== undefined && record.systemUserId !== request.systemUserId) continue
    if (request.appId !== undefined && record.appId !== request.appId) continue
    if (request.scope !== undefined && !record.scopes.includes(request.scope)) continue
    if (
      request.assetId !== undefined &&
      !(record.assets ?? []).some((asset) => asset.id === request.assetId)
    ) {
      continue
    }
    if (words.length > 0) {
      const text = searchableText(record)
      if (!words.every((word) => text.includes(word))) continue
    }
    const item = toListItem(record, now)
    if (request.status !== undefined && item.status?.state !== request.status) continue
    out.push(item)
  }
  // ISO timestamps of one format sort as text; reverse for newest first.
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
}

/** Last 4 characters: enough to tell tokens apart, far too little to use one. */
export const fingerprintOf = (token: string): string => token.slice(-4)
