import { describe, expect, it } from 'vitest'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import type { KvStore } from '../settings/kv-store'
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings'
import { createVaultIndex } from './vault-index'

const memoryKv = (): KvStore<Settings> & { writes: number } => {
  let data: Settings = { ...DEFAULT_SETTINGS }
  const kv = {
    writes: 0,
    get: <K extends keyof Settings>(key: K) => data[key],
    set: <K extends keyof Settings>(key: K, value: Settings[K]) => {
      kv.writes += 1
      data = { ...data, [key]: value }
    },
  }
  return kv
}

const record = (id: string, change: Partial<VaultRecordSummary> = {}): VaultRecordSummary => ({
  id,
  kind: 'system-user',
  practice: true,
  businessId: '100',
  businessName: 'Harbour Lane Bakery',
  systemUserId: '200',
  systemUserName: 'Ad reports server',
  appId: '300',
  appName: 'Harbour Lane Orders',
  scopes: ['ads_read'],
  createdAt: '2026-11-29T10:00:00.000Z',
  expiresAt: null,
  fingerprint: 'a1b2',
  lastCheck: null,
  ...change,
})

describe('the vault index', () => {
  it('lists, searches every word across business, system user, app and scopes', () => {
    const index = createVaultIndex(memoryKv())
    index.put(record('one'))
    index.put(record('two', { systemUserName: 'Page publisher', scopes: ['pages_manage_posts'] }))
    expect(index.list().map((r) => r.id)).toEqual(['one', 'two'])
    expect(index.list('publisher').map((r) => r.id)).toEqual(['two'])
    expect(index.list('HARBOUR ads_read').map((r) => r.id)).toEqual(['one'])
    expect(index.list('nothing-matches')).toEqual([])
  })

  it('put replaces a record with the same id instead of adding a second one', () => {
    const index = createVaultIndex(memoryKv())
    index.put(record('one'))
    index.put(record('one', { fingerprint: 'zz99' }))
    expect(index.list()).toHaveLength(1)
    expect(index.get('one')?.fingerprint).toBe('zz99')
  })

  it('updates a record in place and never changes its id', () => {
    const index = createVaultIndex(memoryKv())
    index.put(record('one'))
    const updated = index.update('one', {
      lastCheck: { at: '2026-11-29T11:00:00.000Z', outcome: 'valid' },
    })
    expect(updated?.lastCheck?.outcome).toBe('valid')
    expect(index.update('missing', { fingerprint: 'x' })).toBeUndefined()
  })

  it('removes only the named record and says whether it did', () => {
    const kv = memoryKv()
    const index = createVaultIndex(kv)
    index.put(record('one'))
    index.put(record('two'))
    const writes = kv.writes
    expect(index.remove('missing')).toBe(false)
    expect(kv.writes).toBe(writes)
    expect(index.remove('one')).toBe(true)
    expect(index.list().map((r) => r.id)).toEqual(['two'])
  })
})
