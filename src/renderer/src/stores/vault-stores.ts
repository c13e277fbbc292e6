import { useVaultAuditStore } from './vault-audit-store'
import { useVaultListStore } from './vault-list-store'
import { useVaultRecordStore } from './vault-record-store'
import { useVaultRevealStore } from './vault-reveal-store'
import { useVaultSettingsStore } from './vault-settings-store'
import { useVaultToolsStore } from './vault-tools-store'
import { useVaultViewStore } from './vault-view-store'

/** Puts every vault store back to its initial state (tests; a fresh window). */
export function resetVaultStores(): void {
  useVaultAuditStore.getState().reset()
  useVaultListStore.getState().reset()
  useVaultRecordStore.getState().reset()
  useVaultRevealStore.getState().reset()
  useVaultSettingsStore.getState().reset()
  useVaultToolsStore.getState().reset()
  useVaultViewStore.getState().reset()
}
