import type { Api } from '@shared/ipc/api-types'
import { EVENTS, type EventMethodName } from '@shared/ipc/channels'

/** What one event of main carries, by its `window.api` method (`onVaultLocked` → its payload). */
type PayloadOf<M extends EventMethodName> = Parameters<Parameters<Api[M]>[0]>[0]

/** What an area's stores do with main's events; an area names only the events it needs. */
export type MainEventHandlers = {
  readonly [M in EventMethodName]?: (payload: PayloadOf<M>) => void
}

/** The areas whose stores follow main's events; each hands over its handlers once. */
export type MainEventArea = 'app' | 'flow' | 'vault'

// By area, so a module evaluated twice (Vite's hot reload) replaces its handlers instead of adding
// a second copy. Kept in insertion order, which is the order the areas' stores loaded in.
const handlersByArea = new Map<MainEventArea, MainEventHandlers>()

/**
 * An area's stores say what they do with main's events. Called once, where the area's stores
 * are defined, so events reach them from the moment they exist — whichever screen is on show.
 * The flow's and the vault's stores load with their home's chunk: until then there is nothing in
 * the renderer for their events to update, and opening the home reads the state fresh.
 */
export function handMainEventsTo(area: MainEventArea, handlers: MainEventHandlers): void {
  handlersByArea.set(area, handlers)
}

const deliver = <M extends EventMethodName>(method: M, payload: PayloadOf<M>): void => {
  for (const handlers of handlersByArea.values()) handlers[method]?.(payload)
}

/**
 * Subscribes to every event main sends, once, when the window opens (the app status store's
 * `appStarted`), and hands each one to the areas that asked for it. Screens never subscribe
 * themselves. Returns the function that unsubscribes from all of them. Throws when there is no
 * bridge (the page was opened outside the app); the caller says so in the app's words.
 */
export function followMainEvents(api: Api = window.api): () => void {
  const offs: (() => void)[] = []
  try {
    for (const method of Object.values(EVENTS)) {
      // Each method's listener takes that method's payload; the loop cannot say so to TypeScript.
      const subscribe = api[method] as (listener: (payload: never) => void) => () => void
      offs.push(subscribe((payload) => deliver(method, payload)))
    }
  } catch (error) {
    // Half a set of subscriptions would hear some events and miss others: none at all instead.
    offs.forEach((off) => off())
    throw error
  }
  return () => offs.forEach((off) => off())
}
