import { err, ok, type Result } from '@shared/result'
import { loginCancelled, type LoginWindowPort } from '../main/connect/login-port'
import type { Logger } from '../main/log/logger'

/**
 * The preview's login port. A browser page cannot be handed an Electron window, so main asks the
 * page (over the preview-only event below) to open the dialog as a popup; the dialog then
 * redirects to this server's callback route, which hands the URL back to the waiting sign-in.
 * Checking `state` and exchanging the code stay in main's sign-in, as in the app; the port only
 * refuses callbacks whose state is not the one it is waiting for, so a stray or forged request
 * to the callback cannot end someone's sign-in.
 */

/** Where Facebook Login (or the practice dialog) sends the popup back to. */
export const OAUTH_CALLBACK_PATH = '/__preview/oauth-callback'

/** The preview-only event that asks the bridge to open the popup (not part of the IPC contract). */
export const PREVIEW_LOGIN_EVENT = 'preview:login-open'

export interface PreviewLogin {
  readonly port: LoginWindowPort
  /** Answers the callback route: true when it completed the sign-in under way. */
  handleCallback(requestTarget: string): boolean
}

export interface PreviewLoginDeps {
  /** The server's origin, known once it listens: http://127.0.0.1:<port>. */
  readonly origin: () => string
  /** Asks the open page to show the popup; false when no page is listening. */
  readonly openPopup: (url: string) => Promise<boolean>
  readonly log: Logger
}

interface Pending {
  readonly state: string
  finish(result: Result<{ finalUrl: string }>): void
}

export function createPreviewLogin(deps: PreviewLoginDeps): PreviewLogin {
  let pending: Pending | undefined
  const redirectUri = () => `${deps.origin()}${OAUTH_CALLBACK_PATH}`

  const port: LoginWindowPort = {
    get redirectUri() {
      return redirectUri()
    },
    open: (url, { signal }) =>
      new Promise((resolve) => {
        pending?.finish(loginCancelled())
        if (signal.aborted) {
          resolve(loginCancelled())
          return
        }
        const onAbort = () => entry.finish(loginCancelled())
        const entry: Pending = {
          state: new URL(url).searchParams.get('state') ?? '',
          finish: (result) => {
            if (pending === entry) pending = undefined
            signal.removeEventListener('abort', onAbort)
            resolve(result)
          },
        }
        pending = entry
        signal.addEventListener('abort', onAbort, { once: true })
        deps.openPopup(url).then(
          (shown) => {
            if (!shown) {
              entry.finish(
                err('internal', 'connectMain.error.signInUnavailable', {
                  hintKey: 'connectMain.hint.pasteInstead',
                }),
              )
            }
          },
          () => entry.finish(err('internal', 'connectMain.error.signInUnavailable')),
        )
      }),
  }

  return {
    port,
    handleCallback(requestTarget) {
      const query = new URL(requestTarget, deps.origin()).search
      const state = new URLSearchParams(query).get('state')
      const waiting = pending
      if (!waiting || state === null || state !== waiting.state) {
        deps.log.warn('preview.oauth-callback-unexpected', { waiting: waiting !== undefined })
        return false
      }
      waiting.finish(ok({ finalUrl: `${redirectUri()}${query}` }))
      return true
    },
  }
}
