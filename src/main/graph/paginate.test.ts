import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { silentLogger } from '../log/logger'
import { createFakeClock } from '../../../tests/support/node/fake-clock'
import { createGraphClient } from './client'
import { listAll, MAX_PAGE_SIZE } from './paginate'
import { canarySecret, canaryToken } from '../../../tests/support/node/canaries'
import { startFakeGraph, type FakeGraphServer, type FakeHandler } from '../../../tests/support/node/fake-graph-server'

const servers: FakeGraphServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})
const credentials = { token: canaryToken(), appSecret: canarySecret() }
const Item = z.object({ id: z.string() })

const setup = async (handler: (baseUrl: string) => FakeHandler) => {
  let baseUrl = ''
  const server = await startFakeGraph((request, index) => handler(baseUrl)(request, index))
  baseUrl = server.baseUrl
  servers.push(server)
  const client = createGraphClient({
    baseUrl,
    log: silentLogger,
    clock: createFakeClock(),
    random: () => 0,
  })
  return { server, client }
}

/** A list of `total` ids served `size` at a time; pages can be made short or empty on purpose. */
const pagedList =
  (total: number, sizeOf: (page: number) => number) =>
  (baseUrl: string): FakeHandler =>
  (request) => {
    const offset = Number(request.query.get('after') ?? 0)
    const size = sizeOf(offset)
    const end = Math.min(total, offset + size)
    const data = Array.from({ length: end - offset }, (_, i) => ({ id: String(offset + i) }))
    const next =
      end < total
        ? `${baseUrl}/v27.0/7/owned_pages?limit=${request.query.get('limit')}&after=${end}&access_token=LEAK`
        : undefined
    return {
      json: {
        data,
        paging: { cursors: { after: String(end) }, ...(next ? { next } : {}) },
        summary: { total_count: total },
      },
    }
  }

describe('listAll (docs/graph-api.md §8.3)', () => {
  it('follows next to the end, asking for the largest page, and keeps total_count', async () => {
    const { server, client } = await setup(pagedList(250, () => 100))
    const result = await listAll(
      client,
      { path: '7/owned_pages', credentials, withTotalCount: true },
      Item,
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.items).toHaveLength(250)
    expect(result.value.totalCount).toBe(250)
    expect(server.requests).toHaveLength(Math.ceil(250 / MAX_PAGE_SIZE))
    expect(server.requests[0]?.query.get('limit')).toBe(String(MAX_PAGE_SIZE))
    expect(server.requests[0]?.query.get('summary')).toBe('total_count')
  })

  it('does not stop at a short or an empty page while next is present', async () => {
    const pages = [['a', 'b', 'c'], [], ['d'], ['e', 'f']]
    const { server, client } = await setup((baseUrl) => (request) => {
      const page = Number(request.query.get('after') ?? 0)
      const next =
        page + 1 < pages.length ? `${baseUrl}/v27.0/7/owned_pages?after=${page + 1}` : undefined
      return { json: { data: pages[page]!.map((id) => ({ id })), paging: next ? { next } : {} } }
    })
    const result = await listAll(client, { path: '7/owned_pages', credentials }, Item)
    expect(result.ok ? result.value.items.map((item) => item.id) : []).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ])
    expect(server.requests).toHaveLength(4)
  })

  it('re-sends auth by header and drops any token Meta put in the next link', async () => {
    const { server, client } = await setup(pagedList(150, () => 100))
    await listAll(client, { path: '7/owned_pages', credentials }, Item)
    const second = server.requests[1]
    expect(second?.query.get('after')).toBe('100')
    expect(second?.query.has('access_token')).toBe(false)
    expect(second?.headers.authorization).toBe(`Bearer ${credentials.token}`)
    expect(second?.query.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses a next link to another origin, sending the token nowhere', async () => {
    const elsewhere = await startFakeGraph(() => ({ json: { data: [] } }))
    servers.push(elsewhere)
    const { client } = await setup(() => () => ({
      json: {
        data: [{ id: '1' }],
        paging: { next: `${elsewhere.baseUrl}/v27.0/7/owned_pages?after=1` },
      },
    }))
    const result = await listAll(client, { path: '7/owned_pages', credentials }, Item)
    expect(result.ok ? undefined : result.error.messageKey).toBe('graph.linkRefused')
    expect(elsewhere.requests).toHaveLength(0)
  })

  it('fails clearly on a page or an item of the wrong shape', async () => {
    const { client } = await setup(() => () => ({ json: { data: [{ id: 5 }] } }))
    const result = await listAll(client, { path: '7/owned_pages', credentials }, Item)
    expect(result.ok ? undefined : result.error.messageKey).toBe('graph.malformedResponse')
    const { client: other } = await setup(() => () => ({ json: { items: [] } }))
    const second = await listAll(other, { path: '7/owned_pages', credentials }, Item)
    expect(second.ok ? undefined : second.error.code).toBe('graph-error')
  })

  it('stops a server that keeps sending the same cursor', async () => {
    const { server, client } = await setup((baseUrl) => () => ({
      json: { data: [], paging: { next: `${baseUrl}/v27.0/7/owned_pages?after=same` } },
    }))
    const result = await listAll(client, { path: '7/owned_pages', credentials }, Item)
    expect(result.ok).toBe(false)
    expect(server.requests).toHaveLength(2)
  })
})
