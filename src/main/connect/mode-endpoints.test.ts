import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppMode } from '@shared/ipc/schemas/mode'
import { makeCanaryAppSecret, makeCanaryToken } from '../../../tests/fixtures/canaries'
import { rateLimitFile } from '../graph/rate-limit-store'
import { createFakeClock, type FakeClock } from '../../../tests/support/node/fake-clock'
import {
  graphErrorBody,
  startFakeGraph,
  type FakeGraphServer,
} from '../../../tests/support/node/fake-graph-server'
import { silentLogger } from '../log/logger'
import type { PracticeRuntime } from '../practice/practice-runtime'
import type { RunningSimulator } from '../practice/simulator'
import { createModeEndpoints } from './mode-endpoints'

/**
 * REL-01 across a relaunch, as main wires it: real mode's client keeps its closed buckets in
 * `<dataDir>/rate-limits.json`; practice's does not (its simulator starts fresh each launch).
 */
const dirs: string[] = []
const servers: FakeGraphServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const MINUTE = 60_000
const credentials = { token: makeCanaryToken(), appSecret: makeCanaryAppSecret() }
const call = { method: 'GET', path: '7/system_users', credentials, budgetMs: 1 } as const

/** Answers the first call with 80004 and a 5-minute regain time for business 7, then succeeds. */
const throttlingServer = async () => {
  const server = await startFakeGraph((_, index) =>
    index === 0
      ? {
          status: 400,
          json: graphErrorBody(80004),
          headers: {
            'x-business-use-case-usage': JSON.stringify({
              '7': [
                { type: 'ads_management', call_count: 100, estimated_time_to_regain_access: 5 },
              ],
            }),
          },
        }
      : { json: { data: [] } },
  )
  servers.push(server)
  return server
}

/** A practice runtime whose "simulator" is a scripted server. */
const fakePractice = (baseUrl: string): PracticeRuntime => ({
  businessName: 'Sample',
  started: true,
  session: async () => ({
    graphBaseUrl: baseUrl,
    version: 'v27.0',
    app: { appId: '1', appName: 'Sample app', appSecret: makeCanaryAppSecret() },
    // The endpoints only read the base URL and version; no test here touches the model.
    simulator: {} as RunningSimulator,
  }),
  close: async () => undefined,
})

interface Fixture {
  readonly dataDir: string
  readonly clock: FakeClock
  readonly real: FakeGraphServer
  readonly practice: FakeGraphServer
}

const fixture = async (): Promise<Fixture> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sua-endpoints-'))
  dirs.push(dataDir)
  return {
    dataDir,
    clock: createFakeClock(),
    real: await throttlingServer(),
    practice: await throttlingServer(),
  }
}

/** One launch of main's per-mode endpoints over the fixture's data directory. */
const launch = (f: Fixture) =>
  createModeEndpoints({
    practice: fakePractice(f.practice.baseUrl),
    real: { graphBaseUrl: f.real.baseUrl },
    log: silentLogger,
    dataDir: f.dataDir,
    clientOptions: { clock: f.clock, random: () => 0, retry: { maxAttempts: 1 } },
  })

const callOn = async (endpoints: ReturnType<typeof launch>, mode: AppMode) =>
  (await endpoints.forMode(mode)).client.call(call)

describe('per-mode endpoints and closed buckets across a relaunch (REL-01)', () => {
  it('gives the real client the store: a relaunch sends nothing before the regain time', async () => {
    const f = await fixture()
    expect((await callOn(launch(f), 'real')).ok).toBe(false)
    const throttledAt = f.clock.now()
    const saved = JSON.parse(readFileSync(rateLimitFile(f.dataDir), 'utf8')) as unknown
    expect(saved).toMatchObject({
      closed: [{ bucket: 'buc:7', closedUntil: throttledAt + 5 * MINUTE }],
    })

    f.clock.advance(MINUTE)
    const relaunched = launch(f)
    const early = await callOn(relaunched, 'real')
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', retryAfterMs: 4 * MINUTE },
    })
    expect(f.real.requests).toHaveLength(1)
    // Practice shares nothing with real: its first call goes out at once.
    expect((await callOn(relaunched, 'practice')).ok).toBe(false)
    expect(f.practice.requests).toHaveLength(1)

    f.clock.advance(4 * MINUTE)
    expect((await callOn(relaunched, 'real')).ok).toBe(true)
    expect(f.real.requests).toHaveLength(2)
  })

  it('keeps practice closes in memory only: nothing on disk, nothing held after a relaunch', async () => {
    const f = await fixture()
    const first = launch(f)
    expect((await callOn(first, 'practice')).ok).toBe(false)
    // Within the launch, practice still waits as Meta (simulated) said.
    expect(await callOn(first, 'practice')).toMatchObject({
      ok: false,
      error: { code: 'rate-limited' },
    })
    expect(f.practice.requests).toHaveLength(1)
    expect(existsSync(rateLimitFile(f.dataDir))).toBe(false)

    expect((await callOn(launch(f), 'practice')).ok).toBe(true)
    expect(f.practice.requests).toHaveLength(2)
  })

  it("keys the real client's app bucket per app: app A throttled never holds app B", async () => {
    const f = await fixture()
    const appA = { token: makeCanaryToken(), appSecret: makeCanaryAppSecret() }
    const appB = { token: makeCanaryToken(), appSecret: makeCanaryAppSecret() }
    const server = await startFakeGraph((_, index) =>
      index === 0 ? { status: 400, json: graphErrorBody(613) } : { json: { id: '1' } },
    )
    servers.push(server)
    const launchOn = () =>
      createModeEndpoints({
        practice: fakePractice(f.practice.baseUrl),
        real: { graphBaseUrl: server.baseUrl },
        log: silentLogger,
        dataDir: f.dataDir,
        clientOptions: { clock: f.clock, random: () => 0, retry: { maxAttempts: 1 } },
      })
    const me = async (endpoints: ReturnType<typeof launchOn>, credentials: typeof appA) =>
      (await endpoints.forMode('real')).client.call({
        method: 'GET',
        path: 'me',
        credentials,
        budgetMs: 1,
      })
    const first = launchOn()
    expect((await me(first, appA)).ok).toBe(false)
    expect((await me(first, appB)).ok).toBe(true)

    f.clock.advance(MINUTE)
    const relaunched = launchOn()
    expect((await me(relaunched, appB)).ok).toBe(true)
    expect(server.requests).toHaveLength(3)
    expect(await me(relaunched, appA)).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', retryAfterMs: 59 * MINUTE },
    })
    expect(server.requests).toHaveLength(3)
  })
})
