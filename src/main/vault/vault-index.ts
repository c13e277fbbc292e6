import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import type { KvStore } from '../settings/kv-store'
import { migrateVaultRecords } from '../settings/migrations'
import type { Settings } from '../settings/settings'

/**
 * The vault's metadata index: what the vault lists and searches offline, without touching the
 * keychain. Secrets live in the SecretStore under each record's id. Writers (the setup flow,
 * import, refresh) go through add/update/remove so the index stays the one source of truth.
 */
export interface VaultIndex {
  list(query?: string): VaultRecordSummary[]
  get(id: string): VaultRecordSummary | undefined
  /** Adds a record; a record with the same id is replaced (idempotent for resumed runs). */
  put(record: VaultRecordSummary): void
  update(
    id: string,
    change: Partial<Omit<VaultRecordSummary, 'id'>>,
  ): VaultRecordSummary | undefined
  /** True when a record was removed. The caller removes the keychain entry. */
  remove(id: string): boolean
}

const searchableText = (record: VaultRecordSummary): string =>
  [
    record.businessName,
    record.businessId,
    record.systemUserName ?? '',
    record.systemUserId ?? '',
    record.appName ?? '',
    record.appId,
    ...record.scopes,
  ]
    .join(' ')
    .toLowerCase()

export function createVaultIndex(settings: KvStore<Settings>): VaultIndex {
  // Records an older version stored are read in today's shape (settings/migrations.ts); every
  // write below stores what all() answered, so the index is migrated on its next change. The
  // answer is kept while the store hands back the same array, so a list of 10,000 records is not
  // scanned again on every read.
  let read: { stored: VaultRecordSummary[]; records: VaultRecordSummary[] } | undefined
  const all = (): VaultRecordSummary[] => {
    const stored = settings.get('vaultRecords')
    if (read?.stored !== stored) read = { stored, records: migrateVaultRecords(stored) }
    return read.records
  }
  return {
    list(query) {
      const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean)
      if (words.length === 0) return all()
      return all().filter((record) => {
        const text = searchableText(record)
        return words.every((word) => text.includes(word))
      })
    },
    get: (id) => all().find((record) => record.id === id),
    put(record) {
      settings.set('vaultRecords', [...all().filter((r) => r.id !== record.id), record])
    },
    update(id, change) {
      const current = all().find((record) => record.id === id)
      if (!current) return undefined
      const next = { ...current, ...change, id }
      settings.set(
        'vaultRecords',
        all().map((record) => (record.id === id ? next : record)),
      )
      return next
    },
    remove(id) {
      const records = all()
      const kept = records.filter((record) => record.id !== id)
      if (kept.length === records.length) return false
      settings.set('vaultRecords', kept)
      return true
    },
  }
}
