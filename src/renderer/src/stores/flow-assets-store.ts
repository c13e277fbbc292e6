import { create } from 'zustand'
import type { AssignableKind } from '@shared/catalog'
import type { AssetsPageResponse } from '@shared/ipc/schemas/flow'
import { callApi, IDLE, LOADING, settle, type LoadState } from './load-state'

/**
 * Rows per page. A business can hold thousands of Pages; main keeps them and answers one page at
 * a time, so the screen never renders more than this many rows (issue 5: "must stay smooth").
 */
export const ASSET_PAGE_SIZE = 25

/** Wait after the last keystroke before asking main, so typing a word sends one request. */
export const SEARCH_DEBOUNCE_MS = 300

/** One kind's list: the search text, where the page starts, and the page main answered. */
export interface AssetList {
  readonly query: string
  readonly offset: number
  readonly page: LoadState<AssetsPageResponse>
}

export interface FlowAssetsState {
  readonly lists: Readonly<Partial<Record<AssignableKind, AssetList>>>
}

export interface FlowAssetsActions {
  /** A kind's list came on screen: load its first page unless one is already there. */
  readonly listOpened: (kind: AssignableKind) => Promise<void>
  /** The admin typed in the search box: the request goes out once typing pauses. */
  readonly searchChanged: (kind: AssignableKind, query: string) => void
  readonly pageRequested: (kind: AssignableKind, offset: number) => Promise<void>
  readonly reset: () => void
}

export const INITIAL_FLOW_ASSETS_STATE: FlowAssetsState = { lists: {} }

const EMPTY_LIST: AssetList = { query: '', offset: 0, page: IDLE }

/** The assets of step 5, paged and searched through `flow:assets-page`. */
export const useFlowAssetsStore = create<FlowAssetsState & FlowAssetsActions>()((set, get) => {
  // Per kind: only the answer to the latest request is shown (a slow page never overwrites a newer one).
  const latest = new Map<AssignableKind, number>()
  const timers = new Map<AssignableKind, ReturnType<typeof setTimeout>>()
  let generation = 0

  const listOf = (kind: AssignableKind): AssetList => get().lists[kind] ?? EMPTY_LIST
  const update = (kind: AssignableKind, change: Partial<AssetList>): void =>
    set({ lists: { ...get().lists, [kind]: { ...listOf(kind), ...change } } })

  const load = async (kind: AssignableKind, offset: number): Promise<void> => {
    const request = (latest.get(kind) ?? 0) + 1
    latest.set(kind, request)
    const startedIn = generation
    const { query } = listOf(kind)
    update(kind, { offset, page: LOADING })
    const trimmed = query.trim()
    const result = await callApi(() =>
      window.api.getAssetsPage({
        kind,
        offset,
        limit: ASSET_PAGE_SIZE,
        ...(trimmed ? { query: trimmed } : {}),
      }),
    )
    if (startedIn !== generation || latest.get(kind) !== request) return
    update(kind, { page: settle(result) })
  }

  return {
    ...INITIAL_FLOW_ASSETS_STATE,
    listOpened: async (kind) => {
      if (listOf(kind).page.phase === 'loaded') return
      await load(kind, 0)
    },
    searchChanged: (kind, query) => {
      update(kind, { query })
      clearTimeout(timers.get(kind))
      timers.set(
        kind,
        setTimeout(() => {
          timers.delete(kind)
          void load(kind, 0)
        }, SEARCH_DEBOUNCE_MS),
      )
    },
    pageRequested: (kind, offset) => load(kind, Math.max(0, offset)),
    reset: () => {
      generation += 1
      timers.forEach((timer) => clearTimeout(timer))
      timers.clear()
      latest.clear()
      set(INITIAL_FLOW_ASSETS_STATE)
    },
  }
})
