/**
 * Where the login window may go. Facebook Login moves between Meta's own hosts (www, m and web
 * facebook.com; Meta accounts on meta.com), always over https; in practice mode the dialog is the
 * simulator's, on loopback http, and that exact origin is allowed too. Everything else is refused,
 * checked with the WHATWG URL parser (a prefix check is fooled by "facebook.com.evil.test").
 */
const META_LOGIN_DOMAINS = ['facebook.com', 'meta.com'] as const

const parse = (raw: string): URL | undefined => {
  try {
    return new URL(raw)
  } catch {
    return undefined
  }
}

/** https, no credentials or port, on facebook.com / meta.com or one of their subdomains. */
export function isMetaLoginUrl(raw: string): boolean {
  const url = parse(raw)
  if (!url || url.protocol !== 'https:' || url.username || url.password || url.port) return false
  return META_LOGIN_DOMAINS.some(
    (domain) => url.hostname === domain || url.hostname.endsWith(`.${domain}`),
  )
}

/** Navigation policy for one dialog: Meta's hosts, plus the dialog's own origin. */
export function createLoginNavigationPolicy(dialogUrl: string): (url: string) => boolean {
  const origin = parse(dialogUrl)?.origin
  return (raw) => isMetaLoginUrl(raw) || (origin !== undefined && parse(raw)?.origin === origin)
}

/**
 * What the login page may load: https and secure websockets (Facebook's page pulls scripts and
 * images from its CDNs, which navigation rules do not cover), inline data, and the dialog's own
 * origin (the practice simulator on loopback http). No file:, no plain http elsewhere.
 */
export function createLoginRequestPolicy(dialogUrl: string): (url: string) => boolean {
  const origin = parse(dialogUrl)?.origin
  return (raw) => {
    const url = parse(raw)
    if (!url) return false
    if (['https:', 'wss:', 'data:', 'blob:'].includes(url.protocol)) return true
    return origin !== undefined && url.origin === origin
  }
}
