/**
 * Which Graph API address real mode may use. `GRAPH_API_BASE_URL` exists so a developer or
 * a test can point the app at a simulator on loopback; in an installed app an environment
 * variable is something any program that starts it can set, so there it may only name Meta's own
 * Graph hosts over https — anything else would send the admin's token to whoever set it.
 */

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com'

/** Meta's Graph hosts: graph.facebook.com and its tiers (graph.beta.facebook.com). */
const META_GRAPH_HOST = /^graph(\.[a-z0-9-]+)?\.facebook\.com$/
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export type BaseUrlRefusal = 'not-a-url' | 'not-https' | 'credentials' | 'not-meta'

export interface ChosenBaseUrl {
  /** The address to use: the variable's when it passed, else Meta's default. */
  readonly url: string
  /** Why the variable was set aside (for the log; its value is never logged). */
  readonly refused?: BaseUrlRefusal
}

/**
 * `packaged`: an installed build (Electron's `app.isPackaged`) accepts only https on a Meta Graph
 * host; a development build also accepts any https host and plain http on loopback.
 */
export function chooseGraphBaseUrl(
  value: string | undefined,
  policy: { readonly packaged: boolean },
): ChosenBaseUrl {
  if (value === undefined || value.trim() === '') return { url: DEFAULT_GRAPH_BASE_URL }
  const refusal = refusalOf(value.trim(), policy.packaged)
  return refusal
    ? { url: DEFAULT_GRAPH_BASE_URL, refused: refusal }
    : { url: value.trim().replace(/\/+$/, '') }
}

function refusalOf(value: string, packaged: boolean): BaseUrlRefusal | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'not-a-url'
  }
  if (url.username !== '' || url.password !== '') return 'credentials'
  if (url.search !== '' || url.hash !== '') return 'not-a-url'
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
  if (url.protocol !== 'https:' && !(loopbackHttp && !packaged)) return 'not-https'
  if (packaged && (!META_GRAPH_HOST.test(url.hostname) || url.port !== '')) return 'not-meta'
  return undefined
}
