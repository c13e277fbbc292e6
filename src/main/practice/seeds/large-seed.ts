import type { AssignableKind } from '@shared/catalog/asset-kinds'
import type { SimulatorModel } from '../model'
import type { SeedFixtures } from '../types'
import { buildPortfolio } from './seed-builder'

export const LARGE_ID_BASE = 204_000_000_000_001n

/**
 * Assets per kind in the large seed: 8,650 in all. Ad accounts reach 5,000 so one edge alone can
 * show the "list 5,000 assets in ceil(5000 / page size) + 1 requests" budget of the issue.
 */
export const LARGE_COUNTS: Readonly<Record<AssignableKind, number>> = {
  page: 2000,
  'ad-account': 5000,
  'product-catalog': 600,
  pixel: 500,
  'instagram-account': 400,
  'whatsapp-business-account': 150,
}

const LABELS: Readonly<Record<AssignableKind, string>> = {
  page: 'Store Page',
  'ad-account': 'Ad Account',
  'product-catalog': 'Catalog',
  pixel: 'Pixel',
  'instagram-account': 'Instagram',
  'whatsapp-business-account': 'WhatsApp',
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
  for (const kind of Object.keys(LARGE_COUNTS) as AssignableKind[]) {
    for (let n = 1; n <= LARGE_COUNTS[kind]; n += 1) {
      const name = `Lakeside ${LABELS[kind]} ${String(n).padStart(4, '0')}`
      p.add(kind, name, kind === 'instagram-account' ? { username: `lakeside_${n}` } : {})
    }
  }
  return p.fixtures()
}
