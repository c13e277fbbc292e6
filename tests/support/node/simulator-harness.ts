import { expect } from 'vitest'
import { silentLogger } from '../../../src/main/log/logger'
import {
  startSimulator,
  type RunningSimulator,
  type StartSimulatorOptions,
} from '../../../src/main/practice/simulator'
import { createFakeClock, type FakeClock } from './fake-clock'
import {
  createGraphClient,
  type GraphClient,
  type GraphClientOptions,
  type GraphCredentials,
} from '../../../src/main/graph/client'
import { appSecretProof } from '../../../src/main/graph/proof'

/**
 * Contract-test plumbing: the practice simulator (src/main/practice) and a client pointed at it,
 * sharing one fake clock so token expiry, rate windows and back-off all run in simulated time.
 */
export interface Harness {
  readonly sim: RunningSimulator
  readonly client: GraphClient
  readonly clock: FakeClock
  /** The seeded admin's token with the app secret. */
  readonly admin: GraphCredentials
  close(): Promise<void>
}

export async function startHarness(
  options: Omit<StartSimulatorOptions, 'now'> = {},
  clientOptions: Partial<GraphClientOptions> = {},
): Promise<Harness> {
  const clock = createFakeClock(Date.now())
  const sim = await startSimulator({ ...options, now: () => clock.now() })
  const client = createGraphClient({
    baseUrl: sim.baseUrl,
    version: sim.version,
    log: silentLogger,
    clock,
    random: () => 0.5,
    ...clientOptions,
  })
  return {
    sim,
    client,
    clock,
    admin: { token: sim.fixtures.adminUserToken, appSecret: sim.fixtures.appSecret },
    close: () => sim.close(),
  }
}

const formOf = (body: string): URLSearchParams => new URLSearchParams(body)

/** SEC-14: no recorded request line carries any of these values (raw or URL-encoded). */
export function expectNoSecretsInUrls(sim: RunningSimulator, secrets: readonly string[]): void {
  expect(sim.requests.length).toBeGreaterThan(0)
  for (const request of sim.requests) {
    for (const secret of secrets) {
      expect(
        request.url.includes(secret) || request.url.includes(encodeURIComponent(secret)),
        request.url.slice(0, 80),
      ).toBe(false)
    }
  }
}

/**
 * SEC-15: every recorded call carries an appsecret_proof that is the HMAC of the token it sent
 * (Authorization header) under `appSecret`. Returns how many calls were checked.
 */
export function expectValidProofs(sim: RunningSimulator, appSecret: string): number {
  let checked = 0
  for (const request of sim.requests) {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
    expect(
      token,
      `${request.method} ${request.url.split('?')[0]} has no bearer token`,
    ).toBeDefined()
    const query = new URLSearchParams(request.url.split('?')[1] ?? '')
    const proof = query.get('appsecret_proof') ?? formOf(request.body).get('appsecret_proof')
    expect(proof, `${request.method} ${request.url.split('?')[0]} has no proof`).toBe(
      appSecretProof(token!, appSecret),
    )
    checked += 1
  }
  return checked
}
