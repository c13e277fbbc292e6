import { createHash } from 'node:crypto'
import type { Clock } from './clock'
import { readUsageHeaders, type UsageReading } from './usage-headers'

/**
 * The client's side of Meta's rate limits (REL-01; docs/graph-api.md §7). Each request belongs to a
 * few buckets: its app (`X-App-Usage`, codes 4 and 613), the token (code 17), the business objects
 * it touches (`X-Business-Use-Case-Usage`, codes 32 and 80000–80014) and the ad account it names
 * (`X-Ad-Account-Usage`). Meta's advice is to spread calls out as usage rises and to stop when
 * throttled — calls made while throttled fail and count against the app — so:
 * - at ≥ `slowAtPercent` the bucket's calls are spaced out, more the fuller it is;
 * - at ≥ `stopAtPercent`, or on a throttling code, the bucket is closed until Meta's
 *   `estimated_time_to_regain_access` (or `unknownRegainMs` when Meta gives no time).
 * Nothing is ever sent to a closed bucket early: `waitMs` tells the caller how long to wait —
 * not even after a relaunch, when the closes are given to a `ClosedBucketStore`.
 */
export interface RateLimitPolicy {
  readonly slowAtPercent: number
  readonly stopAtPercent: number
  /** Spacing between calls of a bucket at `slowAtPercent`, growing linearly to the max. */
  readonly minSpacingMs: number
  readonly maxSpacingMs: number
  /** How long a bucket stays closed when Meta throttles without saying for how long. */
  readonly unknownRegainMs: number
}

export const DEFAULT_RATE_LIMIT_POLICY: RateLimitPolicy = {
  slowAtPercent: 75,
  stopAtPercent: 95,
  minSpacingMs: 500,
  maxSpacingMs: 10_000,
  unknownRegainMs: 60 * 60 * 1000,
}

/** Which buckets a request draws on; built by the client from the request. */
export interface BucketScope {
  /** Short, non-reversible fingerprint of the token (never the token). */
  readonly tokenKey: string
  /**
   * Fingerprint of the request's app (`appKeyOf`); absent when the call names no app. One client
   * serves every app the admin connects, so each app's limit is its own bucket: Meta throttling
   * app A must not hold app B's calls (connect's debug_token among them).
   */
  readonly appKey?: string
  /** Graph object ids the request touches: the node in the path, `business`, hints. */
  readonly objectIds: readonly string[]
}

/** A closed bucket as it outlives the process: when it opens again, in wall-clock ms. */
export interface ClosedBucket {
  readonly bucket: string
  readonly closedUntil: number
}

/**
 * Closed buckets kept across launches (rate-limit-store.ts), so quitting and reopening the app
 * right after Meta throttled it does not send to that bucket early. Only real mode's client has one.
 */
export interface ClosedBucketStore {
  /** What an earlier run saved; expired entries are fine (the limiter drops them). */
  load(): ClosedBucket[]
  /** Called after a response closed a bucket or pushed its reopening later. Must not throw. */
  save(closed: readonly ClosedBucket[]): void
}

/**
 * The longest a restored close may last from now. Meta's regain times are capped at 24 h when
 * read (usage-headers.ts), so a later time comes from a wrong clock, and must not lock the admin
 * out for days.
 */
export const MAX_RESTORED_CLOSE_MS = 24 * 60 * 60 * 1000

export interface RateLimiterPersistence {
  /** Closed buckets to start with (a store's `load()`). */
  readonly restored?: readonly ClosedBucket[]
  /** Told every still-closed bucket whenever a close is added or extended (a store's `save`). */
  readonly onClose?: (closed: ClosedBucket[]) => void
}

interface BucketState {
  percent: number
  closedUntil: number
  lastSentAt: number
}

export interface RateLimiter {
  /** Bucket keys of a scope. */
  bucketsOf(scope: BucketScope): string[]
  /** Milliseconds to wait before a request in these buckets may be sent (0 = now). */
  waitMs(buckets: readonly string[]): number
  /** Records that a request in these buckets is being sent now. */
  noteSent(buckets: readonly string[]): void
  /** Reads a response's usage headers and, when `throttleCode` is set, closes the right bucket. */
  observe(
    buckets: readonly string[],
    headers: Readonly<Record<string, string | undefined>>,
    throttleCode?: number,
  ): void
  /**
   * For tests and diagnostics: the buckets closed now. Persistence does not go through it — the
   * limiter hands the same list to `RateLimiterPersistence.onClose` itself.
   */
  closedBuckets(): ClosedBucket[]
  /** For tests and diagnostics: the current state of one bucket. */
  inspect(bucket: string): Readonly<BucketState> | undefined
}

