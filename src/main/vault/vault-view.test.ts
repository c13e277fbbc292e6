import { describe, expect, it } from 'vitest'
import { CONTRACT } from '@shared/ipc/contract'
import { ListVaultResponse } from '@shared/ipc/schemas/vault'
import { listPage } from './vault-view'
import { makeRecord } from '../../../tests/support/node/vault-kit'

const NOW = Date.UTC(2026, 0, 15, 9)
const DAY = 24 * 60 * 60 * 1000
const inDays = (days: number): string => new Date(NOW + days * DAY).toISOString()

/** 1,050 records whose status cycles: expired, revoked, expiring, unknown, valid. */
const records = Array.from({ length: 1050 }, (_, n) =>
  makeRecord(NOW, {
    id: `r${String(n).padStart(4, '0')}`,
    systemUserName: n % 3 === 0 ? `Orders ${n}` : `Reports ${n}`,
    expiresAt: [inDays(-1), inDays(40), inDays(5), null, inDays(50 + (n % 9))][n % 5]!,
    lastCheck:
      n % 5 === 1
        ? { at: inDays(-1), outcome: 'revoked' }
        : n % 5 === 3
          ? { at: inDays(-1), outcome: 'unknown' }
          : null,
  }),
)

describe('the paged vault list', () => {
  it('pages through every match exactly once, most urgent first', () => {
    const seen: string[] = []
    const states: string[] = []
    for (let offset = 0; offset < 1050; offset += 200) {
      const page = listPage(records, { offset, limit: 200 }, NOW)
      expect(page.offset).toBe(offset)
      expect(page.total).toBe(1050)
      expect(page.matched).toBe(1050)
      expect(page.records.length).toBe(Math.min(200, 1050 - offset))
      seen.push(...page.records.map((record) => record.id))
      states.push(...page.records.map((record) => record.status?.state ?? ''))
    }
    expect(new Set(seen).size).toBe(1050)
    // 210 of each status, in the order of urgency.
    const order = ['expired', 'revoked', 'expiring', 'unknown', 'valid']
    expect(states).toEqual(order.flatMap((state) => Array<string>(210).fill(state)))
  })

  it('defaults to 100 rows and counts every status of the whole vault, whatever the filters', () => {
    const page = listPage(records, { query: 'orders', status: 'valid' }, NOW)
    expect(page.counts).toEqual({
      expired: 210,
      revoked: 210,
      expiring: 210,
      unknown: 210,
      valid: 210,
      invalid: 0,
    })
    // Valid is n % 5 === 4, "Orders" is n % 3 === 0: n % 15 === 9, 70 of them.
    expect(page.matched).toBe(70)
    expect(page.records).toHaveLength(70)
    expect(page.records.every((r) => r.systemUserName?.startsWith('Orders'))).toBe(true)
    expect(listPage(records, {}, NOW).records).toHaveLength(100)
  })

  it('answers the last page when the offset is past the end (the list shrank meanwhile)', () => {
    const page = listPage(records, { offset: 5000, limit: 100 }, NOW)
    expect(page.offset).toBe(1000)
    expect(page.records).toHaveLength(50)
    const empty = listPage([], { offset: 300 }, NOW)
    expect(empty).toMatchObject({ offset: 0, matched: 0, total: 0, records: [] })
  })

  it('keeps every answer within the contract: at most 200 rows asked or answered', () => {
    const request = CONTRACT['vault:records-list'].request
    expect(request.safeParse({ limit: 200 }).success).toBe(true)
    expect(request.safeParse({ limit: 201 }).success).toBe(false)
    expect(request.safeParse({ limit: 0 }).success).toBe(false)
    expect(request.safeParse({ offset: -1 }).success).toBe(false)
    const page = listPage(records, { limit: 200 }, NOW)
    expect(ListVaultResponse.safeParse(page).success).toBe(true)
    expect(
      ListVaultResponse.safeParse({ ...page, records: [...page.records, page.records[0]] }),
    ).toMatchObject({ success: false })
  })
})
