import type { ListVaultRequest, ListVaultResponse, VaultListItem } from '@shared/ipc/schemas/vault'
import { vaultStatus, type StatusFilter, type VaultStatusKind } from '@renderer/vault/vault-status'

/**
 * What main's paged list does (src/main/vault/vault-view.ts), over the fake's records: search
 * (every word somewhere, any case), the status filter, most urgent first, then one page with the
 * totals. The renderer tests drive the real stores and screens through it.
 */

export interface VaultQuery {
  readonly text: string
  readonly status: StatusFilter
}

const DEFAULT_LIMIT = 100
const ATTENTION_MAX = 50

/** Extra searchable words for a record that the summary does not carry (scope labels, assets). */
export type ExtraWords = (record: VaultListItem) => readonly string[]

const wordsOf = (text: string): string[] =>
  text
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)

/** All the text a record can be found by, lower-cased. */
export function searchableText(record: VaultListItem, extra?: ExtraWords): string {
  return [
    record.businessName,
    record.businessId,
    record.systemUserName ?? '',
    record.systemUserId ?? '',
    record.appName ?? '',
    record.appId,
    record.fingerprint,
    record.label ?? '',
    ...record.scopes,
    ...(record.assets ?? []).flatMap((asset) => [asset.name ?? '', asset.id]),
    ...(extra ? extra(record) : []),
  ]
    .join('\n')
    .toLocaleLowerCase()
}

/** The records matching the query, in the order given. */
export function filterRecords<R extends VaultListItem>(
  records: readonly R[],
  query: VaultQuery,
  now: number,
  extra?: ExtraWords,
): R[] {
  const words = wordsOf(query.text)
  return records.filter((record) => {
    if (query.status !== 'all' && vaultStatus(record, now).kind !== query.status) return false
    if (words.length === 0) return true
    const text = searchableText(record, extra)
    return words.every((word) => text.includes(word))
  })
}

/** How many records have each status: the filter shows the counts beside each choice. */
export function countByStatus(
  records: readonly VaultListItem[],
  now: number,
): Readonly<Record<VaultStatusKind, number>> {
  const counts: Record<VaultStatusKind, number> = {
    expired: 0,
    revoked: 0,
    invalid: 0,
    expiring: 0,
    unknown: 0,
    valid: 0,
  }
  for (const record of records) counts[vaultStatus(record, now).kind] += 1
  return counts
}

/** Lower is more urgent: broken now, then about to break, then unsure, then fine. */
const URGENCY: Readonly<Record<VaultStatusKind, number>> = {
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
 * Records sorted by urgency: status first, then the soonest expiry, then business and system user
 * names so the order is stable and predictable for people scanning the list.
 */
export function sortByUrgency<R extends VaultListItem>(records: readonly R[], now: number): R[] {
  const keyed = records.map((record) => ({
    record,
    urgency: URGENCY[vaultStatus(record, now).kind],
  }))
  keyed.sort(
    (a, b) =>
      a.urgency - b.urgency ||
      expiryTime(a.record) - expiryTime(b.record) ||
      a.record.businessName.localeCompare(b.record.businessName) ||
      (a.record.systemUserName ?? '').localeCompare(b.record.systemUserName ?? '') ||
      a.record.id.localeCompare(b.record.id),
  )
  return keyed.map((entry) => entry.record)
}

/** One page of the fake's records, answered like `vault:records-list`. */
export function fakeListPage(
  records: readonly VaultListItem[],
  request: ListVaultRequest,
  now: number,
): ListVaultResponse {
  const matches = sortByUrgency(
    filterRecords(records, { text: request.query ?? '', status: request.status ?? 'all' }, now),
    now,
  )
  const limit = request.limit ?? DEFAULT_LIMIT
  const lastStart = matches.length === 0 ? 0 : Math.floor((matches.length - 1) / limit) * limit
  const offset = Math.min(request.offset ?? 0, lastStart)
  const counts = countByStatus(records, now)
  return {
    records: matches.slice(offset, offset + limit),
    offset,
    total: records.length,
    matched: matches.length,
    counts: { ...counts },
  }
}

/** The "expiring soon" panel's records, as main's reminders answer them. */
export function fakeAttention(records: readonly VaultListItem[], now: number): VaultListItem[] {
  return sortByUrgency(
    records.filter((record) => {
      const kind = vaultStatus(record, now).kind
      return kind === 'expiring' || kind === 'expired'
    }),
    now,
  ).slice(0, ATTENTION_MAX)
}
