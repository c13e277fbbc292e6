/**
 * Keeping a revealed token out of screenshots and screen sharing. Electron's
 * `setContentProtection` works on Windows and macOS only; on Linux (and in a browser, the preview)
 * nothing can stop a capture, so `blocksCapture` is false and the reveal says so in words.
 */
export interface ScreenCapturePort {
  /** Whether `protect(true)` really keeps the window out of captures on this system. */
  readonly blocksCapture: boolean
  /** On while a token is shown, off when it is hidden. */
  protect(on: boolean): void
}

/** For hosts that cannot stop a capture (Linux, the browser preview, tests): records each call. */
export function createUnprotectedScreen(): ScreenCapturePort & { readonly calls: boolean[] } {
  const calls: boolean[] = []
  return {
    blocksCapture: false,
    calls,
    protect: (on) => void calls.push(on),
  }
}

/** The desktop window's content protection, where the platform has it. */
export function createWindowScreenCapture(deps: {
  readonly platform: NodeJS.Platform
  readonly window: () => { setContentProtection(enable: boolean): void } | null
}): ScreenCapturePort {
  const blocksCapture = deps.platform === 'win32' || deps.platform === 'darwin'
  return {
    blocksCapture,
    protect(on) {
      if (blocksCapture) deps.window()?.setContentProtection(on)
    },
  }
}
