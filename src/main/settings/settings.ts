import type { ConnectionSummary } from '@shared/ipc/schemas/connect'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import {
  DEFAULT_VAULT_PREFERENCES,
  type VaultPreferences,
} from '@shared/ipc/schemas/vault-preferences'

/** Everything main keeps outside the keychain. No field here may ever hold a secret. */
export interface Settings extends Record<string, unknown> {
  /** Metadata of every token in the vault; secrets are in the keychain under the record id. */
  vaultRecords: VaultRecordSummary[]
  /**
   * Who is connected to which app (Connect step): metadata only. The admin's token and the app
   * secret sit in the keychain under ids derived from `mode` and `appId`
   * (connect/app-credentials.ts). Older versions called `mode` `target`: migrations.ts reads it.
   */
  connection: ConnectionSummary | null
  /** The business chosen last time, per `<mode>:<appId>`, so reconnecting picks it again. */
  rememberedBusinesses: Record<string, string>
  /** Idle lock and clipboard clear delay, chosen in the vault's settings panel. */
  vaultPreferences: VaultPreferences
}

export const DEFAULT_SETTINGS: Settings = {
  vaultRecords: [],
  connection: null,
  rememberedBusinesses: {},
  vaultPreferences: DEFAULT_VAULT_PREFERENCES,
}
