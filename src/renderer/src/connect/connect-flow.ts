import type { ConnectionSummary } from '@shared/ipc/schemas/connect'

/**
 * The screens of the Connect step (step 1 of Meta's flow, "Go to Settings", done for the admin),
 * as a small state machine with pure transitions (CONTRIBUTING.md › Style).
 * - overview:   the setup home, outside the flow
 * - connect:    where to connect (practice or real), the app's ID and secret, and the sign-in
 * - businesses: the business picker
 * - preflight:  the readiness report for the chosen business
 * - next:       the honest placeholder for step 3, which arrives with the next issue
 */
export const CONNECT_SCREENS = ['overview', 'connect', 'businesses', 'preflight', 'next'] as const
export type ConnectScreen = (typeof CONNECT_SCREENS)[number]

/** What happened, as the flow sees it. Events that make no sense on a screen are ignored. */
export type ConnectFlowEvent =
  | { readonly type: 'started'; readonly connection: ConnectionSummary | null }
  | { readonly type: 'connected' }
  | { readonly type: 'business-chosen' }
  | { readonly type: 'business-change-requested' }
  | { readonly type: 'add-system-user-requested' }
  | { readonly type: 'back-to-preflight-requested' }
  | { readonly type: 'left' }
  | { readonly type: 'disconnected' }

/** Where "Start" leads: straight on to what is left to do, so a returning admin skips steps done. */
const resumeScreen = (connection: ConnectionSummary | null): ConnectScreen => {
  if (!connection) return 'connect'
  return connection.businessId ? 'preflight' : 'businesses'
}

/** The screen after `event` on `screen`. Pure: the store owns the side effects. */
export function nextScreen(screen: ConnectScreen, event: ConnectFlowEvent): ConnectScreen {
  // Leaving and disconnecting work from anywhere; the rest depend on the screen.
  if (event.type === 'left') return 'overview'
  if (event.type === 'disconnected') return screen === 'overview' ? 'overview' : 'connect'
  switch (screen) {
    case 'overview':
      return event.type === 'started' ? resumeScreen(event.connection) : screen
    case 'connect':
      return event.type === 'connected' ? 'businesses' : screen
    case 'businesses':
      return event.type === 'business-chosen' ? 'preflight' : screen
    case 'preflight':
      if (event.type === 'business-change-requested') return 'businesses'
      return event.type === 'add-system-user-requested' ? 'next' : screen
    case 'next':
      return event.type === 'back-to-preflight-requested' ? 'preflight' : screen
  }
}
