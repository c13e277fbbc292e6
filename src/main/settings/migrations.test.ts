import { describe, expect, it } from 'vitest'
import {
  migrateBackupPayload,
  migrateConnection,
  migrateVaultRecord,
  migrateVaultRecords,
} from './migrations'

describe('migrateConnection', () => {
  const rest = { appId: '123456789012345', userId: '42', userName: 'Ada' }

  it('reads an older summary’s `target` as `mode`, keeping every other field', () => {
    expect(migrateConnection({ target: 'real', ...rest })).toStrictEqual({ mode: 'real', ...rest })
    expect(migrateConnection({ target: 'practice', ...rest })).toStrictEqual({
      mode: 'practice',
      ...rest,
    })
  })

  it('leaves a summary in today’s shape, and anything that is not a summary, as it is', () => {
    const current = { mode: 'real', ...rest }
    expect(migrateConnection(current)).toBe(current)
    // Both names is no shape any version wrote: left for the schema to refuse.
    const both = { mode: 'real', target: 'practice', ...rest }
    expect(migrateConnection(both)).toBe(both)
    for (const other of [null, undefined, 'real', 7, ['target']]) {
      expect(migrateConnection(other)).toBe(other)
    }
  })
})

describe('migrateVaultRecord and migrateVaultRecords', () => {
  const record = { id: 'rec-1', kind: 'system-user', practice: true, businessId: '100' }

  it('reads a lower-case role in upper case, keeping the kind and every other field', () => {
    expect(migrateVaultRecord({ ...record, systemUserRole: 'employee' })).toStrictEqual({
      ...record,
      systemUserRole: 'EMPLOYEE',
    })
    const admin = { ...record, kind: 'admin-system-user' }
    expect(migrateVaultRecord({ ...admin, systemUserRole: 'admin' })).toStrictEqual({
      ...admin,
      systemUserRole: 'ADMIN',
    })
  })

  it('leaves records in today’s shape, without a role, or with an unknown one as they are', () => {
    for (const same of [
      { ...record, systemUserRole: 'EMPLOYEE' },
      { ...record, systemUserRole: 'ADMIN' },
      record,
      // Not a spelling any version wrote: the schema refuses it, as before.
      { ...record, systemUserRole: 'owner' },
      { ...record, systemUserRole: 'toString' },
      null,
      'rec-1',
    ]) {
      expect(migrateVaultRecord(same)).toBe(same)
    }
  })

  it('answers the same array when nothing needs a change, and a migrated copy otherwise', () => {
    const current = [{ ...record, systemUserRole: 'ADMIN' }, record]
    expect(migrateVaultRecords(current)).toBe(current)
    const stored = [{ ...record, systemUserRole: 'admin' }, record]
    const migrated = migrateVaultRecords(stored)
    expect(migrated).toStrictEqual([{ ...record, systemUserRole: 'ADMIN' }, record])
    expect(migrated[1]).toBe(stored[1])
    expect(stored[0]).toStrictEqual({ ...record, systemUserRole: 'admin' })
  })

  it('reads a backup’s records the same way, and leaves the rest of the backup alone', () => {
    const secrets = { 'rec-1': 'not-a-real-token' }
    expect(
      migrateBackupPayload({ records: [{ ...record, systemUserRole: 'employee' }], secrets }),
    ).toStrictEqual({ records: [{ ...record, systemUserRole: 'EMPLOYEE' }], secrets })
    const current = { records: [record], secrets }
    expect(migrateBackupPayload(current)).toBe(current)
    for (const other of [null, [], { records: 'x' }]) {
      expect(migrateBackupPayload(other)).toBe(other)
    }
  })
})
