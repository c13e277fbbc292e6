import { problem, type Finding } from '../gate'
import type { TakenFault, WireLog } from './wire-log'

/**
 * The invariants of one faulted run, judged from what the simulator and the stores hold afterwards
 * — never from what the app says about itself. Pure functions over a snapshot, so the unit test
 * can hand them a model with a duplicate system user or a lost token and watch them fail.
 */

/** One request as the simulator received it. Kept in memory only; never printed. */
export interface RequestSeen {
  /** Simulator (fake) clock, ms. */
  readonly at: number
  readonly method: string
  /** Path without query and version, e.g. `/123/system_users`; `/` is the Batch API. */
  readonly path: string
  /** Status answered; 0 = dropped, lost or left hanging. */
  readonly status: number
  /** The Authorization header (the token bucket); compared, never shown. */
  readonly auth: string
  /** Graph object ids the request touches: its path's node, `business`, batch operations' nodes. */
  readonly objects: readonly string[]
}

/** One stop of the flow as the admin would see it. */
export interface StopSeen {
  /** 'start': run-start failed (nothing journaled; the admin starts again); 'run': a run stopped. */
  readonly phase: 'start' | 'run'
  readonly code: string
  readonly messageKey: string
  /** A run stop: offered for resume (`flow:runs-unfinished` says resumable). Start: true. */
  readonly resumable: boolean
  /** The message key (and hint) resolve to English text with no placeholder left. */
  readonly plain: boolean
}

export type Outcome = 'completed' | 'resumed' | 'stuck'

export interface RunSnapshot {
  readonly seed: number
  readonly goal: string
  readonly name: string
  /** describeScript() of the run's faults. */
  readonly script: string
  readonly outcome: Outcome
  readonly startRetries: number
  readonly resumes: number
  readonly stops: readonly StopSeen[]
  /** Every system user of the business in the simulator model. */
  readonly systemUsers: readonly { readonly id: string; readonly name: string }[]
  /** Every SYSTEM_USER token the simulator issued; `valid` = neither revoked nor expired. */
  readonly issuedTokens: readonly {
    readonly userId?: string
    readonly value: string
    readonly valid: boolean
  }[]
  readonly vault: readonly { readonly id: string; readonly systemUserId?: string }[]
  /** Keychain entries of kind system-user-token. */
  readonly stored: readonly { readonly id: string; readonly value: string | null }[]
  readonly requests: readonly RequestSeen[]
  readonly wire: Readonly<WireLog>
}

export interface RunVerdict {
  readonly outcome: Outcome
  readonly duplicateSystemUsers: number
  readonly missingSystemUsers: number
  readonly tokensLost: number
  readonly earlyRequests: number
  /** Throttle answers whose regain time was measured (request- and operation-level). */
  readonly timedThrottles: number
  readonly blindCreateRetries: number
  readonly unplainStops: number
  readonly unresumableStops: number
  readonly findings: readonly Finding[]
}

/** REL-01: with no `estimated_time_to_regain_access`, a bucket stays closed for 60 minutes. */
export const UNKNOWN_REGAIN_MS = 60 * 60 * 1000
const APP_CODES = new Set([4, 613])
const CREATE_PATH = /\/(system_users|access_tokens)$/

/** A throttle answer: from when, until when, and which later requests it closes. */
interface Closure {
  readonly fault: TakenFault
  readonly until: number
  readonly closes: (request: RequestSeen) => boolean
  readonly what: string
}

