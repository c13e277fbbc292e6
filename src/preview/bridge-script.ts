import { CHANNELS, EVENTS } from '@shared/ipc/channels'
import { LAUNCH_SECRET_PARAM, SESSION_PATH } from './launch-lock'
import { PREVIEW_LOGIN_EVENT } from './preview-login-port'
import { PREVIEW_HEADER } from './request-guard'

/** Where the bridge sends invocations and listens for events (same origin as the page). */
export const INVOKE_PATH = '/__api/invoke/'
export const EVENTS_PATH = '/__api/events'

/**
 * Generates the script served at /__preview/bridge.js: the browser preview's stand-in for the
 * preload. Like the preload (docs/security-requirements.md SEC-07) it exposes exactly one method
 * per channel and one subscribe method per event, derived from the contract, and nothing generic:
 * no invoke(channel), no raw EventSource. Listeners receive the payload only. The object is frozen
 * and the property read-only, as contextBridge makes it in the app.
 *
 * A failed request (server gone, not JSON) becomes a `network` Result, so the renderer handles it
 * like any other expected failure instead of an unhandled rejection.
 *
 * Sign-in: the preview cannot open an Electron login window, so when the renderer calls
 * `signInWithFacebook` the bridge starts listening for the preview-only "open the login popup"
 * message, and opens Facebook Login (or the practice dialog) in a popup when main sends it. The
 * popup comes back to the preview's callback route, never to the page; nothing about it reaches
 * the renderer but the sign-in's Result.
 *
 * The session (launch-lock.ts): before the app's code runs, the bridge takes the launch secret out
 * of the address's fragment and drops the fragment with history.replaceState, so it is neither on
 * screen nor in what the app can read later. It trades the secret for the HttpOnly session cookie
 * once; every call and the event stream wait for that. Without a fragment (a reload) the cookie the
 * browser already holds does the job.
 */
export function createBridgeScript(): string {
  return `// System User Assistant: browser preview bridge (generated from the IPC contract).
(() => {
  'use strict'
  const CHANNELS = ${JSON.stringify(CHANNELS)}
  const EVENTS = ${JSON.stringify(EVENTS)}
  const unreachable = () => ({
    ok: false,
    error: { code: 'network', messageKey: 'errors.previewUnreachable' },
  })
  const isResult = (value) =>
    value !== null && typeof value === 'object' && typeof value.ok === 'boolean'
  const HEADERS = { 'content-type': 'application/json', ${JSON.stringify(PREVIEW_HEADER)}: '1' }

  const takeLaunchSecret = () => {
    const found = /^#${LAUNCH_SECRET_PARAM}=([A-Za-z0-9_-]+)$/.exec(location.hash)
    if (location.hash !== '') {
      history.replaceState(history.state, '', location.pathname + location.search)
    }
    return found === null ? null : found[1]
  }
  const launchSecret = takeLaunchSecret()
  // A failed exchange is not fatal here: the calls then get the server's "locked" Result.
  const session =
    launchSecret === null
      ? Promise.resolve()
      : fetch(${JSON.stringify(SESSION_PATH)}, {
          method: 'POST',
          headers: HEADERS,
          body: JSON.stringify({ secret: launchSecret }),
          credentials: 'same-origin',
          cache: 'no-store',
        }).then(
          () => undefined,
          () => undefined,
        )

  const invoke = async (channel, request) => {
    try {
      await session
      const response = await fetch(${JSON.stringify(INVOKE_PATH)} + channel, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify(request ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      })
      const body = await response.json()
      return isResult(body) ? body : unreachable()
    } catch {
      return unreachable()
    }
  }

  // One EventSource for every event, opened on the first subscription once the session is ready;
  // \`withStream\` hands it over then (in subscription order).
  let source = null
  const withStream = (use) => {
    session.then(() => {
      if (source === null) source = new EventSource(${JSON.stringify(EVENTS_PATH)})
      use(source)
    })
  }
  const subscribe = (event, listener) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    const onMessage = (message) => {
      let payload
      try {
        payload = JSON.parse(message.data)
      } catch {
        return
      }
      listener(payload)
    }
    let subscribed = true
    let detach = () => {}
    withStream((target) => {
      if (!subscribed) return
      target.addEventListener(event, onMessage)
      detach = () => target.removeEventListener(event, onMessage)
    })
    return () => {
      if (!subscribed) return
      subscribed = false
      detach()
    }
  }

  const LOGIN_EVENT = ${JSON.stringify(PREVIEW_LOGIN_EVENT)}
  let loginListening = false
  const listenForLogin = () => {
    if (loginListening) return
    loginListening = true
    withStream((target) => target.addEventListener(LOGIN_EVENT, (message) => {
      let url = ''
      try {
        const data = JSON.parse(message.data)
        url = data !== null && typeof data === 'object' && typeof data.url === 'string' ? data.url : ''
      } catch {
        return
      }
      if (!url.startsWith('https://') && !url.startsWith('http://')) return
      window.open(url, 'facebook-login', 'popup,width=600,height=700')
    }))
  }

  const api = {}
  for (const [channel, method] of Object.entries(CHANNELS)) {
    api[method] =
      channel === 'connect:sign-in'
        ? (request) => {
            listenForLogin()
            return invoke(channel, request)
          }
        : (request) => invoke(channel, request)
  }
  for (const [event, method] of Object.entries(EVENTS)) {
    api[method] = (listener) => subscribe(event, listener)
  }
  Object.defineProperty(window, 'api', {
    value: Object.freeze(api),
    enumerable: true,
    writable: false,
    configurable: false,
  })
})()
`
}
