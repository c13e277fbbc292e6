import { afterEach, describe, expect, test } from 'vitest'
import { startSimulator, type RunningSimulator } from './simulator'
import { asAdmin, call, errorOf } from '@test-support/node/simulator-calls'

let sim: RunningSimulator
afterEach(() => sim.close())

interface Page {
  data: { id: string; name: string }[]
  paging?: { cursors: { before: string; after: string }; next?: string; previous?: string }
  summary?: { total_count: number }
}

describe('asset-listing edges (sample seed)', () => {
  test.each([
    ['owned_pages', 3],
    ['owned_ad_accounts', 2],
    ['owned_product_catalogs', 1],
    ['owned_instagram_assets', 1],
    ['instagram_accounts', 1],
    ['owned_whatsapp_business_accounts', 1],
    ['owned_pixels', 1],
    ['adspixels', 1],
    ['owned_apps', 1],
    ['client_pages', 0],
    ['client_ad_accounts', 0],
  ])('%s lists %i item(s)', async (edge, count) => {
    sim = await startSimulator()
    const result = await asAdmin(sim, 'GET', `/${sim.fixtures.businessId}/${edge}`, {
      summary: 'total_count',
    })
    expect(result.status).toBe(200)
    const body = result.json as unknown as Page
    expect(body.data).toHaveLength(count)
    expect(body.summary?.total_count).toBe(count)
  })

  test('asset fields come back as asked, with the owning business', async () => {
    sim = await startSimulator()
    const result = await asAdmin(sim, 'GET', `/${sim.fixtures.businessId}/owned_ad_accounts`, {
      fields: 'id,account_id,name,currency,business',
    })
    const first = (result.json as unknown as Page).data[0]
    expect(first).toMatchObject({
      id: sim.fixtures.adAccountIds[0],
      account_id: sim.fixtures.adAccountIds[0]?.replace('act_', ''),
      currency: 'GBP',
      business: { id: sim.fixtures.businessId, name: 'Harbour Lane Bakery' },
    })
  })

  test('search_query filters ad accounts by name', async () => {
    sim = await startSimulator()
    const result = await asAdmin(sim, 'GET', `/${sim.fixtures.businessId}/owned_ad_accounts`, {
      search_query: 'seasonal',
    })
    expect((result.json as unknown as Page).data.map((d) => d.name)).toEqual([
      'Harbour Lane – Seasonal',
    ])
  })

  test('GET /{asset} reads one asset; an unknown edge on it is (#100) nonexisting field', async () => {
    sim = await startSimulator()
    const page = sim.fixtures.pageIds[0] ?? ''
    const result = await asAdmin(sim, 'GET', `/${page}`, { fields: 'id,name,category' })
    expect(result.json).toEqual({ id: page, name: 'Harbour Lane Bakery', category: 'Bakery' })
    expect(errorOf(await asAdmin(sim, 'GET', `/${page}/posts`)).message).toMatch(
      /node type \(Page\)/,
    )
  })
})

describe('cursor pagination (large seed)', () => {
  test('follows paging.next to the end; next is absent on the last page only', async () => {
    sim = await startSimulator({ seed: 'large' })
    const token = sim.fixtures.adminUserToken
    const seen: string[] = []
    let url: string | undefined =
      `${sim.baseUrl}/${sim.version}/${sim.fixtures.businessId}/owned_pages?limit=100&fields=id`
    let requests = 0
    while (url) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
      const body = (await response.json()) as Page
      requests += 1
      seen.push(...body.data.map((d) => d.id))
      if (body.paging?.next) {
        expect(body.paging.next.startsWith(`${sim.baseUrl}/v27.0/`)).toBe(true)
        // The token never rides in a paging link.
        expect(body.paging.next).not.toContain('access_token')
        expect(body.paging.next).not.toContain(token)
      }
      url = body.paging?.next
    }
    expect(requests).toBe(20)
    expect(seen).toEqual(sim.fixtures.pageIds)
  })

  test('the page size defaults to 25 and limit is capped at 100', async () => {
    sim = await startSimulator({ seed: 'large' })
    const path = `/${sim.fixtures.businessId}/owned_ad_accounts`
    expect(((await asAdmin(sim, 'GET', path)).json as unknown as Page).data).toHaveLength(25)
    expect(
      ((await asAdmin(sim, 'GET', path, { limit: '5000' })).json as unknown as Page).data,
    ).toHaveLength(100)
  })

  test('limits are configurable', async () => {
    sim = await startSimulator({ seed: 'large', limits: { defaultPageSize: 7, maxPageSize: 10 } })
    const path = `/${sim.fixtures.businessId}/owned_pixels`
    expect(((await asAdmin(sim, 'GET', path)).json as unknown as Page).data).toHaveLength(7)
    expect(
      ((await asAdmin(sim, 'GET', path, { limit: '50' })).json as unknown as Page).data,
    ).toHaveLength(10)
  })

  test('after and before cursors move forward and back; previous appears after page one', async () => {
    sim = await startSimulator({ seed: 'large' })
    const path = `/${sim.fixtures.businessId}/owned_product_catalogs`
    const first = (await asAdmin(sim, 'GET', path, { limit: '10' })).json as unknown as Page
    expect(first.paging?.previous).toBeUndefined()
    const second = (
      await asAdmin(sim, 'GET', path, { limit: '10', after: first.paging?.cursors.after ?? '' })
    ).json as unknown as Page
    expect(second.data[0]?.id).toBe(sim.fixtures.catalogIds[10])
    expect(second.paging?.previous).toBeDefined()
    const back = (
      await asAdmin(sim, 'GET', path, { limit: '10', before: second.paging?.cursors.before ?? '' })
    ).json as unknown as Page
    expect(back.data.map((d) => d.id)).toEqual(first.data.map((d) => d.id))
  })

  test('a cursor that names nothing is an error', async () => {
    sim = await startSimulator()
    const result = await asAdmin(sim, 'GET', `/${sim.fixtures.businessId}/owned_pages`, {
      after: 'bm9wZQ',
    })
    expect(errorOf(result).code).toBe(100)
  })
})

describe('visibility', () => {
  test('a system user reads an asset only when assigned to it', async () => {
    sim = await startSimulator()
    const su = sim.model.addSystemUser({
      businessId: sim.fixtures.businessId,
      name: 'x',
      role: 'EMPLOYEE',
    })
    const token = sim.issueToken({ kind: 'system_user', userId: su.id })
    const page = sim.fixtures.pageIds[1] ?? ''
    expect(errorOf(await call(sim, 'GET', `/${page}`, {}, { token })).error_subcode).toBe(33)
    sim.model.assign(page, su.id, ['ANALYZE'])
    expect((await call(sim, 'GET', `/${page}`, {}, { token })).status).toBe(200)
  })
})