function closureOf(fault: TakenFault, requests: readonly RequestSeen[]): Closure | undefined {
  if (fault.fault.kind !== 'throttle') return undefined
  const { code, regainMinutes } = fault.fault
  if (fault.scope === 'request') {
    // The answer carries X-App-Usage at 100% and a BUC regain time (1 min when none was
    // scripted): the whole app is throttled until then, so every request counts.
    const regainMs = (regainMinutes ?? 1) * 60_000
    return {
      fault,
      until: fault.at + regainMs,
      closes: () => true,
      what: `throttle ${code} (app at 100%, regain ${regainMs / 60_000} min)`,
    }
  }
  // A batch operation's throttle has no usage headers: closed for the unknown-regain hour, the
  // app for 4/613, the token for 17, the operation's business object for the BUC codes.
  const batch = requests[fault.request]
  const node = /^\/?([\w]+)/.exec(fault.path)?.[1]
  const closes = APP_CODES.has(code)
    ? () => true
    : code === 17
      ? (request: RequestSeen) => request.auth === batch?.auth
      : (request: RequestSeen) => node !== undefined && request.objects.includes(node)
  return {
    fault,
    until: fault.at + UNKNOWN_REGAIN_MS,
    closes,
    what: `batch-operation throttle ${code} (no regain given: 60 min)`,
  }
}

const countBefore = (times: readonly (number | undefined)[], limit: number): number =>
  times.filter((time) => time !== undefined && time < limit).length

/**
 * The requests that may arrive after a throttle answer without having been sent after it: actions
 * run side by side, so another branch's request can be on its way when the answer comes. Those
 * are the requests the client had committed to (limiter.noteSent) but the simulator had not yet
 * received when the client took note of the throttle; they are the next arrivals in order. If
 * the client never took note, nothing is excused (a client that ignores throttles fails).
 */
function inFlightAt(closure: Closure, wire: Readonly<WireLog>): Set<number> {
  const seen = wire.throttlesSeen.find((time) => time >= closure.fault.realAt)
  const known = seen ?? closure.fault.realAt
  const arrived = countBefore(wire.arrivals, known)
  const inFlight = Math.max(0, countBefore(wire.sends, known) - arrived)
  return new Set(Array.from({ length: inFlight }, (_, offset) => arrived + offset))
}

/** Requests that reached a bucket the simulator had throttled, before its regain time. */
export function earlyRequests(
  requests: readonly RequestSeen[],
  wire: Readonly<WireLog>,
): { count: number; timed: number; first?: string } {
  const closures = wire.faults.flatMap((fault) => closureOf(fault, requests) ?? [])
  const excused = closures.map((closure) => inFlightAt(closure, wire))
  let count = 0
  let first: string | undefined
  requests.forEach((request, index) => {
    const early = closures.find(
      (c, n) =>
        // Only what arrived after the answer was made, and was not already on its way.
        (wire.arrivals[index] ?? Number.POSITIVE_INFINITY) > c.fault.realAt &&
        index !== c.fault.request &&
        !excused[n]!.has(index) &&
        request.at < c.until &&
        c.closes(request),
    )
    if (!early) return
    count += 1
    first ??=
      `${request.method} ${request.path} ${Math.round((early.until - request.at) / 1000)} s ` +
      `before the regain time of ${early.what}`
  })
  return { count, timed: closures.length, ...(first ? { first } : {}) }
}

/** Whether a create's outcome was unknown to the client: no answer, a 5xx, or code 1/2. */
function outcomeUnknown(index: number, request: RequestSeen, faults: readonly TakenFault[]) {
  if (request.status === 0 || request.status >= 500) return true
  return faults.some(
    (f) => f.request === index && f.scope === 'request' && f.fault.kind === 'graph-error',
  )
}

/**
 * REL-02: a create (new system user, new token) whose outcome was unknown, sent again with no
 * reconciling request to the same edge in between (find-or-create lists `system_users` first;
 * generate-token revokes with `DELETE access_tokens` first). Other branches' requests may come
 * between; only the same path counts.
 */
export function blindCreateRetries(
  requests: readonly RequestSeen[],
  faults: readonly TakenFault[],
): number {
  let count = 0
  requests.forEach((request, index) => {
    if (request.method !== 'POST' || !CREATE_PATH.test(request.path)) return
    if (!outcomeUnknown(index, request, faults)) return
    const next = requests.slice(index + 1).find((later) => later.path === request.path)
    if (next?.method === 'POST') count += 1
  })
  return count
}

