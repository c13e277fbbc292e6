import { describe, expect, test } from 'vitest'
import { ASSIGNABLE_KINDS } from '@shared/catalog/asset-kinds'
import { SimulatorModel } from '../model'
import { LARGE_COUNTS, LARGE_ID_BASE, seedLarge } from './large-seed'
import { SAMPLE_ID_BASE, seedSample } from './sample-seed'

const fixedClock = () => Date.UTC(2026, 10, 20)

describe('sample seed', () => {
  test('is a small friendly portfolio with one Limited app and no system users', () => {
    const model = new SimulatorModel(fixedClock, SAMPLE_ID_BASE)
    const f = seedSample(model)
    expect(f.businessName).toBe('Harbour Lane Bakery')
    expect(f.appName).toBe('Harbour Lane Orders')
    expect(f.adminUserName).toBe('Practice Admin')
    expect(f.counts).toEqual({
      page: 3,
      'ad-account': 2,
      'product-catalog': 1,
      'instagram-account': 1,
      'whatsapp-business-account': 1,
      pixel: 1,
    })
    expect(model.app(f.appId)).toMatchObject({ tier: 'limited', businessId: f.businessId })
    expect(f.appSecret).toMatch(/^[0-9a-f]{32}$/)
    expect(model.systemUsers(f.businessId)).toHaveLength(0)
    expect(f.adAccountIds.every((id) => id.startsWith('act_'))).toBe(true)
    const token = model.token(f.adminUserToken)
    expect(token).toMatchObject({ type: 'USER', userId: f.adminUserId, appId: f.appId })
    expect(token?.scopes).toContain('business_management')
    // long-lived: 60 days
    expect((token?.expiresAt ?? 0) - (token?.issuedAt ?? 0)).toBe(60 * 86_400)
  })

  test('is deterministic: the same ids and secret every time', () => {
    const a = seedSample(new SimulatorModel(fixedClock, SAMPLE_ID_BASE))
    const b = seedSample(new SimulatorModel(() => 0, SAMPLE_ID_BASE))
    const { adminUserToken: tokenA, ...restA } = a
    const { adminUserToken: tokenB, ...restB } = b
    expect(restA).toEqual(restB)
    // Tokens are random, never derived from the seed.
    expect(tokenA).not.toBe(tokenB)
  })
})

describe('large seed', () => {
  test('holds 5,000+ assets across every kind and a Full-tier app', () => {
    const model = new SimulatorModel(fixedClock, LARGE_ID_BASE)
    const f = seedLarge(model)
    const total = Object.values(f.counts).reduce((sum, n) => sum + n, 0)
    expect(total).toBeGreaterThanOrEqual(5000)
    expect(f.counts).toEqual(LARGE_COUNTS)
    for (const kind of ASSIGNABLE_KINDS) {
      expect(model.assets(f.businessId, kind)).toHaveLength(LARGE_COUNTS[kind])
    }
    expect(f.pageIds).toHaveLength(2000)
    expect(new Set(f.pageIds).size).toBe(2000)
    expect(model.app(f.appId)?.tier).toBe('full')
  })

  test('is deterministic', () => {
    const a = seedLarge(new SimulatorModel(fixedClock, LARGE_ID_BASE))
    const b = seedLarge(new SimulatorModel(fixedClock, LARGE_ID_BASE))
    expect(a.pageIds).toEqual(b.pageIds)
    expect(a.pixelIds).toEqual(b.pixelIds)
    expect(a.appSecret).toBe(b.appSecret)
  })
})
