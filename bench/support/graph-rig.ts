import { createGraphClient, type GraphClient, type GraphCredentials } from '../../src/main/graph'
import { silentLogger } from '../../src/main/log'
import { type RunningSimulator, startSimulator } from '../../src/main/practice'

/**
 * The Graph side of the bench: the practice simulator with a fixed latency on every request, and
 * the real Graph client (real clock, axios transport, retries, rate-limit pacing) pointed at it.
 * The simulator runs in the bench's own process, so its work counts in the wall times (a slightly
 * pessimistic figure; Meta's servers are not on our CPU).
 */
export const DEFAULT_LATENCY_MS = 50

/** `BENCH_LATENCY_MS` overrides the 50 ms default; anything but a non-negative number is refused. */
export function latencyFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_LATENCY_MS
  if (raw === undefined || raw === '') return DEFAULT_LATENCY_MS
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`BENCH_LATENCY_MS must be a number of milliseconds ≥ 0, not "${raw}"`)
  }
  return value
}

export interface GraphRig {
  readonly sim: RunningSimulator
  /** The seeded admin's token and the app secret (every call carries appsecret_proof). */
  readonly admin: GraphCredentials
  readonly latencyMs: number
  /**
   * A fresh client: each measured run starts with an empty rate limiter, as a newly opened app
   * would, so one run's pacing state cannot leak into the next.
   */
  newClient(): GraphClient
  /** Requests the simulator has received so far (every HTTP request, batch or not). */
  requestCount(): number
  close(): Promise<void>
}

export async function startGraphRig(
  seed: 'sample' | 'large',
  latencyMs: number,
): Promise<GraphRig> {
  const sim = await startSimulator({ seed })
  sim.faults.setLatency(latencyMs)
  return {
    sim,
    admin: { token: sim.fixtures.adminUserToken, appSecret: sim.fixtures.appSecret },
    latencyMs,
    newClient: () =>
      createGraphClient({ baseUrl: sim.baseUrl, version: sim.version, log: silentLogger }),
    requestCount: () => sim.requests.length,
    close: () => sim.close(),
  }
}

/** Runs `work` and answers how many requests reached the simulator meanwhile, and the wall time. */
export async function measureCalls<T>(
  rig: GraphRig,
  work: () => Promise<T>,
): Promise<{ ms: number; requests: number; value: T }> {
  const before = rig.requestCount()
  const start = performance.now()
  const value = await work()
  const ms = performance.now() - start
  return { ms, requests: rig.requestCount() - before, value }
}
