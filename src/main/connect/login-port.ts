import { err, type Result } from '@shared/result'
import { DESKTOP_REDIRECT_URI } from './oauth'

/**
 * Opens Facebook Login's dialog somewhere the admin can use it, and reports where it ended: the
 * Electron app opens a sandboxed window of its own (electron-login-port.ts), the browser preview a
 * popup (preview/preview-login-port.ts). The port only carries the admin there and back; building
 * the URL, checking `state` and exchanging the code happen in sign-in.ts, the same for both.
 */
export interface LoginWindowPort {
  /** Where the dialog must send the admin back; the port catches it before anything loads there. */
  readonly redirectUri: string
  /**
   * Shows `url` and resolves with the redirect's full URL, or `cancelled` when the admin closes
   * the window or `signal` aborts (cancel button, a newer sign-in, the time limit).
   */
  open(
    url: string,
    options: { readonly signal: AbortSignal },
  ): Promise<Result<{ finalUrl: string }>>
}

/** For a host with no way to show a login page: says so instead of hanging. */
export const unavailableLoginPort: LoginWindowPort = {
  redirectUri: DESKTOP_REDIRECT_URI,
  open: async () =>
    err('internal', 'connectMain.error.signInUnavailable', {
      hintKey: 'connectMain.hint.pasteInstead',
    }),
}

/** The answer every port gives when the admin or the app gave up on the window. */
export const loginCancelled = () => err('cancelled', 'connectMain.error.signInCancelled')
