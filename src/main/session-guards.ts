import type { Session, WebRequest } from 'electron'
import { isAppUrl } from './app-protocol'
import type { Logger } from './log/logger'

/**
 * Session-wide denials. Electron grants every permission request unless a handler says otherwise
 * (Electron security checklist item 5), and the renderer has no reason to reach anything but its
 * own `app://vault/` files: all network calls happen in main, over Node's stack, which this
 * filter does not see.
 */

export interface RequestPolicy {
  /** DevTools load from `devtools:`; allowed only in an unpackaged (developer) build. */
  readonly allowDevtools: boolean
}

/** True only for our own origin (and DevTools when allowed). Everything else is cancelled. */
export function isAllowedRequestUrl(raw: string, policy: RequestPolicy): boolean {
  if (isAppUrl(raw)) return true
  if (!policy.allowDevtools) return false
  try {
    return new URL(raw).protocol === 'devtools:'
  } catch {
    return false
  }
}

export type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & { readonly webRequest: Pick<WebRequest, 'onBeforeRequest'> }

/** Denies every permission and device, and cancels every request that is not the app's own. */
export function installSessionGuards(
  session: GuardedSession,
  policy: RequestPolicy,
  log: Logger,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('session.permission-denied', { permission })
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, policy)
    // Only the scheme is logged: a blocked URL is untrusted text and could carry anything.
    if (!allowed) log.warn('session.request-blocked', { scheme: schemeOf(details.url) })
    callback({ cancel: !allowed })
  })
}

function schemeOf(raw: string): string {
  const match = /^([a-z][a-z0-9+.-]{0,30}):/i.exec(raw)
  return match?.[1]?.toLowerCase() ?? 'unparsable'
}
