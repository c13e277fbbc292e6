import type { Fault, FaultMatch, FaultRule } from '../../../src/main/practice'

/**
 * A seeded random fault script for one run of the guided flow: which requests misbehave and how.
 * Everything is drawn from one mulberry32 stream, so a seed printed in a finding replays the same
 * script (and, the flow being sequential, the same requests) exactly.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
}

/** mulberry32: small, fast and good enough to spread faults; not for anything secret. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    chance: (probability) => next() < probability,
  }
}

/** The requests the flow makes, by what they do; `{}` is "whatever request comes next". */
export const TARGETS: readonly { readonly label: string; readonly match: FaultMatch }[] = [
  { label: 'next request', match: {} },
  { label: 'any read', match: { method: 'GET' } },
  { label: 'list system users', match: { method: 'GET', path: /system_users$/ } },
  { label: 'create system user', match: { method: 'POST', path: /system_users$/ } },
  { label: 'batch', match: { method: 'POST', path: '/' } },
  { label: 'assign asset', match: { method: 'POST', path: /assigned_users$/ } },
  { label: 'install app', match: { method: 'POST', path: /applications$/ } },
  { label: 'generate token', match: { method: 'POST', path: /access_tokens$/ } },
  { label: 'revoke tokens', match: { method: 'DELETE', path: /access_tokens$/ } },
]

/** Throttling codes the simulator answers with usage headers (app, token, page, BUC). */
const THROTTLE_CODES = [4, 17, 32, 613, 80004] as const

function randomFault(random: Random): Fault {
  switch (random.int(0, 6)) {
    case 0:
      // Real milliseconds (the simulator sleeps): small, so 200 runs stay fast.
      return { kind: 'latency', ms: random.int(1, 25) }
    case 1:
      return { kind: 'http-error', status: random.pick([500, 502, 503] as const) }
    case 2:
      return { kind: 'graph-error', code: random.pick([1, 2]) }
    case 3: {
      const code = random.pick(THROTTLE_CODES)
      return random.chance(0.3)
        ? { kind: 'throttle', code }
        : { kind: 'throttle', code, regainMinutes: random.int(1, 30) }
    }
    case 4:
      return { kind: 'drop' }
    case 5:
      return { kind: 'commit-then-drop' }
    default:
      return { kind: 'http-error', status: 503 }
  }
}

export interface ScriptedFault {
  readonly target: string
  /** Matching requests let through before the fault strikes. */
  readonly skip: number
  readonly times: number
  readonly fault: Fault
}

/** One to four faults on random requests; one run in ten has none, as a control. */
export function faultScript(random: Random): ScriptedFault[] {
  if (random.chance(0.1)) return []
  const count = random.int(1, 4)
  return Array.from({ length: count }, () => {
    const target = random.pick(TARGETS)
    return {
      target: target.label,
      skip: random.int(0, 3),
      times: random.int(1, 3),
      fault: randomFault(random),
    }
  })
}

/**
 * The injector's rules for a script. "Skip k requests" is a zero-latency rule consumed by the
 * first k matches (the injector takes the first live rule that matches, in order).
 */
export function rulesOf(script: readonly ScriptedFault[]): FaultRule[] {
  return script.flatMap((scripted) => {
    const match = TARGETS.find((target) => target.label === scripted.target)?.match ?? {}
    const skip: FaultRule[] =
      scripted.skip > 0 ? [{ match, times: scripted.skip, fault: { kind: 'latency', ms: 0 } }] : []
    return [...skip, { match, times: scripted.times, fault: scripted.fault }]
  })
}

/** A short, secret-free description for findings: "503 on create system user ×2 (after 1)". */
export function describeScript(script: readonly ScriptedFault[]): string {
  if (script.length === 0) return 'no faults'
  return script
    .map((s) => {
      const f = s.fault
      const what =
        f.kind === 'http-error'
          ? String(f.status)
          : f.kind === 'graph-error'
            ? `code ${f.code}`
            : f.kind === 'throttle'
              ? `throttle ${f.code}${f.regainMinutes ? ` (${f.regainMinutes} min)` : ''}`
              : f.kind === 'latency'
                ? `${f.ms} ms latency`
                : f.kind
      return `${what} on ${s.target} ×${s.times}${s.skip ? ` (after ${s.skip})` : ''}`
    })
    .join('; ')
}
