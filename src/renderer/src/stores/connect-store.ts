import { create } from 'zustand'
import type { AppCredentials, ConnectionSummary } from '@shared/ipc/schemas/connect'
import type { AppMode } from '@shared/ipc/schemas/mode'
import type { Result } from '@shared/result'
import { nextScreen, type ConnectFlowEvent, type ConnectScreen } from '../connect/connect-flow'
import {
  appFieldErrors,
  firstInvalidField,
  tokenProblem,
  type FieldErrors,
} from '../connect/connect-validation'
import { INITIAL_CONNECT_STATE, type BusinessList, type ConnectState } from './connect-state'
import { currentConnection, refreshStatus, statusDisconnected } from './connect-status'
import { callApi, IDLE, LOADING, settle } from './load-state'
import { useNavigationStore } from './navigation-store'

// The state's shape lives in connect-state.ts (to keep this file to the actions); screens import
// everything about the store from here.
export {
  INITIAL_CONNECT_STATE,
  type BusinessList,
  type ConnectActivity,
  type ConnectFocusTarget,
  type ConnectState,
} from './connect-state'

export interface ConnectActions {
  /** "Start setting up" (or "Continue"): enter the flow where the admin left off. */
  readonly startRequested: () => void
  /** Back to the setup overview; forgets whatever was typed. */
  readonly leaveRequested: () => void
  readonly modeChosen: (mode: AppMode) => void
  readonly appIdChanged: (value: string) => void
  readonly appSecretChanged: (value: string) => void
  readonly tokenChanged: (value: string) => void
  /** "Sign in with Facebook": main opens the login window and waits for the admin there. */
  readonly signInRequested: () => Promise<void>
  readonly signInCancelRequested: () => Promise<void>
  /** The fallback: connect with a token the admin pasted. */
  readonly tokenPasteRequested: () => Promise<void>
  readonly businessesRequested: () => Promise<void>
  readonly businessSelected: (businessId: string) => void
  readonly businessChoiceConfirmed: () => Promise<void>
  readonly preflightRequested: () => Promise<void>
  readonly businessChangeRequested: () => void
  readonly addSystemUserRequested: () => void
  readonly backToPreflightRequested: () => void
  readonly disconnectRequested: () => void
  readonly disconnectDismissed: () => void
  readonly disconnectConfirmed: () => Promise<void>
  /** Opens one of Meta's pages in the system browser (main checks it against its allowlist). */
  readonly linkRequested: (url: string) => Promise<void>
  readonly focusHandled: () => void
  readonly reset: () => void
}

/** The business to pre-select: the one remembered for this app, else the only one there is. */
const preselect = (list: BusinessList): string | null => {
  const remembered = list.businesses.find((b) => b.id === list.rememberedBusinessId)
  if (remembered) return remembered.id
  return list.businesses.length === 1 ? list.businesses[0]!.id : null
}

