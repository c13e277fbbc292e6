import { describe, expect, it } from 'vitest'
import { makeRecord } from '@test-support/renderer/fake-api'
import { backupPasswordProblem, passwordStrength } from './backup-password'
import { countByStatus, filterRecords, sortByUrgency } from '@test-support/renderer/fake-vault-list'
import { vaultStatus } from './vault-status'

const NOW = Date.parse('2027-01-01T00:00:00.000Z')
const DAY = 24 * 60 * 60 * 1000
const at = (ms: number): string => new Date(NOW + ms).toISOString()

describe('vaultStatus', () => {
  it('counts a token as expiring from exactly 14 days before, rounding days up', () => {
    expect(vaultStatus(makeRecord({ expiresAt: at(14 * DAY + 1) }), NOW)).toEqual({ kind: 'valid' })
    expect(vaultStatus(makeRecord({ expiresAt: at(14 * DAY) }), NOW)).toEqual({
      kind: 'expiring',
      daysLeft: 14,
    })
    expect(vaultStatus(makeRecord({ expiresAt: at(DAY / 2) }), NOW)).toEqual({
      kind: 'expiring',
      daysLeft: 1,
    })
    expect(vaultStatus(makeRecord({ expiresAt: at(0) }), NOW)).toEqual({ kind: 'expired' })
    expect(vaultStatus(makeRecord({ expiresAt: 'not a date' }), NOW)).toEqual({ kind: 'expired' })
    expect(vaultStatus(makeRecord({ expiresAt: null }), NOW)).toEqual({ kind: 'valid' })
  })

  it('lets the last check win for revoked and invalid, and keeps "unknown since" its date', () => {
    const check = (outcome: 'revoked' | 'wrong-app' | 'unknown') =>
      makeRecord({ expiresAt: null, lastCheck: { at: at(-DAY), outcome } })
    expect(vaultStatus(check('revoked'), NOW).kind).toBe('revoked')
    expect(vaultStatus(check('wrong-app'), NOW).kind).toBe('invalid')
    expect(vaultStatus(check('unknown'), NOW)).toEqual({ kind: 'unknown', since: at(-DAY) })
  })

  it('prefers the status main decided', () => {
    const record = {
      ...makeRecord({ expiresAt: at(90 * DAY) }),
      status: { state: 'expiring' as const, daysLeft: 5 },
    }
    expect(vaultStatus(record, NOW)).toEqual({ kind: 'expiring', daysLeft: 5 })
  })
})

describe('sorting and searching', () => {
  const records = [
    makeRecord({ id: 'valid-late', expiresAt: at(50 * DAY) }),
    makeRecord({ id: 'never', expiresAt: null }),
    makeRecord({ id: 'soon', expiresAt: at(2 * DAY) }),
    makeRecord({ id: 'expired', expiresAt: at(-DAY) }),
    makeRecord({ id: 'valid-early', expiresAt: at(20 * DAY), scopes: ['catalog_management'] }),
  ]

  it('sorts by urgency, then by the soonest expiry', () => {
    expect(sortByUrgency(records, NOW).map((r) => r.id)).toEqual([
      'expired',
      'soon',
      'valid-early',
      'valid-late',
      'never',
    ])
  })

  it('matches every word anywhere, in any case, and filters by status', () => {
    const ids = (text: string, status: 'all' | 'valid' = 'all') =>
      filterRecords(records, { text, status }, NOW).map((r) => r.id)
    expect(ids('CATALOG_management')).toEqual(['valid-early'])
    expect(ids('bakery reports')).toHaveLength(5)
    expect(ids('bakery nowhere')).toEqual([])
    expect(ids('', 'valid')).toEqual(['valid-late', 'never', 'valid-early'])
    expect(countByStatus(records, NOW)).toMatchObject({ valid: 3, expiring: 1, expired: 1 })
  })
})

describe('the backup password', () => {
  it('needs 12 characters, typed the same twice', () => {
    expect(backupPasswordProblem('', '')).toBe('empty')
    expect(backupPasswordProblem('elevenchars', 'elevenchars')).toBe('too-short')
    expect(backupPasswordProblem('twelve chars', 'twelve charz')).toBe('mismatch')
    expect(backupPasswordProblem('twelve chars', 'twelve chars')).toBeNull()
  })

  it('rates length above symbols', () => {
    expect(passwordStrength('Ab1!')).toBe('weak')
    expect(passwordStrength('twelve chars')).toBe('fair')
    expect(passwordStrength('four plain words here')).toBe('strong')
  })
})
