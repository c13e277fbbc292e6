import type { SimulatorModel } from '../model'
import type { AssetKind, SeedFixtures } from '../types'
import { buildPortfolio } from './seed-builder'

export const LARGE_ID_BASE = 204_000_000_000_001n

/**
 * Assets per kind in the large seed: 8,650 in all. Ad accounts reach 5,000 so one edge alone can
 * show the "list 5,000 assets in ceil(5000 / page size) + 1 requests" budget of the issue.
 */
export const LARGE_COUNTS: Readonly<Record<AssetKind, number>> = {
  page: 2000,
  ad_account: 5000,
  product_catalog: 600,
  pixel: 500,
  instagram_account: 400,
  whatsapp_business_account: 150,
}

const LABELS: Readonly<Record<AssetKind, string>> = {
  page: 'Store Page',
  ad_account: 'Ad Account',
  product_catalog: 'Catalog',
  pixel: 'Pixel',
  instagram_account: 'Instagram',
  whatsapp_business_account: 'WhatsApp',
}

/**
 * A big retail group for pagination, batching and rate-limit tests and benchmarks: 8,650 assets
 * across kinds, a Full-tier app (10 regular system users). Plain loops, no randomness.
 */
export function seedLarge(model: SimulatorModel): SeedFixtures {
  const p = buildPortfolio(model, {
    seed: 'large',
    businessName: 'Lakeside Retail Group',
    appName: 'Lakeside Operations',
    appTier: 'full',
    createdTime: Date.UTC(2019, 8, 3, 14, 0),
  })
  for (const kind of Object.keys(LARGE_COUNTS) as AssetKind[]) {
    for (let n = 1; n <= LARGE_COUNTS[kind]; n += 1) {
      const name = `Lakeside ${LABELS[kind]} ${String(n).padStart(4, '0')}`
      p.add(kind, name, kind === 'instagram_account' ? { username: `lakeside_${n}` } : {})
    }
  }
  return p.fixtures()
}
