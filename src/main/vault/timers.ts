/**
 * Timers, injected. The reveal timer, the clipboard guard and auto-lock all schedule work in the
 * future; taking this port instead of the globals lets their tests drive time with fake timers and
 * keeps them free of Electron, so the browser preview can run them too.
 */

/** Opaque handle of a scheduled callback. */
export type TimerHandle = { readonly timer: unknown }

export interface Timers {
  /** Milliseconds since the epoch. */
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
  setInterval(callback: () => void, ms: number): TimerHandle
  clearInterval(handle: TimerHandle): void
}

/**
 * The real timers. The globals are looked up on every call (not captured once), so a test that
 * installs fake timers after this module loaded still drives these.
 */
export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => ({ timer: setTimeout(callback, ms) }),
  clearTimeout: (handle) => clearTimeout(handle.timer as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => ({ timer: setInterval(callback, ms) }),
  clearInterval: (handle) => clearInterval(handle.timer as ReturnType<typeof setInterval>),
}
