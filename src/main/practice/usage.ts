import { GraphError } from './errors'

const HOUR_MS = 3_600_000

/** Business Use Case types (docs/graph-api.md §7) and the throttle code each answers with. */
export type BucType =
  'ads_management' | 'pages' | 'instagram' | 'whatsapp_business_management' | 'catalog_management'

export const BUC_CODES: Readonly<Record<BucType, number>> = {
  pages: 80001,
  instagram: 80002,
  ads_management: 80004,
  whatsapp_business_management: 80008,
  catalog_management: 80009,
}

const BUC_NOUNS: Readonly<Record<BucType, string>> = {
  pages: 'Page',
  instagram: 'Instagram',
  ads_management: 'ad-account',
  whatsapp_business_management: 'WhatsApp Business',
  catalog_management: 'Catalog',
}

/**
 * Throttle errors, texts from docs/graph-api.md §6.2/§7 and 3P logs. All are transient: back off
 * and retry.
 */
export function throttleError(code: number): GraphError {
  const type = (Object.keys(BUC_CODES) as BucType[]).find((t) => BUC_CODES[t] === code)
  if (type) {
    return new GraphError(
      code,
      `(#${code}) There have been too many calls to this ${BUC_NOUNS[type]} account. Wait a bit ` +
        'and try again. For more info, please refer to ' +
        'https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
      // Ads Management / Insights / Custom Audience throttles carry 2446079 (docs/graph-api.md §7).
      { transient: true, ...(code === 80004 ? { subcode: 2446079 } : {}) },
    )
  }
  const texts: Record<number, string> = {
    4: '(#4) Application request limit reached',
    17: '(#17) User request limit reached',
    32: '(#32) Page request limit reached',
    613: '(#613) Calls to this api have exceeded the rate limit.',
  }
  return new GraphError(code, texts[code] ?? `(#${code}) Rate limit reached`, { transient: true })
}

export interface UsageKeys {
  appId: string
  businessId?: string
  bucType?: BucType
}

export interface UsageLimits {
  appCallsPerHour: number
  bucCallsPerHour: number
}

/** One X-Business-Use-Case-Usage entry (docs/graph-api.md §7). */
export interface BucEntry {
  type: BucType
  call_count: number
  total_cputime: number
  total_time: number
  estimated_time_to_regain_access: number
}

/**
 * Counts calls in a rolling hour per app (Platform limit → X-App-Usage, code 4) and per business
 * and use case (BUC → X-Business-Use-Case-Usage, codes 800xx). Percentages are of the configured
 * hourly limits; a call that finds its bucket full is refused and not counted, so the bucket frees
 * as its oldest calls leave the window — which is what `estimated_time_to_regain_access` says.
 */
export class UsageTracker {
  private readonly app = new Map<string, number[]>()
  private readonly buc = new Map<string, Map<BucType, number[]>>()

  constructor(
    private readonly limits: UsageLimits,
    private readonly now: () => number,
  ) {}

  /** Counts one call, or returns the throttle error if a bucket is already full. */
  take(keys: UsageKeys): GraphError | undefined {
    const appCalls = this.window(this.app, keys.appId)
    if (appCalls.length >= this.limits.appCallsPerHour) return throttleError(4)
    const bucCalls = this.bucWindow(keys)
    if (bucCalls && keys.bucType && bucCalls.length >= this.limits.bucCallsPerHour) {
      return throttleError(BUC_CODES[keys.bucType])
    }
    const at = this.now()
    appCalls.push(at)
    bucCalls?.push(at)
    return undefined
  }

  /** X-App-Usage: whole-number percentages (docs/graph-api.md §7). */
  appUsage(appId: string): { call_count: number; total_cputime: number; total_time: number } {
    const pct = this.percent(this.window(this.app, appId).length, this.limits.appCallsPerHour)
    return { call_count: pct, total_cputime: Math.floor(pct / 2), total_time: Math.floor(pct / 2) }
  }

  /** X-Business-Use-Case-Usage entries for one business, one per use case it has used. */
  bucUsage(businessId: string): BucEntry[] {
    const types = this.buc.get(businessId)
    if (!types) return []
    const out: BucEntry[] = []
    for (const type of types.keys()) {
      const calls = this.window(types, type)
      if (calls.length === 0) continue
      const pct = this.percent(calls.length, this.limits.bucCallsPerHour)
      out.push({
        type,
        call_count: pct,
        total_cputime: Math.floor(pct / 2),
        total_time: Math.floor(pct / 2),
        estimated_time_to_regain_access: this.regainMinutes(calls, this.limits.bucCallsPerHour),
      })
    }
    return out
  }

  private bucWindow(keys: UsageKeys): number[] | undefined {
    if (!keys.businessId || !keys.bucType) return undefined
    const types = this.buc.get(keys.businessId) ?? new Map<BucType, number[]>()
    this.buc.set(keys.businessId, types)
    return this.window(types, keys.bucType)
  }

  private window<K>(map: Map<K, number[]>, key: K): number[] {
    const calls = map.get(key) ?? []
    map.set(key, calls)
    const cutoff = this.now() - HOUR_MS
    let drop = 0
    while (drop < calls.length && (calls[drop] ?? 0) <= cutoff) drop += 1
    if (drop > 0) calls.splice(0, drop)
    return calls
  }

  private percent(count: number, limit: number): number {
    return Math.ceil((count * 100) / Math.max(1, limit))
  }

  /** Minutes until enough calls leave the window for the bucket to accept one again. */
  private regainMinutes(calls: readonly number[], limit: number): number {
    if (calls.length < limit) return 0
    const freeing = calls[calls.length - limit] ?? this.now()
    return Math.max(1, Math.ceil((freeing + HOUR_MS - this.now()) / 60_000))
  }
}
