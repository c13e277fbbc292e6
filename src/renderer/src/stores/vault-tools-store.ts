import { create } from 'zustand'
import type { AppError } from '@shared/result'
import type { MessageKey } from '../i18n/message-key'
import { backupPasswordProblem, type PasswordProblem } from '../vault/backup-password'
import { callApi } from './load-state'
import { useVaultListStore } from './vault-list-store'
import { useVaultViewStore } from './vault-view-store'

export type ToolsActivity = 'idle' | 'importing' | 'backing-up' | 'restoring' | 'inventory'

/** What the last backup action did, for the polite live region (key + params). */
export interface ToolsNotice {
  readonly key: MessageKey
  readonly params?: Readonly<Record<string, string | number>>
}

/** What main answers for a file it was asked to save: the admin may cancel the save dialog. */
type SaveAnswer = { outcome: 'cancelled' } | { outcome: string; count: number; location: string }

/** The state after a save answers: the error, "cancelled", or what was saved where. */
function afterSave(
  result: { ok: false; error: AppError } | { ok: true; value: SaveAnswer },
  savedKey: MessageKey,
): Pick<VaultToolsState, 'activity'> & Partial<Pick<VaultToolsState, 'error' | 'notice'>> {
  if (!result.ok) return { activity: 'idle', error: result.error }
  const answer = result.value
  if (!('location' in answer))
    return { activity: 'idle', notice: { key: 'vault.backup.cancelled' } }
  return {
    activity: 'idle',
    notice: { key: savedKey, params: { count: answer.count, location: answer.location } },
  }
}

export interface VaultToolsState {
  /**
   * A pasted token and the backup passwords live here only while the admin types them: the action
   * that sends one clears it in the same update, and leaving the tool clears them all
   * (docs/architecture.md › Secrets: the renderer never holds a secret at rest).
   */
  readonly importToken: string
  readonly importLabel: string
  readonly backupPassword: string
  readonly backupPasswordAgain: string
  readonly restorePassword: string
  readonly restoreConfirming: boolean
  readonly passwordProblem: PasswordProblem | null
  readonly activity: ToolsActivity
  readonly error: AppError | null
  readonly notice: ToolsNotice | null
}

export interface VaultToolsActions {
  readonly importTokenChanged: (value: string) => void
  readonly importLabelChanged: (value: string) => void
  readonly importRequested: () => Promise<void>
  readonly backupPasswordChanged: (value: string) => void
  readonly backupPasswordAgainChanged: (value: string) => void
  readonly backupRequested: () => Promise<void>
  readonly inventoryRequested: () => Promise<void>
  readonly restorePasswordChanged: (value: string) => void
  readonly restoreAsked: () => void
  readonly restoreDismissed: () => void
  readonly restoreConfirmed: () => Promise<void>
  /** The admin left the tool (or the vault locked): forget whatever was typed. */
  readonly toolLeft: () => void
  readonly reset: () => void
}

const TYPED_SECRETS = {
  importToken: '',
  backupPassword: '',
  backupPasswordAgain: '',
  restorePassword: '',
} as const

export const INITIAL_VAULT_TOOLS_STATE: VaultToolsState = {
  ...TYPED_SECRETS,
  importLabel: '',
  restoreConfirming: false,
  passwordProblem: null,
  activity: 'idle',
  error: null,
  notice: null,
}

/** Import a token, back up and restore the vault, export the inventory. */
export const useVaultToolsStore = create<VaultToolsState & VaultToolsActions>()((set, get) => {
  let generation = 0

  const busy = (): boolean => get().activity !== 'idle'

  return {
    ...INITIAL_VAULT_TOOLS_STATE,
    importTokenChanged: (importToken) => set({ importToken }),
    importLabelChanged: (importLabel) => set({ importLabel }),
    importRequested: async () => {
      const token = get().importToken.trim()
      const label = get().importLabel.trim()
      if (busy()) return
      if (token.length === 0) {
        set({ error: null, notice: null, passwordProblem: null })
        set({ error: { code: 'invalid-input', messageKey: 'vault.import.empty' } })
        return
      }
      const request = generation
      // The token leaves the store in the same update that starts the request.
      set({ activity: 'importing', importToken: '', error: null, notice: null })
      const result = await callApi(() =>
        window.api.importToken(label ? { token, label } : { token }),
      )
      if (request !== generation) return
      if (result.ok) {
        set({ activity: 'idle', importLabel: '' })
        void useVaultListStore.getState().recordsChanged()
        useVaultViewStore.getState().recordOpened(result.value.record.id)
      } else {
        set({ activity: 'idle', error: result.error })
      }
    },
    backupPasswordChanged: (backupPassword) => set({ backupPassword, passwordProblem: null }),
    backupPasswordAgainChanged: (backupPasswordAgain) =>
      set({ backupPasswordAgain, passwordProblem: null }),
    backupRequested: async () => {
      if (busy()) return
      const { backupPassword, backupPasswordAgain } = get()
      const problem = backupPasswordProblem(backupPassword, backupPasswordAgain)
      if (problem) {
        set({ passwordProblem: problem, error: null, notice: null })
        return
      }
      const request = generation
      set({ activity: 'backing-up', ...TYPED_SECRETS, error: null, notice: null })
      const result = await callApi(() => window.api.createVaultBackup({ password: backupPassword }))
      if (request !== generation) return
      set(afterSave(result, 'vault.backup.saved'))
    },
    inventoryRequested: async () => {
      if (busy()) return
      const request = generation
      set({ activity: 'inventory', error: null, notice: null })
      const result = await callApi(() => window.api.exportInventory())
      if (request !== generation) return
      set(afterSave(result, 'vault.inventory.saved'))
    },
    restorePasswordChanged: (restorePassword) => set({ restorePassword }),
    restoreAsked: () => {
      if (get().restorePassword.length === 0) {
        set({ error: { code: 'invalid-input', messageKey: 'vault.restore.empty' } })
        return
      }
      set({ restoreConfirming: true, error: null, notice: null })
    },
    restoreDismissed: () => set({ restoreConfirming: false }),
    restoreConfirmed: async () => {
      if (busy()) return
      const password = get().restorePassword
      const request = generation
      set({ activity: 'restoring', restoreConfirming: false, restorePassword: '', error: null })
      const result = await callApi(() => window.api.restoreVaultBackup({ password }))
      if (request !== generation) return
      if (!result.ok) set({ activity: 'idle', error: result.error })
      else if (result.value.outcome === 'cancelled') {
        set({ activity: 'idle', notice: { key: 'vault.backup.cancelled' } })
      } else {
        set({
          activity: 'idle',
          notice: {
            key: 'vault.restore.done',
            params: { added: result.value.added, replaced: result.value.replaced },
          },
        })
        void useVaultListStore.getState().recordsChanged()
      }
    },
    toolLeft: () => {
      generation += 1
      set({
        ...TYPED_SECRETS,
        importLabel: '',
        restoreConfirming: false,
        passwordProblem: null,
        activity: 'idle',
        error: null,
        notice: null,
      })
    },
    reset: () => {
      generation += 1
      set(INITIAL_VAULT_TOOLS_STATE)
    },
  }
})
