import {
  VAULT_PAGE_DEFAULT,
  type ListVaultRequest,
  type ListVaultResponse,
  type VaultListItem,
  type VaultRecordSummary,
  type VaultState,
  type VaultStatus,
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

/** Lower is more urgent: broken now, then about to break, then unsure, then fine. */
const URGENCY: Readonly<Record<VaultState, number>> = {
  expired: 0,
  revoked: 1,
  invalid: 2,
  expiring: 3,
  unknown: 4,
  valid: 5,
}

const expiryTime = (record: VaultListItem): number =>
  record.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(record.expiresAt)

/**
 * Most urgent first: status, then the soonest expiry, then business and system user names and the
 * id, so the order is total and stable — pages must not overlap or skip a record.
 */
function byUrgency(a: VaultListItem, b: VaultListItem): number {
  return (
    URGENCY[a.status?.state ?? 'unknown'] - URGENCY[b.status?.state ?? 'unknown'] ||
    expiryTime(a) - expiryTime(b) ||
    a.businessName.localeCompare(b.businessName) ||
    (a.systemUserName ?? '').localeCompare(b.systemUserName ?? '') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/**
 * Filters records by the list request: every word of `query` must appear somewhere, and every
 * given field must match exactly. Most urgent first (see byUrgency). `counts` tallies the status
 * of every record of the vault, whatever the filters.
 */
export function filterRecords(
  records: readonly VaultRecordSummary[],
  request: ListVaultRequest,
  now: number,
  counts?: Record<VaultState, number>,
): VaultListItem[] {
  const words = (request.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const out: VaultListItem[] = []
  for (const record of records) {
    const item = toListItem(record, now)
    if (counts && item.status) counts[item.status.state] += 1
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
    if (request.status !== undefined && item.status?.state !== request.status) continue
    if (words.length > 0) {
      const text = searchableText(record)
      if (!words.every((word) => text.includes(word))) continue
    }
    out.push(item)
  }
  return out.sort(byUrgency)
}

/**
 * One page of the list: the matches from `offset`, at most `limit` (100 by default, 200 at most —
 * the schema bounds it), with the totals the renderer needs to draw a pager and row positions.
 */
export function listPage(
  records: readonly VaultRecordSummary[],
  request: ListVaultRequest,
  now: number,
): ListVaultResponse {
  const counts: Record<VaultState, number> = {
    valid: 0,
    expiring: 0,
    expired: 0,
    revoked: 0,
    invalid: 0,
    unknown: 0,
  }
  const matches = filterRecords(records, request, now, counts)
  const limit = request.limit ?? VAULT_PAGE_DEFAULT
  // Past the end (the list shrank since the admin paged): show the last page, not an empty one.
  const lastStart = matches.length === 0 ? 0 : Math.floor((matches.length - 1) / limit) * limit
  const offset = Math.min(request.offset ?? 0, lastStart)
  return {
    records: matches.slice(offset, offset + limit),
    offset,
    total: records.length,
    matched: matches.length,
    counts,
  }
}

/** Last 4 characters: enough to tell tokens apart, far too little to use one. */
export const fingerprintOf = (token: string): string => token.slice(-4)
