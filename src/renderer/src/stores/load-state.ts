import { err, type AppError, type Result } from '@shared/result'

/** Where a piece of data fetched from main stands. The UI switches on `phase`. */
export type LoadState<T> =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading' }
  | { readonly phase: 'loaded'; readonly value: T }
  | { readonly phase: 'failed'; readonly error: AppError }

export const IDLE: LoadState<never> = { phase: 'idle' }
export const LOADING: LoadState<never> = { phase: 'loading' }

/** Turns a Result into the matching settled state. */
export const settle = <T>(result: Result<T>): LoadState<T> =>
  result.ok ? { phase: 'loaded', value: result.value } : { phase: 'failed', error: result.error }

/**
 * Calls `window.api`. The contract says every method resolves to a Result, but a bridge can still
 * reject (preload missing, IPC torn down while the window closes). That becomes an `internal`
 * error with a translatable key, so no raw exception text ever reaches the screen.
 */
export async function callApi<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call()
  } catch {
    return err('internal', 'errors.internal')
  }
}
