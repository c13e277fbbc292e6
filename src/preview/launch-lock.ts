import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { forgetSecret, registerSecret } from '../main/log/redact'

/**
 * The preview belongs to whoever started it, as a Jupyter notebook server does. Each launch makes
 * a random launch secret and puts it in the URL it prints, in the fragment (`#k=…`): browsers never
 * send a fragment to a server, so it stays out of request lines, proxies, server logs and Referer.
 * The page's bridge reads it, trades it once for a session cookie at SESSION_PATH, and drops the
 * fragment from the address bar. Every API call and the event stream then need that cookie.
 *
 * Per launch, not per page: the launch secret stays valid while this server runs, so the printed
 * URL also opens the preview in a second tab or browser; a reload (the fragment is gone by then)
 * keeps working through the cookie. A new server is a new launch: a secret or cookie from an
 * earlier one matches nothing. Nothing here is written to disk, and both values are registered
 * with the log redactor, so even a careless log line would show them masked.
 */

/** Where the bridge trades the launch secret for the session cookie. */
export const SESSION_PATH = '/__api/session'

/** The fragment parameter that carries the launch secret: `#k=<secret>`. */
export const LAUNCH_SECRET_PARAM = 'k'

/** 32 random bytes (256 bits), base64url: 43 characters, safe in a fragment and a cookie. */
export const SECRET_BYTES = 32

/** Longer candidates are refused before any hashing; a real secret is 43 characters. */
const MAX_CANDIDATE_LENGTH = 256

/** A Cookie header naming our cookie more often than this is not from a browser. */
const MAX_COOKIE_VALUES = 8

export interface LaunchLock {
  /** `#k=<launch secret>`, to append to the server's URL for the person who started it. */
  readonly fragment: string
  /** `sua-preview-<port>`: cookies ignore ports, so two previews on one machine must not collide. */
  readonly cookieName: string
  /** The Set-Cookie header for a correct launch secret; null for anything else. */
  exchange(candidate: unknown): string | null
  /** Whether a request's Cookie header carries this launch's session. */
  admits(cookieHeader: string | undefined): boolean
  /** Ends the launch: the values leave the redactor's registry (the server is closing). */
  dispose(): void
}

const newSecret = (): string => randomBytes(SECRET_BYTES).toString('base64url')

/**
 * Hashing first gives two buffers of the same length whatever the candidate's length, so
 * timingSafeEqual can compare them and the time taken says nothing about how much matched.
 */
const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

const matches = (candidate: string, expected: Buffer): boolean =>
  timingSafeEqual(digest(candidate), expected)

/** Every value the header gives the cookie `name` (a page may be sent several with one name). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return []
  const prefix = `${name}=`
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(prefix))
    .map((part) => part.slice(prefix.length))
}

/** Makes the secrets of one launch; `port` is the port the server listens on. */
export function createLaunchLock(port: number): LaunchLock {
  const launchSecret = newSecret()
  const session = newSecret()
  registerSecret(launchSecret)
  registerSecret(session)
  const launchDigest = digest(launchSecret)
  const sessionDigest = digest(session)
  const cookieName = `sua-preview-${port}`
  // HttpOnly: the page's scripts never see it. SameSite=Strict: no other site's page can make the
  // browser send it. Path=/: the API and the event stream both get it. No Max-Age: it goes when the
  // browser closes, and it is worthless once this server stops anyway. No `Secure`: the preview is
  // plain http on loopback (traffic that never leaves the machine, so no network to protect it
  // from), and browsers differ on keeping a Secure cookie set over http://127.0.0.1.
  const setCookie = `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`

  return {
    fragment: `#${LAUNCH_SECRET_PARAM}=${launchSecret}`,
    cookieName,
    exchange(candidate) {
      if (typeof candidate !== 'string' || candidate.length > MAX_CANDIDATE_LENGTH) return null
      return matches(candidate, launchDigest) ? setCookie : null
    },
    admits(cookieHeader) {
      const values = cookieValues(cookieHeader, cookieName)
      if (values.length > MAX_COOKIE_VALUES) return false
      // Every value is compared (no early exit), so the time does not tell which one matched.
      let admitted = false
      for (const value of values) {
        if (value.length <= MAX_CANDIDATE_LENGTH && matches(value, sessionDigest)) admitted = true
      }
      return admitted
    },
    dispose() {
      forgetSecret(launchSecret)
      forgetSecret(session)
    },
  }
}
