import { create } from 'zustand'

/** The two homes of the app. */
export const HOMES = ['flow', 'vault'] as const
export type Home = (typeof HOMES)[number]

export interface NavigationState {
  readonly home: Home
  /**
   * Set when the admin moves to a home: the new page's <h1> takes focus once it is on screen
   * (WCAG 2.4.3 focus order), then clears the flag. Not set at start-up, where focus stays at the
   * top of the document as browsers expect.
   */
  readonly headingFocusPending: boolean
}

export interface NavigationActions {
  /** The admin chose a home (from the navigation or a call to action). */
  readonly homeChosen: (home: Home) => void
  /** The home's heading has taken focus. */
  readonly headingFocused: () => void
  readonly reset: () => void
}

export const INITIAL_NAVIGATION_STATE: NavigationState = {
  home: 'flow',
  headingFocusPending: false,
}

/** Which home is on screen. */
export const useNavigationStore = create<NavigationState & NavigationActions>()((set) => ({
  ...INITIAL_NAVIGATION_STATE,
  homeChosen: (home) => set({ home, headingFocusPending: true }),
  headingFocused: () => set({ headingFocusPending: false }),
  reset: () => set(INITIAL_NAVIGATION_STATE),
}))
