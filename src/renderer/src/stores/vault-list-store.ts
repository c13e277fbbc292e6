import { create } from 'zustand'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import type { z } from 'zod'
import type { HealthProgressEvent, RemindersResponse } from '@shared/ipc/schemas/vault-views'
import type { AppError } from '@shared/result'
import { EMPTY_QUERY, type StatusFilter } from '../vault/vault-search'
import { callApi, IDLE, LOADING, settle, type LoadState } from './load-state'

export type Reminders = z.infer<typeof RemindersResponse>

/** How many rows the table shows at first and adds per "Show more" (keeps 10,000 records smooth). */
export const PAGE_SIZE = 100

export interface VaultListState {
  /** Metadata only: the list never holds a token (DESIGN.md › Secrets; SEC-10). */
  readonly records: LoadState<readonly VaultListItem[]>
  /** The expiring-soon view, due reminders and the timeline, from main's offline index. */
  readonly reminders: LoadState<Reminders>
  readonly searchText: string
  readonly statusFilter: StatusFilter
  readonly shownCount: number
  /** The "check all" job running in main, while it runs (the admin can keep working). */
  readonly health: HealthProgressEvent | null
  readonly healthError: AppError | null
}

export interface VaultListActions {
  /** The Token vault came on screen, or the admin asked to try again. */
  readonly vaultOpened: () => Promise<void>
  /** Main said records changed (a check finished, a token was saved elsewhere): read again. */
  readonly recordsChanged: () => Promise<void>
  readonly searchChanged: (text: string) => void
  readonly statusFilterChanged: (status: StatusFilter) => void
  readonly searchCleared: () => void
  readonly showMoreRequested: () => void
  /** "Check all with Meta": a background job in main; progress arrives as events. */
  readonly checkAllRequested: () => Promise<void>
  readonly healthProgressed: (event: HealthProgressEvent) => void
  readonly reset: () => void
}

export const INITIAL_VAULT_LIST_STATE: VaultListState = {
  records: IDLE,
  reminders: IDLE,
  searchText: EMPTY_QUERY.text,
  statusFilter: EMPTY_QUERY.status,
  shownCount: PAGE_SIZE,
  health: null,
  healthError: null,
}

/**
 * The saved tokens the vault lists, read from main's offline index. Search and filtering run here
 * over that metadata (vault-search.ts), so typing needs neither main nor a network.
 */
export const useVaultListStore = create<VaultListState & VaultListActions>()((set, get) => {
  // Only the latest request's answer is shown; a reset also drops answers still on their way.
  let generation = 0

  const load = async (showLoading: boolean): Promise<void> => {
    generation += 1
    const request = generation
    if (showLoading) set({ records: LOADING })
    const [records, reminders] = await Promise.all([
      callApi(() => window.api.listVaultRecords({})),
      callApi(() => window.api.getExpiryReminders()),
    ])
    if (generation !== request) return
    set({
      records: settle(records.ok ? { ok: true, value: records.value.records } : records),
      reminders: settle(reminders),
    })
  }

  return {
    ...INITIAL_VAULT_LIST_STATE,
    vaultOpened: () => load(true),
    recordsChanged: () => load(false),
    searchChanged: (searchText) => set({ searchText, shownCount: PAGE_SIZE }),
    statusFilterChanged: (statusFilter) => set({ statusFilter, shownCount: PAGE_SIZE }),
    searchCleared: () => set({ searchText: '', statusFilter: 'all', shownCount: PAGE_SIZE }),
    showMoreRequested: () => set((state) => ({ shownCount: state.shownCount + PAGE_SIZE })),
    checkAllRequested: async () => {
      if (get().health?.state === 'running') return
      set({ healthError: null })
      const result = await callApi(() => window.api.checkTokenHealth({ all: true }))
      if (!result.ok) set({ healthError: result.error })
      else {
        const { jobId, total } = result.value
        set({ health: { jobId, done: 0, total, state: 'running' } })
      }
    },
    healthProgressed: (event) => {
      set({ health: event })
      if (event.state !== 'running') void get().recordsChanged()
    },
    reset: () => {
      generation += 1
      set(INITIAL_VAULT_LIST_STATE)
    },
  }
})
