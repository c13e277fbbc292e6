import { ok, type Result } from '@shared/result'
import type { Logger } from '../log/logger'
import { createLoginWindow } from '../window'
import { createLoginNavigationPolicy, createLoginRequestPolicy } from './login-navigation'
import { loginCancelled, type LoginWindowPort } from './login-port'
import { DESKTOP_REDIRECT_URI, isRedirectTo } from './oauth'

/**
 * The desktop app's login port: Facebook's dialog in a window of its own (window.ts,
 * createLoginWindow), redirected to Facebook's desktop landing page, which the window catches
 * before it loads. The window closes itself once it has the answer; the admin closing it, or the
 * sign-in being cancelled, is `cancelled`.
 */
export function createElectronLoginPort(deps: { readonly log: Logger }): LoginWindowPort {
  return {
    redirectUri: DESKTOP_REDIRECT_URI,
    open: (url, { signal }) =>
      new Promise<Result<{ finalUrl: string }>>((resolve) => {
        if (signal.aborted) {
          resolve(loginCancelled())
          return
        }
        let settled = false
        let close = () => undefined as void
        const finish = (result: Result<{ finalUrl: string }>) => {
          if (settled) return
          settled = true
          signal.removeEventListener('abort', onAbort)
          resolve(result)
          close()
        }
        const onAbort = () => finish(loginCancelled())
        const win = createLoginWindow(url, {
          mayNavigate: createLoginNavigationPolicy(url),
          mayRequest: createLoginRequestPolicy(url),
          isRedirect: (candidate) => isRedirectTo(candidate, DESKTOP_REDIRECT_URI),
          onRedirect: (finalUrl) => finish(ok({ finalUrl })),
          log: deps.log,
        })
        close = () => {
          if (!win.isDestroyed()) win.close()
        }
        signal.addEventListener('abort', onAbort, { once: true })
        win.on('closed', () => finish(loginCancelled()))
        // The redirect may have come while the window was being built.
        if (settled) close()
      }),
  }
}
