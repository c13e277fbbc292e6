import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'

/** Everything main keeps outside the keychain. No field here may ever hold a secret. */
export interface Settings extends Record<string, unknown> {
  /** Metadata of every token in the vault; secrets are in the keychain under the record id. */
  vaultRecords: VaultRecordSummary[]
}

export const DEFAULT_SETTINGS: Settings = {
  vaultRecords: [],
}
