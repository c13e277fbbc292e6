import { create } from 'zustand'
import type { AppStatus } from '@shared/ipc/schemas/app'
import { err } from '@shared/result'
import { callApi, IDLE, LOADING, settle, type LoadState } from './load-state'
import { followMainEvents, handMainEventsTo } from './main-events'

export interface AppStatusState {
  readonly status: LoadState<AppStatus>
}

export interface AppStatusActions {
  /**
   * The window opened: follow every event main sends (stores/main-events.ts) and load the status.
   * Returns the unsubscribe.
   */
  readonly appStarted: () => () => void
  /** The admin asked to check the status again (after a failure). */
  readonly retryRequested: () => Promise<void>
  /** Main pushed a new status (keychain unlocked, business connected, …). */
  readonly statusChanged: (status: AppStatus) => void
  readonly reset: () => void
}

export const INITIAL_APP_STATUS_STATE: AppStatusState = { status: IDLE }

/** The app's mode, keychain and connection, as main reports them. */
export const useAppStatusStore = create<AppStatusState & AppStatusActions>()((set) => {
  // Bumped by every pushed status and every reset: an answer to an older request is dropped, so
  // a slow first answer can never overwrite a newer status main has pushed since.
  let generation = 0

  const load = async (): Promise<void> => {
    const startedAt = generation
    set({ status: LOADING })
    const result = await callApi(() => window.api.getAppStatus())
    if (generation === startedAt) set({ status: settle(result) })
  }

  return {
    ...INITIAL_APP_STATUS_STATE,
    appStarted: () => {
      let unsubscribe: () => void
      try {
        unsubscribe = followMainEvents()
      } catch {
        // No bridge at all (the page was opened outside the app): say so in the app's words.
        set({ status: settle(err('internal', 'errors.internal')) })
        return () => undefined
      }
      void load()
      return unsubscribe
    },
    retryRequested: load,
    statusChanged: (status) => {
      generation += 1
      set({ status: { phase: 'loaded', value: status } })
    },
    reset: () => {
      generation += 1
      set(INITIAL_APP_STATUS_STATE)
    },
  }
})

handMainEventsTo('app', {
  onAppStatusChanged: (status) => useAppStatusStore.getState().statusChanged(status),
})
