import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import type { KvStore } from '../settings/kv-store'
import type { Settings } from '../settings/settings'

/**
 * The vault's metadata index: what the vault lists and searches offline, without touching the
 * keychain. Secrets live in the SecretStore under each record's id.
 */
export interface VaultIndex {
  list(query?: string): VaultRecordSummary[]
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
  return {
    list(query) {
      const records = settings.get('vaultRecords')
      const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean)
      if (words.length === 0) return records
      return records.filter((record) => {
        const text = searchableText(record)
        return words.every((word) => text.includes(word))
      })
    },
  }
}
