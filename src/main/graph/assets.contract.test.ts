import { afterEach, describe, expect, it } from 'vitest'
import { ASSET_KINDS } from '@shared/catalog/asset-kinds'
import { listAssets, listAssetsOf } from './assets'
import { MAX_PAGE_SIZE } from './paginate'
import { startHarness, type Harness } from '../../../tests/support/node/simulator-harness'

/** Asset listing against the simulator, and the request count on the large seed. */
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('assets contract', () => {
  it('lists every kind of asset of the sample portfolio through its own edge', async () => {
    h = await startHarness({ seed: 'sample' })
    const f = h.sim.fixtures
    const expected = {
      page: f.pageIds,
      'ad-account': f.adAccountIds,
      'product-catalog': f.catalogIds,
      'instagram-account': f.instagramAccountIds,
      'whatsapp-business-account': f.whatsappAccountIds,
      pixel: f.pixelIds,
      app: [f.appId],
    }
    for (const kind of ASSET_KINDS) {
      const listed = await listAssets(h.client, h.admin, { businessId: f.businessId, kind })
      expect(listed.ok, kind).toBe(true)
      if (!listed.ok) continue
      expect(
        listed.value.map((asset) => asset.id),
        kind,
      ).toEqual(expected[kind])
      for (const asset of listed.value) {
        expect(asset.kind).toBe(kind)
        expect(asset.relation).toBe('owned')
        expect(asset.name.length, `${kind} name`).toBeGreaterThan(0)
      }
    }
    const accounts = await listAssets(h.client, h.admin, {
      businessId: f.businessId,
      kind: 'ad-account',
    })
    const first = accounts.ok ? accounts.value[0] : undefined
    expect(first?.details.account_id).toBe(first?.id.replace(/^act_/, ''))
  })

  it('includes client assets, once, marked as client', async () => {
    h = await startHarness({ seed: 'sample' })
    const f = h.sim.fixtures
    const shared = h.sim.model.addAsset({
      kind: 'page',
      name: 'Agency client Page',
      businessId: f.businessId,
      relation: 'client',
      fields: {},
    })
    const listed = await listAssets(h.client, h.admin, { businessId: f.businessId, kind: 'page' })
    expect(
      listed.ok ? listed.value.filter((asset) => asset.relation === 'client').map((a) => a.id) : [],
    ).toEqual([shared.id])
  })

  it(`lists 5,000 assets of one kind in at most ceil(5000 / page size) + 1 requests`, async () => {
    h = await startHarness({ seed: 'large' })
    const f = h.sim.fixtures
    for (let n = f.counts.page; n < 5000; n++) {
      h.sim.model.addAsset({
        kind: 'page',
        name: `Extra Page ${n}`,
        businessId: f.businessId,
        relation: 'owned',
        fields: {},
      })
    }
    const before = h.sim.requests.length
    const listed = await listAssets(h.client, h.admin, { businessId: f.businessId, kind: 'page' })
    const requests = h.sim.requests.length - before
    expect(listed.ok ? listed.value.length : 0).toBe(5000)
    expect(new Set(listed.ok ? listed.value.map((asset) => asset.id) : []).size).toBe(5000)
    // Owned pages take ceil(5000/100) requests; the empty client edge takes the one more.
    expect(requests).toBeLessThanOrEqual(Math.ceil(5000 / MAX_PAGE_SIZE) + 1)
  })

  it('keeps reading past short pages when the simulator caps the page size lower', async () => {
    h = await startHarness({ seed: 'large', limits: { maxPageSize: 40 } })
    const f = h.sim.fixtures
    const listed = await listAssetsOf(h.client, h.admin, {
      businessId: f.businessId,
      kind: 'whatsapp-business-account',
      relation: 'owned',
    })
    expect(listed.ok ? listed.value.length : 0).toBe(f.counts['whatsapp-business-account'])
    expect(h.sim.requests).toHaveLength(Math.ceil(f.counts['whatsapp-business-account'] / 40))
  })
})
