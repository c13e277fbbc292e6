import { setImmediate as nextTurn } from 'node:timers/promises'
import {
  createAxiosTransport,
  type Transport,
  type TransportOutcome,
  type TransportRequest,
} from '../../../src/main/graph/transport'

/**
 * TEST ONLY — counts sequential round trips without measuring time. The transport holds every
 * request; once the code under test has gone quiet (nothing in flight, no new request for a few
 * event-loop turns) it lets everything held go at once, as one round. So a request that needed
 * another's answer always lands in a later round, and requests sent side by side share one: the
 * rounds counted are the round trips the flow waits through when every request takes the same
 * latency — the model of the bench's floor (bench/scenarios/flow-calls.ts) — whatever the speed
 * of the machine running the test.
 */
export interface RoundCounter {
  readonly transport: Transport
  /** Each round's requests, e.g. "POST /{id}/system_users"; a batch lists its operations. */
  readonly rounds: readonly (readonly string[])[]
  /** Forget the rounds so far (between run-start and run-continue). */
  reset(): void
}

/** Turns of the event loop with nothing new before a round is let go. */
const QUIET_TURNS = 20

/** The path without version, query or ids; a Batch API request as its operations. */
export function describeRequest(request: TransportRequest): string {
  const shape = (url: string) =>
    (url.split('?')[0] ?? '')
      .replace(/^https?:\/\/[^/]+/, '')
      .split('/')
      .filter((segment) => segment && !/^v\d+\.\d+$/.test(segment))
      .map((segment) => (/^(act_)?\d+$/.test(segment) ? '{id}' : segment))
      .join('/')
  const line = `${request.method} /${shape(request.url)}`
  const batch = new URLSearchParams(request.body ?? '').get('batch')
  if (!batch) return line
  const ops = (JSON.parse(batch) as { method: string; relative_url: string }[]).map(
    (op) => `${op.method} ${shape(op.relative_url)}`,
  )
  const counted = [...new Set(ops)].map((op) => `${ops.filter((o) => o === op).length} × ${op}`)
  return `${line} [${counted.join(', ')}]`
}

export function createRoundCounter(inner: Transport = createAxiosTransport()): RoundCounter {
  const rounds: string[][] = []
  let held: { request: TransportRequest; go: () => void }[] = []
  let inFlight = 0
  let watching = false

  // Lets the held requests go once nothing has moved for QUIET_TURNS turns.
  const watch = async () => {
    if (watching) return
    watching = true
    try {
      let quiet = 0
      let seen = held.length
      while (held.length > 0) {
        await nextTurn()
        if (inFlight > 0 || held.length !== seen) {
          quiet = 0
          seen = held.length
          continue
        }
        if (++quiet < QUIET_TURNS) continue
        const round = held
        held = []
        rounds.push(round.map((entry) => describeRequest(entry.request)))
        for (const entry of round) entry.go()
        seen = 0
        quiet = 0
      }
    } finally {
      watching = false
    }
  }

  const transport: Transport = (request) =>
    new Promise<void>((go) => {
      held.push({ request, go })
      void watch()
    }).then(async (): Promise<TransportOutcome> => {
      inFlight += 1
      try {
        return await inner(request)
      } finally {
        inFlight -= 1
        if (held.length > 0) void watch()
      }
    })

  return {
    transport,
    get rounds() {
      return rounds
    },
    reset: () => {
      rounds.length = 0
    },
  }
}
