import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../log/logger'
import { runBatch, MAX_BATCH_OPERATIONS, type BatchOperation } from './batch'
import { createFakeClock } from '../../../tests/support/node/fake-clock'
import { createGraphClient } from './client'
import { canarySecret, canaryToken } from '../../../tests/support/node/canaries'
import {
  graphErrorBody,
  startFakeGraph,
  type FakeGraphServer,
  type FakeHandler,
} from '../../../tests/support/node/fake-graph-server'

const servers: FakeGraphServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})
const credentials = { token: canaryToken(), appSecret: canarySecret() }

interface Op {
  method: string
  relative_url: string
  body?: string
}
const opsOf = (body: string): Op[] =>
  JSON.parse(new URLSearchParams(body).get('batch') ?? '[]') as Op[]

/** Answers each operation with `answer(op, call)`; `call` counts batch requests from 0. */
const batchServer = async (answer: (op: Op, call: number) => unknown) => {
  let calls = 0
  const handler: FakeHandler = (request) => {
    const call = calls++
    return { json: opsOf(request.body).map((op) => answer(op, call)) }
  }
  const server = await startFakeGraph(handler)
  servers.push(server)
  const clock = createFakeClock()
  const client = createGraphClient({
    baseUrl: server.baseUrl,
    log: silentLogger,
    clock,
    random: () => 0.5,
  })
  return { server, client, clock }
}

const ok200 = (body: unknown) => ({ code: 200, headers: [], body: JSON.stringify(body) })
const assign = (id: number): BatchOperation => ({
  method: 'POST',
  path: `${id}/assigned_users`,
  params: { user: '9', tasks: ['ANALYZE'] },
  kind: 'idempotent-write',
})

describe('runBatch (docs/graph-api.md §8.4)', () => {
  it('packs at most 50 operations per request, in order, and answers one result per operation', async () => {
    const { server, client } = await batchServer((op) => ok200({ echo: op.relative_url }))
    const operations = Array.from({ length: 120 }, (_, i) => assign(i))
    const results = await runBatch(client, operations, { credentials })
    expect(server.requests.map((request) => opsOf(request.body).length)).toEqual([50, 50, 20])
    expect(MAX_BATCH_OPERATIONS).toBe(50)
    expect(
      results.map((result) => (result.ok ? (result.value as { echo: string }).echo : '')),
    ).toEqual(operations.map((operation) => operation.path))
    const [first] = opsOf(server.requests[0]!.body)
    expect(first).toEqual({
      method: 'POST',
      relative_url: '0/assigned_users',
      body: 'user=9&tasks=%5B%22ANALYZE%22%5D',
    })
    expect(server.requests.every((request) => request.url === '/v27.0')).toBe(true)
  })

  it('puts GET parameters in relative_url, and maps each failing operation on its own', async () => {
    const { client } = await batchServer((op) =>
      op.relative_url.startsWith('bad')
        ? { code: 400, body: JSON.stringify(graphErrorBody(100, 33)) }
        : ok200({ id: 1 }),
    )
    const results = await runBatch(
      client,
      [
        { method: 'GET', path: 'good', params: { fields: 'id' } },
        { method: 'GET', path: 'bad' },
      ],
      { credentials },
    )
    expect(results[0]).toEqual({ ok: true, value: { id: 1 } })
    expect(results[1]?.ok ? undefined : results[1]?.error.code).toBe('not-found')
  })

  it('re-sends transient failures of idempotent operations in a later batch, not the others', async () => {
    const { server, client, clock } = await batchServer((op, call) =>
      call === 0 && op.relative_url.startsWith('1/')
        ? { code: 500, body: JSON.stringify(graphErrorBody(2)) }
        : call === 0 && op.relative_url.startsWith('2/')
          ? null
          : ok200({ success: true }),
    )
    const results = await runBatch(client, [assign(0), assign(1), assign(2)], { credentials })
    expect(results.every((result) => result.ok)).toBe(true)
    expect(
      server.requests.map((request) => opsOf(request.body).map((op) => op.relative_url)),
    ).toEqual([
      ['0/assigned_users', '1/assigned_users', '2/assigned_users'],
      ['1/assigned_users', '2/assigned_users'],
    ])
    expect(clock.sleeps[0]).toBeLessThanOrEqual(1000)
  })

  it('never re-sends a create: an unfinished or 5xx create is unknown-outcome', async () => {
    const { server, client } = await batchServer((op) =>
      op.relative_url.startsWith('a')
        ? null
        : { code: 500, body: JSON.stringify(graphErrorBody(1)) },
    )
    const results = await runBatch(
      client,
      [
        { method: 'POST', path: 'a/system_users', params: { name: 'x' } },
        { method: 'POST', path: 'b/system_users', params: { name: 'y' } },
      ],
      { credentials },
    )
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual([
      'unknown-outcome',
      'unknown-outcome',
    ])
    expect(server.requests).toHaveLength(1)
  })

  it('stops re-sending after the policy’s attempts', async () => {
    const { server, client } = await batchServer(() => ({
      code: 500,
      body: JSON.stringify(graphErrorBody(2)),
    }))
    const [result] = await runBatch(client, [assign(1)], { credentials })
    expect(result?.ok ? undefined : result?.error.code).toBe('graph-unavailable')
    expect(server.requests).toHaveLength(5)
  })

  it('gives every operation of a failed request that request’s error', async () => {
    const server = await startFakeGraph(() => ({ status: 400, json: graphErrorBody(190, 467) }))
    servers.push(server)
    const client = createGraphClient({
      baseUrl: server.baseUrl,
      log: silentLogger,
      clock: createFakeClock(),
    })
    const results = await runBatch(client, [assign(1), assign(2)], { credentials })
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual([
      'auth-invalid',
      'auth-invalid',
    ])
  })

  it('rejects an answer that does not match the operations', async () => {
    const server = await startFakeGraph(() => ({ json: [ok200({})] }))
    servers.push(server)
    const client = createGraphClient({
      baseUrl: server.baseUrl,
      log: silentLogger,
      clock: createFakeClock(),
    })
    const results = await runBatch(client, [assign(1), assign(2)], { credentials })
    expect(results.map((result) => (result.ok ? 'ok' : result.error.messageKey))).toEqual([
      'graph.malformedResponse',
      'graph.malformedResponse',
    ])
  })
})
