import { describe, expect, it } from 'vitest'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { inventoryCsv } from './inventory'

const record = (extra: Partial<VaultRecordSummary>): VaultRecordSummary => ({
  id: 'rec-1',
  kind: 'system-user',
  practice: false,
  businessId: '555',
  businessName: 'Harbour Lane Bakery',
  systemUserId: '61000001',
  systemUserName: 'Reports reader',
  appId: '123456789012345',
  scopes: ['ads_read'],
  createdAt: '2026-11-30T09:00:00.000Z',
  expiresAt: null,
  fingerprint: 'wxyz',
  lastCheck: null,
  ...extra,
})

describe('the inventory CSV', () => {
  it('writes the role in the words it always used, whatever the record spells it', () => {
    const lines = inventoryCsv([
      record({ systemUserRole: 'EMPLOYEE' }),
      record({ kind: 'admin-system-user', systemUserRole: 'ADMIN' }),
      record({ kind: 'imported' }),
    ]).split('\r\n')
    const roles = lines.slice(1, 4).map((line) => line.split(',')[4])
    expect(roles).toStrictEqual(['employee', 'admin', ''])
    expect(lines[1]?.split(',')[14]).toBe('real')
  })
})
