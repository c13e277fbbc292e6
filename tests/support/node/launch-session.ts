import { LAUNCH_SECRET_PARAM, SESSION_PATH } from '../../../src/preview/launch-lock'
import { PREVIEW_HEADER } from '../../../src/preview/request-guard'

/**
 * For tests that talk to the preview over plain HTTP: does what the bridge does in the page —
 * reads the launch secret from the launch URL's fragment and trades it for the session cookie —
 * and returns that cookie as a Cookie header value (`sua-preview-<port>=…`). Throws when the
 * preview refuses, so a test never goes on without a session it believes it has.
 */
export async function openLaunchSession(launchUrl: string): Promise<string> {
  const url = new URL(launchUrl)
  const secret = new URLSearchParams(url.hash.slice(1)).get(LAUNCH_SECRET_PARAM)
  const response = await fetch(new URL(SESSION_PATH, url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PREVIEW_HEADER]: '1' },
    body: JSON.stringify({ secret }),
  })
  await response.arrayBuffer()
  const setCookie = response.headers.get('set-cookie')
  if (response.status !== 200 || setCookie === null) {
    throw new Error(`the preview refused its own launch secret (HTTP ${response.status})`)
  }
  return setCookie.split(';', 1)[0] ?? ''
}
