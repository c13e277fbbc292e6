import type { RecordedRequest } from '../../src/main/practice'

/**
 * Sequential round trips, read from what the simulator received. Every request is answered no
 * sooner than the injected latency after it arrives, so a request that waited for another's
 * answer arrives at least one latency after it; requests sent side by side arrive within a few
 * milliseconds of each other. Grouping arrivals into rounds that start at least half a latency
 * apart therefore counts the round trips the caller made one after the other, without
 * instrumenting the code under test.
 */
export interface Round {
  /** Simulator clock (ms) of the round's first request. */
  readonly at: number
  /** What each request of the round was, e.g. "GET {id}/assigned_pages". */
  readonly requests: readonly string[]
}

/**
 * The request without its query (no token or proof ever reaches the report) and with ids as
 * `{id}`, so rounds read the same from run to run; a Batch API request lists its operations.
 */
export function describeRequest(request: RecordedRequest): string {
  const line = `${request.method} /${shapeOf(request.url)}`
  if (!request.batch) return line
  const ops = new Map<string, number>()
  for (const op of request.batch) {
    const key = `${op.method} ${shapeOf(op.relativeUrl)}`
    ops.set(key, (ops.get(key) ?? 0) + 1)
  }
  const inside = [...ops].map(([key, count]) => `${count} × ${key}`).join(', ')
  return `${line} (batch: ${inside})`
}

/** The path without query or version prefix, numeric ids as `{id}`. */
function shapeOf(url: string): string {
  return (url.split('?')[0] ?? '')
    .split('/')
    .filter(Boolean)
    .filter((segment, index) => index !== 0 || !/^v\d+\.\d+$/.test(segment))
    .map((segment) => (/^(act_)?\d+$/.test(segment) ? '{id}' : segment))
    .join('/')
}

/**
 * The rounds of `requests` (in arrival order). With no injected latency the arrivals cannot be
 * told apart, so each request counts as its own round (an upper bound).
 */
export function roundsOf(requests: readonly RecordedRequest[], latencyMs: number): Round[] {
  const sorted = [...requests].sort((a, b) => a.at - b.at)
  const rounds: { at: number; requests: string[] }[] = []
  for (const request of sorted) {
    const last = rounds.at(-1)
    if (last && latencyMs > 0 && request.at - last.at < latencyMs / 2) {
      last.requests.push(describeRequest(request))
    } else {
      rounds.push({ at: request.at, requests: [describeRequest(request)] })
    }
  }
  return rounds
}

/** "1 GET /{id}/system_users → 2 POST … ∥ …": one line for the report. */
export function describeRounds(rounds: readonly Round[]): string {
  return rounds
    .map((round, index) => `${index + 1}. ${round.requests.map((r) => `\`${r}\``).join(' ∥ ')}`)
    .join(' → ')
}
