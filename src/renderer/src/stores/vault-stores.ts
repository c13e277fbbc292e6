import { handMainEventsTo } from './main-events'
import { useNavigationStore } from './navigation-store'
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

// Only while the vault home is on screen: opening it reads the list and the lock state fresh, and
// leaving it has already hidden any revealed value and forgotten the tool's typed secrets, so an
// event off screen has nothing to update.
const vaultOnScreen = (): boolean => useNavigationStore.getState().home === 'vault'

handMainEventsTo('vault', {
  onVaultChanged: () => {
    if (!vaultOnScreen()) return
    void useVaultListStore.getState().recordsChanged()
    void useVaultRecordStore.getState().recordChanged()
  },
  onVaultLocked: (event) => {
    if (!vaultOnScreen()) return
    // Wipe first, then show the lock screen: no revealed value or typed secret survives a lock.
    useVaultRevealStore.getState().vaultLocked()
    useVaultToolsStore.getState().toolLeft()
    useVaultViewStore.getState().vaultLocked(event.messageKey)
  },
  onRevealEnded: (event) => {
    if (vaultOnScreen()) useVaultRevealStore.getState().revealEnded(event.recordId)
  },
  onHealthProgress: (event) => {
    if (vaultOnScreen()) useVaultListStore.getState().healthProgressed(event)
  },
})