/** The Connect step: its screen, the form, and every call to main it makes. */
export const useConnectStore = create<ConnectState & ConnectActions>()((set, get) => {
  // Bumped by leave, disconnect and reset: an answer to an older request is dropped.
  let generation = 0

  const moveTo = (event: ConnectFlowEvent): ConnectScreen => nextScreen(get().screen, event)

  /** The app credentials to send, or null after marking every field that is wrong. */
  const credentials = (extra: FieldErrors = {}): AppCredentials | null => {
    const { mode, appId, appSecret } = get()
    const errors = { ...(mode === 'real' ? appFieldErrors(appId, appSecret) : {}), ...extra }
    const first = firstInvalidField(errors)
    if (first) {
      set({ fieldErrors: errors, focusTarget: first, error: null, notice: null })
      return null
    }
    return mode === 'real'
      ? { mode, appId: appId.trim(), appSecret: appSecret.trim() }
      : { mode: 'practice' }
  }

  /** The answer to a sign-in or a pasted token: on to the business picker, or say why not. */
  const connectionAnswered = async (result: Result<ConnectionSummary>): Promise<void> => {
    if (result.ok) {
      void refreshStatus()
      set({
        activity: 'idle',
        screen: moveTo({ type: 'connected' }),
        focusTarget: 'screen-heading',
        businesses: IDLE,
        preflight: IDLE,
      })
      await get().businessesRequested()
    } else if (result.error.code === 'cancelled') {
      // The admin closed the window or pressed Cancel: nothing went wrong, so no alarm.
      set({ activity: 'idle', notice: 'connect.signIn.cancelled', focusTarget: 'sign-in' })
    } else {
      set({ activity: 'idle', error: result.error, focusTarget: 'error' })
    }
  }

  return {
    ...INITIAL_CONNECT_STATE,
    startRequested: () => {
      const screen = moveTo({ type: 'started', connection: currentConnection() })
      set({ screen, error: null, notice: null, fieldErrors: {}, confirmingDisconnect: false })
      // Entering the flow is a new page: its <h1> takes focus, as after any page change.
      useNavigationStore.getState().homeChosen('flow')
      if (screen === 'businesses') void get().businessesRequested()
      if (screen === 'preflight') void get().preflightRequested()
    },
    leaveRequested: () => {
      generation += 1
      set({
        screen: moveTo({ type: 'left' }),
        appSecret: '',
        token: '',
        fieldErrors: {},
        activity: 'idle',
        error: null,
        notice: null,
        confirmingDisconnect: false,
      })
      useNavigationStore.getState().homeChosen('flow')
    },
    modeChosen: (mode) =>
      // Practice needs no app secret: drop one typed for a real business straight away.
      set({ mode, appSecret: '', fieldErrors: {}, error: null }),
    appIdChanged: (appId) => set({ appId }),
    appSecretChanged: (appSecret) => set({ appSecret }),
    tokenChanged: (token) => set({ token }),
    signInRequested: async () => {
      if (get().activity !== 'idle') return
      const app = credentials()
      if (!app) return
      const request = generation
      // The secret leaves the store in the same update that starts the request.
      set({
        activity: 'signing-in',
        appSecret: '',
        fieldErrors: {},
        error: null,
        notice: null,
        focusTarget: 'cancel-sign-in',
      })
      const result = await callApi(() => window.api.signInWithFacebook({ app }))
      if (request === generation) await connectionAnswered(result)
    },
    signInCancelRequested: async () => {
      if (get().activity !== 'signing-in') return
      set({ activity: 'cancelling' })
      const result = await callApi(() => window.api.cancelSignIn())
      // The sign-in's own answer ('cancelled') ends the wait; this only reports a failed cancel.
      if (!result.ok && get().activity === 'cancelling') {
        set({ activity: 'signing-in', error: result.error, focusTarget: 'error' })
      }
    },
    tokenPasteRequested: async () => {
      if (get().activity !== 'idle') return
      const { token } = get()
      const problem = tokenProblem(token)
      const app = credentials(problem ? { token: problem } : {})
      if (!app) return
      const request = generation
      set({
        activity: 'pasting',
        appSecret: '',
        token: '',
        fieldErrors: {},
        error: null,
        notice: null,
      })
      const result = await callApi(() => window.api.connectWithToken({ app, token: token.trim() }))
      if (request === generation) await connectionAnswered(result)
    },
    businessesRequested: async () => {
      const request = generation
      set({ businesses: LOADING, error: null, choiceProblem: null })
      const result = await callApi(() => window.api.listBusinesses())
      if (request !== generation) return
      if (result.ok) {
        set({ businesses: settle(result), selectedBusinessId: preselect(result.value) })
      } else {
        set({ businesses: settle(result), focusTarget: 'error' })
      }
    },
    businessSelected: (selectedBusinessId) => set({ selectedBusinessId, choiceProblem: null }),
    businessChoiceConfirmed: async () => {
      const { selectedBusinessId, activity } = get()
      if (activity !== 'idle') return
      if (!selectedBusinessId) {
        set({ choiceProblem: 'connect.businesses.chooseOne', focusTarget: 'businesses' })
        return
      }
      const request = generation
      set({ activity: 'choosing', error: null, notice: null })
      const result = await callApi(() =>
        window.api.chooseBusiness({ businessId: selectedBusinessId }),
      )
      if (request !== generation) return
      if (!result.ok) {
        set({ activity: 'idle', error: result.error, focusTarget: 'error' })
        return
      }
      void refreshStatus()
      set({
        activity: 'idle',
        screen: moveTo({ type: 'business-chosen' }),
        focusTarget: 'screen-heading',
        preflight: IDLE,
      })
      await get().preflightRequested()
    },
    preflightRequested: async () => {
      if (get().preflightChecking) return
      const request = generation
      if (get().preflight.phase === 'loaded') set({ preflightChecking: true, error: null })
      else set({ preflight: LOADING, error: null })
      const result = await callApi(() => window.api.runPreflight())
      if (request !== generation) return
      set({
        preflight: settle(result),
        preflightChecking: false,
        ...(result.ok ? {} : { focusTarget: 'error' as const }),
      })
    },
    businessChangeRequested: () => {
      set({ screen: moveTo({ type: 'business-change-requested' }), focusTarget: 'screen-heading' })
      void get().businessesRequested()
    },
    addSystemUserRequested: () => {
      const { preflight } = get()
      // The button is disabled when blocked; this guards the action itself too.
      if (preflight.phase !== 'loaded' || !preflight.value.canAddSystemUser) return
      set({ screen: moveTo({ type: 'add-system-user-requested' }), focusTarget: 'screen-heading' })
    },
    backToPreflightRequested: () =>
      set({
        screen: moveTo({ type: 'back-to-preflight-requested' }),
        focusTarget: 'screen-heading',
      }),
    disconnectRequested: () =>
      set({ confirmingDisconnect: true, error: null, focusTarget: 'disconnect-question' }),
    disconnectDismissed: () => set({ confirmingDisconnect: false, focusTarget: 'disconnect' }),
    disconnectConfirmed: async () => {
      if (get().activity !== 'idle') return
      set({ activity: 'disconnecting', error: null, notice: null })
      const result = await callApi(() => window.api.disconnect())
      if (!result.ok) {
        set({ activity: 'idle', error: result.error, focusTarget: 'error' })
        return
      }
      generation += 1
      await statusDisconnected()
      const screen = moveTo({ type: 'disconnected' })
      set({
        ...INITIAL_CONNECT_STATE,
        screen,
        notice: 'connect.disconnect.done',
        focusTarget: screen === 'overview' ? 'start' : 'screen-heading',
      })
    },
    linkRequested: async (url) => {
      const result = await callApi(() => window.api.openExternalLink({ url }))
      if (!result.ok) set({ error: result.error, focusTarget: 'error' })
    },
    focusHandled: () => set({ focusTarget: null }),
    reset: () => {
      generation += 1
      set(INITIAL_CONNECT_STATE)
    },
  }
})
