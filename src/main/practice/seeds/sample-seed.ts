import type { SimulatorModel } from '../model'
import type { SeedFixtures } from '../types'
import { buildPortfolio } from './seed-builder'

/** First id of the sample seed; every id after it is deterministic. */
export const SAMPLE_ID_BASE = 104_000_000_000_001n

/**
 * The practice portfolio a newcomer sees: a small bakery with a few Pages, two ad accounts, a
 * catalog, an Instagram account, a WhatsApp account, a pixel and one Limited-tier app. No system
 * users yet — creating the first one is the lesson.
 */
export function seedSample(model: SimulatorModel): SeedFixtures {
  const p = buildPortfolio(model, {
    seed: 'sample',
    businessName: 'Harbour Lane Bakery',
    appName: 'Harbour Lane Orders',
    appTier: 'limited',
    createdTime: Date.UTC(2021, 2, 14, 9, 30),
  })
  const bakery = p.add('page', 'Harbour Lane Bakery', { category: 'Bakery' })
  p.add('page', 'Harbour Lane Café', { category: 'Café' })
  p.add('page', 'Harbour Lane Catering', { category: 'Caterer' })
  model.updateBusiness(p.businessId, { primaryPageId: bakery })

  const money = { currency: 'GBP', timezone_name: 'Europe/London', account_status: 1 }
  p.add('ad-account', 'Harbour Lane – Everyday', money)
  p.add('ad-account', 'Harbour Lane – Seasonal', money)
  p.add('product-catalog', 'Harbour Lane Breads and Cakes', {
    vertical: 'commerce',
    product_count: 48,
  })
  p.add('instagram-account', 'Harbour Lane Bakery', {
    username: 'harbourlanebakery',
    ig_username: 'harbourlanebakery',
  })
  p.add('whatsapp-business-account', 'Harbour Lane Bakery', {
    currency: 'GBP',
    timezone_id: '1',
    account_review_status: 'APPROVED',
  })
  p.add('pixel', 'Harbour Lane Website', {
    creation_time: '2022-05-02T10:15:00+0000',
    is_unavailable: false,
  })
  return p.fixtures()
}
