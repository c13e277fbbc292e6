import { create } from 'zustand'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { callApi, IDLE, LOADING, settle, type LoadState } from './load-state'

export interface VaultListState {
  /** Metadata only: the list never holds a token (DESIGN.md › Secrets; SEC-10). */
  readonly records: LoadState<readonly VaultRecordSummary[]>
}

export interface VaultListActions {
  /** The Token vault came on screen, or the admin asked to try again. */
  readonly vaultOpened: () => Promise<void>
  readonly reset: () => void
}

export const INITIAL_VAULT_LIST_STATE: VaultListState = { records: IDLE }

/** The saved tokens the vault lists, read from main's offline index. */
export const useVaultListStore = create<VaultListState & VaultListActions>()((set) => {
  // Only the latest request's answer is shown; a reset also drops answers still on their way.
  let generation = 0

  return {
    ...INITIAL_VAULT_LIST_STATE,
    vaultOpened: async () => {
      generation += 1
      const request = generation
      set({ records: LOADING })
      const result = await callApi(() => window.api.listVaultRecords({}))
      if (generation !== request) return
      set({ records: settle(result.ok ? { ok: true, value: result.value.records } : result) })
    },
    reset: () => {
      generation += 1
      set(INITIAL_VAULT_LIST_STATE)
    },
  }
})