const AD_ACCOUNT = /^act_\d+$/

/** An app access token as graph/debug.ts builds it: `{app-id}|{app-secret}`. */
const APP_TOKEN = /^\d{1,32}\|(.+)$/s

/**
 * The app bucket's key for a call's credentials: 12 hex characters of a SHA-256 over the app
 * secret, which is the one thing that names the app on every call (the admin's calls carry it for
 * appsecret_proof; debug_token and the OAuth exchanges carry it inside the app token). The app id
 * would be nicer but the credentials do not hold it. Not reversible and domain-separated, so the
 * key (which rate-limits.json keeps) says nothing about the secret; undefined when the call names
 * no app (a bare user token): its app is then looked up by token, see `bucketsOf`.
 */
export function appKeyOf(credentials: {
  readonly token: string
  readonly appSecret?: string | null
}): string | undefined {
  const secret = credentials.appSecret || APP_TOKEN.exec(credentials.token)?.[1]
  if (!secret) return undefined
  return createHash('sha256')
    .update(`sua-rate-limit-app\0${secret}`, 'utf8')
    .digest('hex')
    .slice(0, 12)
}

/** Tokens whose app the limiter remembers; far more than a session uses, so memory stays bounded. */
const MAX_TOKEN_APPS = 512

export function createRateLimiter(
  clock: Clock,
  overrides: Partial<RateLimitPolicy> = {},
  persistence: RateLimiterPersistence = {},
): RateLimiter {
  const policy = { ...DEFAULT_RATE_LIMIT_POLICY, ...overrides }
  const states = new Map<string, BucketState>()
  const state = (bucket: string): BucketState => {
    let found = states.get(bucket)
    if (!found) {
      found = { percent: 0, closedUntil: 0, lastSentAt: Number.NEGATIVE_INFINITY }
      states.set(bucket, found)
    }
    return found
  }

  const seededAt = clock.now()
  for (const { bucket, closedUntil } of persistence.restored ?? []) {
    // `!(a > b)` also drops NaN. Expired entries are simply forgotten.
    if (!(closedUntil > seededAt)) continue
    const target = state(bucket)
    const capped = Math.min(closedUntil, seededAt + MAX_RESTORED_CLOSE_MS)
    target.closedUntil = Math.max(target.closedUntil, capped)
  }

  /**
   * The app each token was last used with. A token belongs to one app, so a call that carries only
   * the token (preflight's unsigned `me`, batch.ts re-reading its buckets) still counts against it.
   */
  const appOfToken = new Map<string, string>()
  const rememberApp = (tokenKey: string, appKey: string) => {
    appOfToken.delete(tokenKey)
    appOfToken.set(tokenKey, appKey)
    if (appOfToken.size > MAX_TOKEN_APPS) appOfToken.delete(appOfToken.keys().next().value!)
  }

  /**
   * The buckets that stand for a request's app: its `app:` bucket, or — when nothing names the
   * app — its token's, the narrowest bucket that still cannot hold up another app.
   */
  const appBucketsOf = (buckets: readonly string[]): string[] => {
    const apps = buckets.filter((bucket) => bucket.startsWith('app:'))
    return apps.length > 0 ? apps : buckets.filter((bucket) => bucket.startsWith('token:'))
  }

  /** Set when a close was added or extended since the store was last told. */
  let unsaved = false
  const closedBuckets = (): ClosedBucket[] => {
    const now = clock.now()
    return [...states]
      .filter(([, found]) => found.closedUntil > now)
      .map(([bucket, found]) => ({ bucket, closedUntil: found.closedUntil }))
  }

  const spacingFor = (percent: number): number => {
    if (percent < policy.slowAtPercent) return 0
    const span = Math.max(1, policy.stopAtPercent - policy.slowAtPercent)
    const share = Math.min(1, (percent - policy.slowAtPercent) / span)
    return policy.minSpacingMs + share * (policy.maxSpacingMs - policy.minSpacingMs)
  }

  const close = (bucket: string, regainMs: number | undefined) => {
    const target = state(bucket)
    const until = clock.now() + (regainMs ?? policy.unknownRegainMs)
    if (until > target.closedUntil) unsaved = true
    target.closedUntil = Math.max(target.closedUntil, until)
    // Meta's regain time is when the bucket is usable again; the full percentage seen now says
    // nothing about usage then, so it must not keep slowing calls after the bucket reopens.
    target.percent = 0
  }

  /**
   * `fallbackRegainMs`: the regain time Meta gave elsewhere in the same response. X-App-Usage
   * carries none, so when it reports a full app alongside a BUC entry that says "7 minutes", the
   * app is closed for those 7 minutes rather than a blind hour; with no time anywhere, the hour.
   */
  const apply = (bucket: string, reading: UsageReading, fallbackRegainMs: number | undefined) => {
    const target = state(bucket)
    target.percent = reading.percent
    // A regain time means Meta is already throttling this bucket, whatever the percentage says.
    if (reading.regainMs !== undefined || reading.percent >= policy.stopAtPercent) {
      close(bucket, reading.regainMs ?? fallbackRegainMs)
    }
  }

  /** Which buckets a throttling code closes (docs/graph-api.md §6.2 and §7). */
  const throttledBuckets = (
    buckets: readonly string[],
    code: number,
    readings: readonly UsageReading[],
  ): string[] => {
    if (code === 4 || code === 613) return appBucketsOf(buckets)
    if (code === 17) return buckets.filter((bucket) => bucket.startsWith('token:'))
    // 32 and 80000–80014: the business objects Meta reports as full, else the ones we touched.
    const reported = readings
      .filter((reading) => reading.bucket.startsWith('buc:'))
      .filter((reading) => reading.regainMs !== undefined || reading.percent >= 100)
      .map((reading) => reading.bucket)
    if (reported.length > 0) return reported
    const touched = buckets.filter(
      (bucket) => bucket.startsWith('buc:') || bucket.startsWith('ad-account:'),
    )
    return touched.length > 0 ? touched : appBucketsOf(buckets)
  }

  return {
    bucketsOf: (scope) => {
      const ids = [...new Set(scope.objectIds)]
      if (scope.appKey) rememberApp(scope.tokenKey, scope.appKey)
      const appKey = scope.appKey ?? appOfToken.get(scope.tokenKey)
      return [
        ...(appKey ? [`app:${appKey}`] : []),
        `token:${scope.tokenKey}`,
        ...ids.map((id) => `buc:${id}`),
        ...ids.filter((id) => AD_ACCOUNT.test(id)).map((id) => `ad-account:${id}`),
      ]
    },
    waitMs: (buckets) => {
      const now = clock.now()
      let wait = 0
      for (const bucket of buckets) {
        const found = states.get(bucket)
        if (!found) continue
        if (found.closedUntil > now) wait = Math.max(wait, found.closedUntil - now)
        const spacing = spacingFor(found.percent)
        if (spacing > 0) wait = Math.max(wait, found.lastSentAt + spacing - now)
      }
      return Math.max(0, Math.ceil(wait))
    },
    noteSent: (buckets) => {
      const now = clock.now()
      for (const bucket of buckets) state(bucket).lastSentAt = now
    },
    observe: (buckets, headers, throttleCode) => {
      const readings = readUsageHeaders(headers)
      const regains = readings.map((reading) => reading.regainMs ?? 0).filter((ms) => ms > 0)
      const regainMs = regains.length > 0 ? Math.max(...regains) : undefined
      const adAccounts = buckets.filter((bucket) => bucket.startsWith('ad-account:'))
      const apps = appBucketsOf(buckets)
      for (const reading of readings) {
        // X-App-Usage and X-Ad-Account-Usage do not say which app or account: the request's.
        if (reading.bucket === 'ad-account') {
          for (const bucket of adAccounts) apply(bucket, reading, regainMs)
        } else if (reading.bucket === 'app') {
          for (const bucket of apps) apply(bucket, reading, regainMs)
        } else {
          apply(reading.bucket, reading, regainMs)
        }
      }
      if (throttleCode !== undefined) {
        for (const bucket of throttledBuckets(buckets, throttleCode, readings))
          close(bucket, regainMs)
      }
      if (unsaved && persistence.onClose) persistence.onClose(closedBuckets())
      unsaved = false
    },
    closedBuckets,
    inspect: (bucket) => states.get(bucket),
  }
}
