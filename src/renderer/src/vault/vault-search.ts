import type { VaultListItem } from '@shared/ipc/schemas/vault'
import { vaultStatus, type VaultStatusKind } from './vault-status'

/**
 * The list's search and status filter, run in the renderer over the metadata main already sent:
 * typing never waits on main, never reads the keychain and needs no network (the vault's offline
 * promise). Every word must match somewhere (business, system user, app, scope, asset), in any
 * order and case, as in password managers' search boxes (reference/users-and-peers.md §4).
 */

/** The status filter: everything, or one status. */
export type StatusFilter = 'all' | VaultStatusKind

export interface VaultQuery {
  readonly text: string
  readonly status: StatusFilter
}

export const EMPTY_QUERY: VaultQuery = { text: '', status: 'all' }

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
