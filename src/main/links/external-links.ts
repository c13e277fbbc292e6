/**
 * The one way out of the app to the web: https only, exact Meta hosts only, checked with the WHATWG
 * URL parser (a startsWith check is fooled by "business.facebook.com.evil.test"). Electron's
 * shell.openExternal can run programs when given other schemes, so nothing else reaches it.
 */
export const ALLOWED_EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'business.facebook.com',
  'developers.facebook.com',
  'www.facebook.com',
])

export function isAllowedExternalUrl(raw: string): boolean {
  // Printable ASCII only, anywhere in the URL: the parser silently drops or re-encodes control and
  // invisible characters (a trailing NUL or zero-width space after the path got through before),
  // and what we check must be exactly what the OS browser receives.
  if (raw.length > 2048 || !/^[\x21-\x7e]+$/.test(raw)) return false
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    ALLOWED_EXTERNAL_HOSTS.has(url.hostname) &&
    // Reject anything the parser had to rewrite (IDN, odd casing, backslashes): what we check
    // must be exactly what the OS browser opens.
    (raw.startsWith(`https://${url.hostname}/`) || raw === `https://${url.hostname}`)
  )
}

export type OpenExternal = (url: string) => Promise<void>
