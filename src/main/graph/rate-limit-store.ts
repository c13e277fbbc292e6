import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../log/logger'
import { writeAtomic } from '../settings/file-kv-store'
import type { Clock } from './clock'
import { MAX_RESTORED_CLOSE_MS, type ClosedBucket, type ClosedBucketStore } from './rate-limits'

/**
 * `<dataDir>/rate-limits.json`: the real Graph client's closed rate-limit buckets, so a relaunch
 * right after Meta throttled the app still sends nothing to them before their regain time
 * (REL-01). Written whole and atomically (settings/file-kv-store.ts) on every close — closes are
 * rare — and read once when the client is made.
 *
 * The file is advice, not data: a missing, unreadable or corrupt one is ignored with a log line
 * (the next close overwrites it), and so is one saved more than 24 h "in the future" (the clock
 * was wrong then or is wrong now). Restored closes are capped at now + 24 h either way.
 */
export const RATE_LIMIT_FILE = 'rate-limits.json'

export const rateLimitFile = (dataDir: string): string => join(dataDir, RATE_LIMIT_FILE)

const FORMAT = 1
/** Far more than a real session closes; bounds what a tampered file can make us hold. */
const MAX_ENTRIES = 256
/**
 * The only bucket keys saved or restored (rate-limits.ts `bucketsOf`, usage-headers.ts): an app's
 * or a token's 12-hex SHA-256 fingerprint (never the secret or the token), business object and
 * ad-account ids. Anything else is left out, so no later change can put a secret in this file by
 * accident. A plain `app` entry (saved before app buckets were keyed per app) is left out too, and
 * counted as skipped: it cannot say which app Meta throttled, and restoring it would hold them all.
 */
const BUCKET_KEY = /^((app|token):[0-9a-f]{12}|buc:(act_)?\d{1,32}|ad-account:act_\d{1,32})$/

export interface RateLimitStoreOptions {
  readonly file: string
  readonly log: Logger
  readonly clock: Clock
}

interface SavedFile {
  readonly format: typeof FORMAT
  readonly savedAt: number
  readonly closed: readonly ClosedBucket[]
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isEntry = (value: unknown): value is ClosedBucket =>
  isRecord(value) &&
  typeof value.bucket === 'string' &&
  BUCKET_KEY.test(value.bucket) &&
  typeof value.closedUntil === 'number' &&
  Number.isFinite(value.closedUntil)

type Parsed = { ok: true; file: SavedFile; skipped: number } | { ok: false; reason: string }

function parse(text: string): Parsed {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // The parser's message quotes the content; the reason is enough for the log.
    return { ok: false, reason: 'invalid-json' }
  }
  if (!isRecord(value) || value.format !== FORMAT) return { ok: false, reason: 'unknown-format' }
  const { savedAt, closed } = value
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || !Array.isArray(closed)) {
    return { ok: false, reason: 'unknown-format' }
  }
  const entries = closed.slice(0, MAX_ENTRIES).filter(isEntry)
  return {
    ok: true,
    file: { format: FORMAT, savedAt, closed: entries },
    skipped: closed.length - entries.length,
  }
}

export function createRateLimitStore(options: RateLimitStoreOptions): ClosedBucketStore {
  const { file, log, clock } = options

  const read = (): string | undefined => {
    try {
      return readFileSync(file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') log.warn('graph.rate-limits-file-unreadable', { code })
      return undefined
    }
  }

  const load = (): ClosedBucket[] => {
    const text = read()
    if (text === undefined) return []
    const parsed = parse(text)
    if (!parsed.ok) {
      log.warn('graph.rate-limits-file-ignored', {
        reason: parsed.reason,
        bytes: Buffer.byteLength(text),
      })
      return []
    }
    const now = clock.now()
    const { savedAt, closed } = parsed.file
    if (savedAt > now + MAX_RESTORED_CLOSE_MS) {
      log.warn('graph.rate-limits-file-ignored', { reason: 'saved-in-the-future', savedAt, now })
      return []
    }
    const stillClosed = closed.filter((entry) => entry.closedUntil > now)
    const limit = now + MAX_RESTORED_CLOSE_MS
    const capped = stillClosed.filter((entry) => entry.closedUntil > limit).length
    const restored = stillClosed.map((entry) => ({
      bucket: entry.bucket,
      closedUntil: Math.min(entry.closedUntil, limit),
    }))
    if (closed.length > 0 || parsed.skipped > 0) {
      log.info('graph.rate-limits-restored', {
        closed: restored.length,
        expired: closed.length - stillClosed.length,
        capped,
        skipped: parsed.skipped,
      })
    }
    return restored
  }

  const save = (closed: readonly ClosedBucket[]): void => {
    const entries = closed
      .filter(isEntry)
      .slice(0, MAX_ENTRIES)
      .map(({ bucket, closedUntil }) => ({ bucket, closedUntil }))
    const saved: SavedFile = { format: FORMAT, savedAt: clock.now(), closed: entries }
    try {
      writeAtomic(file, JSON.stringify(saved, null, 2))
    } catch (error) {
      // Losing the file only loses the relaunch guard; the call itself must go on.
      log.warn('graph.rate-limits-save-failed', { code: (error as NodeJS.ErrnoException).code })
    }
  }

  return { load, save }
}
