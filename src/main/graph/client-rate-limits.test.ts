import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../log/logger'
import { createFakeClock } from '../../../tests/support/node/fake-clock'
import { createGraphClient } from './client'
import { canarySecret, canaryToken } from '../../../tests/support/node/canaries'
import {
  graphErrorBody,
  startFakeGraph,
  type FakeGraphServer,
  type FakeHandler,
} from '../../../tests/support/node/fake-graph-server'

/** REL-01 end to end: the client waits as the usage headers and throttling codes say. */
const servers: FakeGraphServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const credentials = { token: canaryToken(), appSecret: canarySecret() }
const buc = (id: string, percent: number, regainMinutes: number) => ({
  'x-business-use-case-usage': JSON.stringify({
    [id]: [
      {
        type: 'ads_management',
        call_count: percent,
        total_cputime: 1,
        total_time: 1,
        estimated_time_to_regain_access: regainMinutes,
      },
    ],
  }),
})

const setup = async (handlerFor: (now: () => number) => FakeHandler) => {
  const clock = createFakeClock()
  const server = await startFakeGraph(handlerFor(() => clock.now()))
  servers.push(server)
  const client = createGraphClient({
    baseUrl: server.baseUrl,
    log: silentLogger,
    clock,
    random: () => 0,
  })
  return { server, clock, client }
}

describe('graph client and rate limits (REL-01)', () => {
  it('waits for estimated_time_to_regain_access before calling a throttled business again', async () => {
    const sentAt: number[] = []
    const { server, client } = await setup((now) => (_, index) => {
      sentAt.push(now())
      return index === 0
        ? { status: 400, json: graphErrorBody(80004), headers: buc('7', 100, 2) }
        : { json: { data: [] } }
    })
    const result = await client.call({ method: 'GET', path: '7/system_users', credentials })
    expect(result.ok).toBe(true)
    expect(server.requests).toHaveLength(2)
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(2 * 60_000)
  })

  it('holds other calls to the same business too, but not calls elsewhere', async () => {
    const sentAt = new Map<string, number>()
    const { client, clock } = await setup((now) => (request, index) => {
      sentAt.set(request.path, now())
      return index === 0
        ? { status: 400, json: graphErrorBody(80004), headers: buc('7', 100, 5) }
        : { json: { data: [] } }
    })
    const first = await client.call({
      method: 'GET',
      path: '7/owned_pages',
      credentials,
      budgetMs: 1,
    })
    expect(first.ok).toBe(false)
    const throttledAt = clock.now()
    await client.call({ method: 'GET', path: '8/owned_pages', credentials })
    expect(sentAt.get('/v27.0/8/owned_pages')).toBe(throttledAt)
    await client.call({
      method: 'GET',
      path: '9/assigned_users',
      params: { business: '7' },
      credentials,
    })
    expect(sentAt.get('/v27.0/9/assigned_users')! - throttledAt).toBeGreaterThanOrEqual(5 * 60_000)
  })

  it('fails fast with rate-limited and retryAfterMs when the wait exceeds the caller’s budget', async () => {
    const { server, client } = await setup(() => () => ({
      status: 400,
      json: graphErrorBody(4),
    }))
    const result = await client.call({ method: 'GET', path: 'me', credentials, budgetMs: 60_000 })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('rate-limited')
      expect(result.error.graphCode).toBe(4)
      // No regain time given: the app bucket stays closed for 60 minutes.
      expect(result.error.retryAfterMs).toBe(60 * 60_000)
    }
    expect(server.requests).toHaveLength(1)
  })

  it('slows down as X-App-Usage climbs past 75%', async () => {
    const { client, clock } = await setup(() => (_, index) => ({
      json: {},
      headers: { 'x-app-usage': JSON.stringify({ call_count: 70 + index * 5 }) },
    }))
    for (let call = 0; call < 5; call++) {
      await client.call({ method: 'GET', path: 'me', credentials })
    }
    // Calls 1 and 2 saw 70% and 75%: the third waits a little, later ones longer.
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(2)
    const [first, second] = clock.sleeps
    expect(first).toBeGreaterThan(0)
    expect(second).toBeGreaterThan(first!)
  })
})
