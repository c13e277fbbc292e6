/**
 * Reads Meta's usage headers (docs/graph-api.md §7; REL-01): `X-App-Usage`,
 * `X-Business-Use-Case-Usage` and `X-Ad-Account-Usage`. Meta says their fields may change, so
 * parsing is defensive: a header that is not JSON, a value that is not a number, a huge or negative
 * number, an odd key — each is skipped, never thrown. Percentages are clamped to 0–1000, regain
 * times to 0–24 h.
 */

/** One reading: how full a bucket is, and (when Meta says so) how long until it is usable again. */
export interface UsageReading {
  /** `app`, `buc:<business object id>`, or `ad-account` (the caller knows which account). */
  readonly bucket: string
  readonly percent: number
  readonly regainMs?: number
}

const MAX_HEADER_CHARS = 64_000
const MAX_BUC_OBJECTS = 64
const MAX_BUC_ENTRIES = 16
const DAY_MS = 24 * 60 * 60 * 1000
const OBJECT_ID = /^[A-Za-z0-9_.-]{1,64}$/

const number = (value: unknown): number | undefined => {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined
}

const percentOf = (record: Readonly<Record<string, unknown>>, keys: readonly string[]): number => {
  let highest = 0
  for (const key of keys) {
    const value = number(record[key])
    if (value !== undefined && value > highest) highest = value
  }
  return Math.min(highest, 1000)
}

const regainOf = (value: unknown, unitMs: number): number | undefined => {
  const amount = number(value)
  if (amount === undefined || amount <= 0) return undefined
  return Math.min(Math.round(amount * unitMs), DAY_MS)
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const parseJson = (text: string | undefined): unknown => {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_HEADER_CHARS)
    return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

const USAGE_KEYS = ['call_count', 'total_cputime', 'total_time'] as const

function readAppUsage(text: string | undefined): UsageReading[] {
  const value = parseJson(text)
  if (!isRecord(value)) return []
  return [{ bucket: 'app', percent: percentOf(value, USAGE_KEYS) }]
}

function readBusinessUsage(text: string | undefined): UsageReading[] {
  const value = parseJson(text)
  if (!isRecord(value)) return []
  const readings: UsageReading[] = []
  for (const [objectId, entries] of Object.entries(value).slice(0, MAX_BUC_OBJECTS)) {
    if (!OBJECT_ID.test(objectId)) continue
    const list: unknown[] = Array.isArray(entries) ? entries : [entries]
    let percent = 0
    let regainMs: number | undefined
    for (const item of list.slice(0, MAX_BUC_ENTRIES)) {
      if (!isRecord(item)) continue
      percent = Math.max(percent, percentOf(item, USAGE_KEYS))
      // Minutes, per Meta's rate-limiting page.
      const regain = regainOf(item.estimated_time_to_regain_access, 60_000)
      if (regain !== undefined) regainMs = Math.max(regainMs ?? 0, regain)
    }
    readings.push({ bucket: `buc:${objectId}`, percent, ...(regainMs ? { regainMs } : {}) })
  }
  return readings
}

function readAdAccountUsage(text: string | undefined): UsageReading[] {
  const value = parseJson(text)
  if (!isRecord(value)) return []
  const percent = percentOf(value, ['acc_id_util_pct'])
  // Seconds until the account's usage resets; it only matters once the account is at its limit.
  const regainMs = regainOf(value.reset_time_duration, 1000)
  return [{ bucket: 'ad-account', percent, ...(regainMs && percent >= 100 ? { regainMs } : {}) }]
}

/** Every usage reading in one response's headers (lower-case names). Never throws. */
export function readUsageHeaders(
  headers: Readonly<Record<string, string | undefined>>,
): UsageReading[] {
  try {
    return [
      ...readAppUsage(headers['x-app-usage']),
      ...readBusinessUsage(headers['x-business-use-case-usage']),
      ...readAdAccountUsage(headers['x-ad-account-usage']),
    ]
  } catch {
    // Defence in depth: a reading is advice, and a bad header must never fail a call.
    return []
  }
}