/** Tokens lost: a completed run's token missing from the keychain, the vault, or Meta's valid set. */
export function lostTokens(snapshot: RunSnapshot, systemUserId: string): string[] {
  const lost: string[] = []
  const stored = new Map(snapshot.stored.map((entry) => [entry.id, entry.value]))
  const valid = snapshot.issuedTokens.filter((token) => token.valid)
  const records = snapshot.vault.filter((record) => record.systemUserId === systemUserId)
  if (records.length !== 1) lost.push(`${records.length} vault records for the system user`)
  for (const record of records) {
    const value = stored.get(record.id)
    if (!value) lost.push('the vault record has no token in the keychain')
    else if (!valid.some((token) => token.userId === systemUserId && token.value === value))
      lost.push('the stored token is not the valid token the simulator issued')
  }
  const kept = new Set([...stored.values()].filter((value): value is string => value !== null))
  const unkept = valid.filter((token) => !kept.has(token.value)).length
  if (unkept > 0) lost.push(`${unkept} valid issued tokens are not in the keychain`)
  return lost
}

export function checkRun(snapshot: RunSnapshot): RunVerdict {
  const findings: Finding[] = []
  const tag = `seed ${snapshot.seed} (${snapshot.goal}; ${snapshot.script})`
  const named = snapshot.systemUsers.filter((user) => user.name === snapshot.name)
  const duplicateSystemUsers = Math.max(0, named.length - 1)
  if (duplicateSystemUsers > 0) {
    findings.push(
      problem(
        'duplicate-system-user',
        `${tag}: ${named.length} system users named "${snapshot.name}"`,
      ),
    )
  }
  const finished = snapshot.outcome !== 'stuck'
  const missingSystemUsers = finished && named.length === 0 ? 1 : 0
  if (missingSystemUsers > 0) {
    findings.push(problem('system-user-missing', `${tag}: completed, but no system user exists`))
  }
  const lost = finished && named[0] ? lostTokens(snapshot, named[0].id) : []
  if (lost.length > 0) findings.push(problem('token-lost', `${tag}: ${lost.join('; ')}`))
  if (!finished) {
    const last = snapshot.stops.at(-1)
    findings.push(
      problem(
        'run-stuck',
        `${tag}: not completed after ${snapshot.resumes} resumes, faults cleared` +
          (last ? `; last error ${last.code}` : ''),
      ),
    )
  }
  const early = earlyRequests(snapshot.requests, snapshot.wire)
  if (early.first) {
    findings.push(problem('throttled-bucket-early', `${tag}: ${early.count} early; ${early.first}`))
  }
  const blind = blindCreateRetries(snapshot.requests, snapshot.wire.faults)
  if (blind > 0) {
    findings.push(problem('blind-create-retry', `${tag}: ${blind} creates re-sent blindly`))
  }
  const unplain = snapshot.stops.filter((stop) => !stop.plain)
  if (unplain.length > 0) {
    const keys = unplain.map((stop) => stop.messageKey).join(', ')
    findings.push(problem('unplain-error', `${tag}: no plain-language message for ${keys}`))
  }
  const unresumable = snapshot.stops.filter((stop) => !stop.resumable)
  if (unresumable.length > 0) {
    const codes = unresumable.map((stop) => stop.code).join(', ')
    findings.push(
      problem('stop-not-resumable', `${tag}: stopped without a resumable run (${codes})`),
    )
  }
  return {
    outcome: snapshot.outcome,
    duplicateSystemUsers,
    missingSystemUsers,
    tokensLost: lost.length,
    earlyRequests: early.count,
    timedThrottles: early.timed,
    blindCreateRetries: blind,
    unplainStops: unplain.length,
    unresumableStops: unresumable.length,
    findings,
  }
}
