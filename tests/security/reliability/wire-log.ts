import type { GraphClient } from '../../../src/main/graph'
import { type Fault, type RunningSimulator, stripVersion } from '../../../src/main/practice'

/**
 * What crossed the wire, in real time as well as on the fake clock: which request got which
 * fault (from the simulator), when each request arrived (simulator), when the client committed
 * to sending a request and when it learned of a throttle (client). The flow runs some actions side
 * by side, so "did the client send this before it knew of the throttle?" needs both sides.
 *
 * The injector's public face is add/clear only, so this wraps `take` on the one simulator
 * instance under test, and `noteSent`/`observe` on the client's limiter (public on GraphClient)
 * — as timestamps only; nothing in src changes and no behaviour is altered.
 */
export interface TakenFault {
  /** Index in `sim.requests` of the HTTP request (for a batch operation: the batch request). */
  readonly request: number
  /** Simulator clock (ms). */
  readonly at: number
  /** performance.now() when the fault was taken (the answer being made). */
  readonly realAt: number
  /** 'request': the HTTP request itself; 'op': one operation inside a Batch API request. */
  readonly scope: 'request' | 'op'
  readonly method: string
  /** The path the fault matched: the request's, or the batch operation's. */
  readonly path: string
  readonly fault: Fault
}

export interface WireLog {
  readonly faults: TakenFault[]
  /** performance.now() at each request's arrival, by its index in `sim.requests`. */
  readonly arrivals: number[]
  /** performance.now() of each send the client committed to (after its rate-limit wait). */
  readonly sends: number[]
  /** performance.now() of each throttle answer the client took note of. */
  readonly throttlesSeen: number[]
}

interface Takes {
  take(method: string, path: string, scope: 'request' | 'op'): Fault | undefined
}

const isBatch = (url: string, method: string): boolean =>
  method.toUpperCase() === 'POST' && stripVersion(url) === '/'

export function recordWire(sim: RunningSimulator, client: GraphClient, now: () => number): WireLog {
  const log: WireLog = { faults: [], arrivals: [], sends: [], throttlesSeen: [] }
  const injector = sim.faults as unknown as Takes
  const take = injector.take.bind(injector)
  injector.take = (method, path, scope) => {
    const realAt = performance.now()
    // The server records a request and asks for its fault in the same tick, for every request:
    // the newest record is this one. A batch operation belongs to the newest batch request.
    let request = sim.requests.length - 1
    if (scope === 'request') log.arrivals[request] = realAt
    else {
      while (request > 0 && !isBatch(sim.requests[request]!.url, sim.requests[request]!.method))
        request -= 1
    }
    const fault = take(method, path, scope)
    // Zero-latency rules only count requests off ("skip k"); they change nothing.
    if (fault && !(fault.kind === 'latency' && fault.ms === 0)) {
      log.faults.push({
        request,
        at: now(),
        realAt,
        scope,
        method: method.toUpperCase(),
        path,
        fault,
      })
    }
    return fault
  }
  const limiter = client.limiter
  const noteSent = limiter.noteSent.bind(limiter)
  const observe = limiter.observe.bind(limiter)
  limiter.noteSent = (buckets) => {
    log.sends.push(performance.now())
    noteSent(buckets)
  }
  limiter.observe = (buckets, headers, throttleCode) => {
    if (throttleCode !== undefined) log.throttlesSeen.push(performance.now())
    observe(buckets, headers, throttleCode)
  }
  return log
}
