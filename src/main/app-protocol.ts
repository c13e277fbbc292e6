import { readFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import type { CustomScheme, Protocol } from 'electron'
import { contentTypeFor } from './content-types'
import { APP_CSP } from './csp'
import type { Logger } from './log/logger'

/**
 * The renderer is served from `app://vault/` through `protocol.handle`, never from `file://`:
 * file pages get extra privileges and, after an XSS, can read any local file (Electron security
 * checklist item 18). Electron objects are passed in, so this module loads without Electron.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'vault'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * standard: real origin, relative URLs and storage work like https. secure: a secure context.
 * Nothing else (no bypassCSP, no CORS, no fetch, no service workers): the renderer needs none.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true },
}

/**
 * True for URLs of our own origin. Compares protocol and host because WHATWG `URL.origin` is the
 * string "null" for schemes the parser does not know as special, such as `app:`.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw)
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  )
}

/** Encoded '/', '\' and NUL: a path must not smuggle a separator or terminator past the parser. */
const ENCODED_FORBIDDEN = /%(?:2f|5c|00)/i
/** A `.` or `..` segment, plain or percent-encoded, before the parser resolves it away. */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i
const MAX_URL_LENGTH = 2048

/**
 * Maps a request URL to a file under `rootDir`, or null. Rejects other schemes and hosts, ports,
 * credentials, `.`/`..` segments (also percent-encoded), encoded or raw backslashes, encoded
 * slashes, NUL and other control characters, whitespace, empty segments and drive-letter-like
 * segments; and as a last line, anything that
 * does not resolve strictly inside the root. Chromium normalises standard-scheme URLs before they
 * reach us, so this guards against what it might let through, not only against what it sends.
 */
export function resolveAppPath(raw: string, rootDir: string): string | null {
  if (raw.length > MAX_URL_LENGTH || hasRawForbidden(raw) || !isAppUrl(raw)) return null
  // The parser would resolve dot segments and we would serve a different file than was asked
  // for; a request that tries is refused outright.
  if (DOT_SEGMENT.test(raw.replace(/[?#][^]*$/, ''))) return null
  const { pathname } = new URL(raw)
  if (pathname.includes('\\') || ENCODED_FORBIDDEN.test(pathname)) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  // "" (no path) and "/" both mean the entry page; a trailing "/" means that folder's index.
  const segments = decoded === '' ? [''] : decoded.slice(1).split('/')
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html'
  const unsafe = (segment: string) =>
    segment === '' || segment === '.' || segment === '..' || segment.includes(':')
  if (segments.some(unsafe)) return null
  const root = resolve(rootDir)
  const file = resolve(root, ...segments)
  return file.startsWith(root + sep) ? file : null
}

/** Headers on every response, errors included, so no document of ours ever runs without the CSP. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const

const plain = (status: number): Response =>
  new Response(null, { status, headers: { ...SECURITY_HEADERS } })

/** The request handler behind `app://`: read-only, files under `rootDir` only. */
export function createAppRequestHandler(
  rootDir: string,
  log: Logger,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405)
    const file = resolveAppPath(request.url, rootDir)
    if (file === null) {
      log.warn('protocol.path-rejected')
      return plain(404)
    }
    let body: Buffer
    try {
      body = await readFile(file)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return plain(404)
      log.error('protocol.read-failed', { code })
      return plain(500)
    }
    const type = contentTypeFor(file)
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': type },
    })
  }
}

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
}

/** Serves `rootDir` (the built renderer) on `app://vault/`. Call once `app` is ready. */
export function serveAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rootDir: string,
  log: Logger,
): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, log))
}

/** Whitespace, control characters (the URL parser silently strips or keeps them) and '\'. */
function hasRawForbidden(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i)
    if (code <= 0x20 || code === 0x7f || code === 0x5c) return true
  }
  return false
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}
