import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../log/logger'
import { createFakeClock, type FakeClock } from '../../../tests/support/node/fake-clock'
import { createGraphClient, type GraphClientOptions } from './client'
import { canarySecret, canaryToken } from '../../../tests/support/node/canaries'
import {
  graphErrorBody,
  startFakeGraph,
  type FakeGraphServer,
  type FakeHandler,
} from '../../../tests/support/node/fake-graph-server'

/** REL-02 against a scripted server on a fake clock: what is retried, how often, how far apart. */
const servers: FakeGraphServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const credentials = { token: canaryToken(), appSecret: canarySecret() }

const setup = async (handler: FakeHandler, extra: Partial<GraphClientOptions> = {}) => {
  const server = await startFakeGraph(handler)
  servers.push(server)
  const clock: FakeClock = createFakeClock()
  const client = createGraphClient({
    baseUrl: server.baseUrl,
    log: silentLogger,
    clock,
    random: () => 0.999,
    ...extra,
  })
  return { server, clock, client }
}

const closedPort = async (): Promise<string> => {
  const server = await startFakeGraph(() => ({ json: {} }))
  await server.close()
  return server.baseUrl
}

describe('graph client retries (REL-02)', () => {
  it('retries 5xx with full-jitter back-off within [0, min(cap, base·2ⁿ)] and then succeeds', async () => {
    const { server, clock, client } = await setup((_, index) =>
      index < 3 ? { status: 503, text: 'busy' } : { json: { ok: 1 } },
    )
    const result = await client.call({ method: 'GET', path: 'me', credentials })
    expect(result).toEqual({ ok: true, value: { ok: 1 } })
    expect(server.requests).toHaveLength(4)
    expect(clock.sleeps).toHaveLength(3)
    clock.sleeps.forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(0)
      expect(delay).toBeLessThanOrEqual(Math.min(60_000, 1000 * 2 ** n))
    })
    // random() ≈ 1 puts each delay at the top of its window: the windows really double.
    expect(clock.sleeps[2]).toBeGreaterThan(clock.sleeps[1]!)
  })

  it('stops after 5 attempts of a failure that keeps happening', async () => {
    const { server, client } = await setup(() => ({ status: 400, json: graphErrorBody(2) }))
    const result = await client.call({ method: 'GET', path: 'me', credentials })
    expect(result.ok ? undefined : result.error.code).toBe('graph-unavailable')
    expect(server.requests).toHaveLength(5)
  })

  it('never retries an error a person must fix (100, 190, 200, 3962)', async () => {
    for (const code of [100, 190, 200, 3962]) {
      const { server, client } = await setup(() => ({ status: 400, json: graphErrorBody(code) }))
      const result = await client.call({ method: 'GET', path: 'me', credentials })
      expect(result.ok).toBe(false)
      expect(server.requests).toHaveLength(1)
    }
  })

  it('never retries a create after a 5xx or code 1: unknown-outcome for reconcile', async () => {
    for (const reply of [
      { status: 500, text: '' },
      { status: 400, json: graphErrorBody(1) },
    ]) {
      const { server, client } = await setup(() => reply)
      const result = await client.call({
        method: 'POST',
        path: '1/system_users',
        params: { name: 'x' },
        credentials,
      })
      expect(result.ok ? undefined : result.error.code).toBe('unknown-outcome')
      expect(server.requests).toHaveLength(1)
    }
  })

  it('never retries a create whose connection dropped after sending', async () => {
    const { server, client } = await setup(() => 'drop')
    const result = await client.call({
      method: 'POST',
      path: '1/system_users',
      params: { name: 'x' },
      credentials,
      kind: 'create',
    })
    expect(result.ok ? undefined : result.error.code).toBe('unknown-outcome')
    expect(server.requests).toHaveLength(1)
  })

  it('retries a read and an idempotent write whose connection dropped', async () => {
    for (const call of [
      { method: 'GET' as const, path: 'me' },
      { method: 'POST' as const, path: 'act_1/assigned_users', kind: 'idempotent-write' as const },
    ]) {
      const { server, client } = await setup((_, index) =>
        index === 0 ? 'drop' : { json: { a: 1 } },
      )
      const result = await client.call({ ...call, credentials })
      expect(result.ok).toBe(true)
      expect(server.requests).toHaveLength(2)
    }
  })

  it('retries even a create when the connection was refused (nothing was sent)', async () => {
    const baseUrl = await closedPort()
    const clock = createFakeClock()
    const client = createGraphClient({ baseUrl, log: silentLogger, clock, random: () => 0 })
    const result = await client.call({ method: 'POST', path: '1/system_users', credentials })
    expect(result.ok ? undefined : result.error.code).toBe('network')
    // Five attempts means four waits between them.
    expect(clock.sleeps).toHaveLength(4)
  })

  it('keeps all retries inside the total budget', async () => {
    const { server, client } = await setup(() => ({ status: 502, text: '' }), {
      retry: { baseMs: 60_000, capMs: 60_000, maxTotalMs: 150_000 },
    })
    const result = await client.call({ method: 'GET', path: 'me', credentials })
    expect(result.ok).toBe(false)
    // random ≈ 1: waits of ~60 s; the third would pass 150 s, so only three attempts are made.
    expect(server.requests).toHaveLength(3)
  })
})
