import { create } from 'zustand'
import type { ListVaultResponse, RemindersResponse } from '@shared/ipc/schemas/vault'
import type { HealthProgressEvent } from '@shared/ipc/schemas/vault-views'
import type { AppError } from '@shared/result'
import type { StatusFilter } from '../vault/vault-status'
import { callApi, IDLE, LOADING, settle, type LoadState } from './load-state'

export type Reminders = RemindersResponse
export type VaultPage = ListVaultResponse

/**
 * Rows per page. Main filters, searches and pages (vault-view.ts), so only this many records
 * cross IPC and sit in the document at once — 10,000 records stay smooth.
 */
export const PAGE_SIZE = 100

export interface VaultListState {
  /** One page of matches, metadata only: never a token (docs/architecture.md › Secrets; SEC-10). */
  readonly list: LoadState<VaultPage>
  /** The expiring-soon view, due reminders and the timeline, from main's offline index. */
  readonly reminders: LoadState<Reminders>
  readonly searchText: string
  readonly statusFilter: StatusFilter
  /** Where the page on screen starts among the matches. */
  readonly offset: number
  /** The "check all" job running in main, while it runs (the admin can keep working). */
  readonly health: HealthProgressEvent | null
  readonly healthError: AppError | null
}

export interface VaultListActions {
  /** The Token vault came on screen, or the admin asked to try again. */
  readonly vaultOpened: () => Promise<void>
  /** Main said records changed (a check finished, a token was saved elsewhere): read again. */
  readonly recordsChanged: () => Promise<void>
  readonly searchChanged: (text: string) => Promise<void>
  readonly statusFilterChanged: (status: StatusFilter) => Promise<void>
  readonly searchCleared: () => Promise<void>
  /** The pager: show the matches from `offset`. */
  readonly pageRequested: (offset: number) => Promise<void>
  /** "Check all with Meta": a background job in main; progress arrives as events. */
  readonly checkAllRequested: () => Promise<void>
  readonly healthProgressed: (event: HealthProgressEvent) => void
  readonly reset: () => void
}

export const INITIAL_VAULT_LIST_STATE: VaultListState = {
  list: IDLE,
  reminders: IDLE,
  searchText: '',
  statusFilter: 'all',
  offset: 0,
  health: null,
  healthError: null,
}

/**
 * The saved tokens the vault lists, a page at a time from main's offline index. Search, the status
 * filter and the order (most urgent first) run in main over metadata only: no keychain read, no
 * network, and only one page ever crosses IPC.
 */
export const useVaultListStore = create<VaultListState & VaultListActions>()((set, get) => {
  // Only the latest request's answer is shown; a reset also drops answers still on their way.
  let listGeneration = 0
  let remindersGeneration = 0

  const fetchPage = async (): Promise<void> => {
    listGeneration += 1
    const request = listGeneration
    const { searchText, statusFilter, offset } = get()
    const query = searchText.trim()
    const result = await callApi(() =>
      window.api.listVaultRecords({
        ...(query ? { query } : {}),
        ...(statusFilter !== 'all' ? { status: statusFilter } : {}),
        offset,
        limit: PAGE_SIZE,
      }),
    )
    if (listGeneration !== request) return
    // Main may move the offset back (the list shrank): follow it, so the pager stays right.
    set({ list: settle(result), ...(result.ok ? { offset: result.value.offset } : {}) })
  }

  const load = async (showLoading: boolean): Promise<void> => {
    remindersGeneration += 1
    const request = remindersGeneration
    if (showLoading) set({ list: LOADING })
    const [, reminders] = await Promise.all([
      fetchPage(),
      callApi(() => window.api.getExpiryReminders()),
    ])
    if (remindersGeneration !== request) return
    set({ reminders: settle(reminders) })
  }

  return {
    ...INITIAL_VAULT_LIST_STATE,
    vaultOpened: () => load(true),
    recordsChanged: () => load(false),
    searchChanged: (searchText) => {
      set({ searchText, offset: 0 })
      return fetchPage()
    },
    statusFilterChanged: (statusFilter) => {
      set({ statusFilter, offset: 0 })
      return fetchPage()
    },
    searchCleared: () => {
      set({ searchText: '', statusFilter: 'all', offset: 0 })
      return fetchPage()
    },
    pageRequested: (offset) => {
      set({ offset: Math.max(0, offset) })
      return fetchPage()
    },
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
      listGeneration += 1
      remindersGeneration += 1
      set(INITIAL_VAULT_LIST_STATE)
    },
  }
})
