/**
 * The shape of `window.api`, derived from the contract: one intention-named method per channel and
 * one subscribe method per event. Preload and the preview's bridge both implement this type, so a
 * channel without a method is a compile error in both.
 */
import type { Result } from '../result'
import type { CHANNELS, Channel, EVENTS, EventName } from './channels'
import type { EventPayloadOf, RequestOf, ResponseOf } from './contract'

type Invoke<C extends Channel> =
  Record<string, never> extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>

/** Subscribing returns the function that unsubscribes. Callbacks get the value only, never an event object. */
type Subscribe<E extends EventName> = (listener: (payload: EventPayloadOf<E>) => void) => () => void

export type Api = { readonly [C in Channel as (typeof CHANNELS)[C]]: Invoke<C> } & {
  readonly [E in EventName as (typeof EVENTS)[E]]: Subscribe<E>
}
