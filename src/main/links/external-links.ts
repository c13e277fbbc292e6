import { LINK_PATTERNS, matchesPattern, REDIRECTOR_HOSTS, REDIRECTOR_PATH } from './link-patterns'

/**
 * The one way out of the app to the web: https only, and only the exact pages the app links to
 * (link-patterns.ts), checked with the WHATWG URL parser (a startsWith check is fooled by
 * "business.facebook.com.evil.test"). Electron's shell.openExternal can run programs when given
 * other schemes, and a Meta redirector can send the browser anywhere, so neither reaches it.
 */

/** The hosts of the allowed pages (docs/security-requirements.md SEC-05 names these three). */
export const ALLOWED_EXTERNAL_HOSTS: ReadonlySet<string> = new Set(
  LINK_PATTERNS.map((pattern) => pattern.host),
)

/** Why a URL was refused: for the log and the gate's figures, never shown with the URL. */
export type LinkRefusal = 'malformed' | 'not-https' | 'redirector' | 'carries-url' | 'not-on-list'

export type LinkVerdict = { allowed: true } | { allowed: false; reason: LinkRefusal }

const refuse = (reason: LinkRefusal): LinkVerdict => ({ allowed: false, reason })

/** A URL, a scheme-relative URL or a scheme, once or twice percent-encoded. */
const CARRIED_URL = /(?:^|[=&/])(?:[a-z][a-z0-9+.-]*:|\/\/|%2f%2f|%252f)|%3a%2f|%253a/i

export function checkExternalUrl(raw: string): LinkVerdict {
  // Printable ASCII only, anywhere in the URL: the parser silently drops or re-encodes control and
  // invisible characters (a trailing NUL or zero-width space after the path got through before),
  // and what we check must be exactly what the OS browser receives.
  if (raw.length > 2048 || !/^[\x21-\x7e]+$/.test(raw)) return refuse('malformed')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refuse('malformed')
  }
  if (url.protocol !== 'https:') return refuse('not-https')
  // Reject anything the parser had to rewrite (IDN, odd casing, backslashes, default port,
  // credentials): what we check must be exactly what the OS browser opens.
  if (url.username !== '' || url.password !== '' || url.port !== '' || url.href !== raw) {
    return refuse('malformed')
  }
  if (REDIRECTOR_HOSTS.has(url.hostname) || REDIRECTOR_PATH.test(url.pathname)) {
    return refuse('redirector')
  }
  // After "https://host", no part of the URL may hold another URL: that is how a redirect rides.
  if (CARRIED_URL.test(raw.slice(`https://${url.host}`.length))) return refuse('carries-url')
  return LINK_PATTERNS.some((pattern) => matchesPattern(raw, pattern))
    ? { allowed: true }
    : refuse('not-on-list')
}

export function isAllowedExternalUrl(raw: string): boolean {
  return checkExternalUrl(raw).allowed
}

export type OpenExternal = (url: string) => Promise<void>
