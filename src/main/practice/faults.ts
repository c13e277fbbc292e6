/**
 * Fault injection for tests and the bench. A programmatic object only: no HTTP endpoint exposes
 * it, so nothing outside main's process (least of all the renderer) can reach it.
 */
export type Fault =
  | { kind: 'http-error'; status: 500 | 502 | 503 }
  | { kind: 'graph-error'; code: number; subcode?: number }
  | { kind: 'throttle'; code: 4 | 17 | 32 | 613 | 80004; regainMinutes?: number }
  | { kind: 'drop' }
  | { kind: 'commit-then-drop' }
  | { kind: 'hang' }
  | { kind: 'latency'; ms: number }

export interface FaultMatch {
  method?: string
  /**
   * A string matches the request path exactly, with or without the version prefix
   * (`/123/system_users` matches `/v27.0/123/system_users`). A RegExp is tested against both the
   * path as sent and the path without the version. The query string never takes part.
   */
  path?: string | RegExp
}

export interface FaultRule {
  match?: FaultMatch
  /** How many matching requests the rule applies to; default 1. */
  times?: number
  fault: Fault
}

export interface FaultInjector {
  /** Delay added to every request (ms); 0 turns it off. */
  setLatency(ms: number): void
  add(rule: FaultRule): void
  clear(): void
}

/** Kinds that can answer for one operation inside a batch; the others act on the connection. */
const OP_KINDS: ReadonlySet<Fault['kind']> = new Set([
  'http-error',
  'graph-error',
  'throttle',
  'latency',
])

interface ActiveRule {
  match: FaultMatch
  remaining: number
  fault: Fault
}

export function stripVersion(path: string): string {
  const clean = `/${path.split('?')[0] ?? ''}`.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1')
  return clean.replace(/^\/v\d+\.\d+(?=\/|$)/, '') || '/'
}

export class FaultController implements FaultInjector {
  private latency = 0
  private rules: ActiveRule[] = []

  setLatency(ms: number): void {
    this.latency = Math.max(0, ms)
  }

  get baseLatency(): number {
    return this.latency
  }

  add(rule: FaultRule): void {
    this.rules.push({ match: rule.match ?? {}, remaining: rule.times ?? 1, fault: rule.fault })
  }

  clear(): void {
    this.rules = []
    this.latency = 0
  }

  /**
   * The first rule matching this request (consumed once). `scope: 'op'` looks only at the kinds
   * a batch operation can carry, leaving connection faults for the HTTP request itself.
   */
  take(method: string, path: string, scope: 'request' | 'op'): Fault | undefined {
    const bare = stripVersion(path)
    const raw = `/${path.split('?')[0] ?? ''}`.replace(/\/{2,}/g, '/')
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (scope === 'request' || OP_KINDS.has(r.fault.kind)) &&
        (!r.match.method || r.match.method.toUpperCase() === method.toUpperCase()) &&
        pathMatches(r.match.path, raw, bare),
    )
    if (!rule) return undefined
    rule.remaining -= 1
    this.rules = this.rules.filter((r) => r.remaining > 0)
    return rule.fault
  }
}

function pathMatches(pattern: string | RegExp | undefined, raw: string, bare: string): boolean {
  if (pattern === undefined) return true
  if (typeof pattern === 'string') return stripVersion(pattern) === bare
  pattern.lastIndex = 0
  if (pattern.test(raw)) return true
  pattern.lastIndex = 0
  return pattern.test(bare)
}
