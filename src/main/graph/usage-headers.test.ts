import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readUsageHeaders } from './usage-headers'

describe('readUsageHeaders (REL-01)', () => {
  it('reads X-App-Usage as the highest of its percentages', () => {
    expect(
      readUsageHeaders({ 'x-app-usage': '{"call_count":12,"total_cputime":80,"total_time":3}' }),
    ).toEqual([{ bucket: 'app', percent: 80 }])
  })

  it('reads each business object of X-Business-Use-Case-Usage with its regain time in minutes', () => {
    const header = JSON.stringify({
      '1234': [
        {
          type: 'ads_management',
          call_count: 96,
          total_cputime: 10,
          total_time: 20,
          estimated_time_to_regain_access: 7,
        },
        {
          type: 'pages',
          call_count: 10,
          total_cputime: 1,
          total_time: 1,
          estimated_time_to_regain_access: 0,
        },
      ],
      '5678': [{ type: 'pages', call_count: 5 }],
    })
    expect(readUsageHeaders({ 'x-business-use-case-usage': header })).toEqual([
      { bucket: 'buc:1234', percent: 96, regainMs: 7 * 60_000 },
      { bucket: 'buc:5678', percent: 5 },
    ])
  })

  it('reads X-Ad-Account-Usage; its reset time counts only once the account is full', () => {
    expect(
      readUsageHeaders({
        'x-ad-account-usage': '{"acc_id_util_pct":9.67,"reset_time_duration":30}',
      }),
    ).toEqual([{ bucket: 'ad-account', percent: 9.67 }])
    expect(
      readUsageHeaders({
        'x-ad-account-usage': '{"acc_id_util_pct":100,"reset_time_duration":30}',
      }),
    ).toEqual([{ bucket: 'ad-account', percent: 100, regainMs: 30_000 }])
  })

  it('accepts numbers sent as strings and clamps absurd values', () => {
    expect(readUsageHeaders({ 'x-app-usage': '{"call_count":"77","total_time":1e300}' })).toEqual([
      { bucket: 'app', percent: 1000 },
    ])
    const [reading] = readUsageHeaders({
      'x-business-use-case-usage':
        '{"1":[{"call_count":1,"estimated_time_to_regain_access":1e12}]}',
    })
    expect(reading?.regainMs).toBe(24 * 60 * 60 * 1000)
  })

  it('skips what it cannot read', () => {
    expect(readUsageHeaders({})).toEqual([])
    expect(readUsageHeaders({ 'x-app-usage': 'not json' })).toEqual([])
    expect(readUsageHeaders({ 'x-app-usage': '[1,2]' })).toEqual([])
    expect(
      readUsageHeaders({ 'x-business-use-case-usage': '{"bad id!":[{"call_count":99}]}' }),
    ).toEqual([])
    expect(readUsageHeaders({ 'x-app-usage': '{"call_count":-5}' })).toEqual([
      { bucket: 'app', percent: 0 },
    ])
  })

  it('never throws and always yields sane numbers on malformed headers (5,000 cases)', () => {
    const usageObject = fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          'call_count',
          'total_cputime',
          'total_time',
          'acc_id_util_pct',
          'reset_time_duration',
          'estimated_time_to_regain_access',
          '__proto__',
          'constructor',
        ),
        fc.string(),
      ),
      fc.oneof(
        fc.double(),
        fc.integer(),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.anything(), { maxLength: 3 }),
      ),
    )
    const headerValue = fc.oneof(
      fc.string(),
      fc.json(),
      usageObject.map((value) => JSON.stringify(value)),
      fc
        .dictionary(
          fc.string(),
          fc.oneof(fc.array(usageObject, { maxLength: 4 }), usageObject, fc.anything()),
        )
        .map((value) => JSON.stringify(value)),
      fc.anything().map((value) => {
        try {
          return JSON.stringify(value) ?? ''
        } catch {
          return ''
        }
      }),
    )
    fc.assert(
      fc.property(
        fc.record(
          {
            'x-app-usage': headerValue,
            'x-business-use-case-usage': headerValue,
            'x-ad-account-usage': headerValue,
          },
          { requiredKeys: [] },
        ),
        (headers) => {
          const readings = readUsageHeaders(headers)
          for (const reading of readings) {
            expect(Number.isFinite(reading.percent)).toBe(true)
            expect(reading.percent).toBeGreaterThanOrEqual(0)
            expect(reading.percent).toBeLessThanOrEqual(1000)
            if (reading.regainMs !== undefined) {
              expect(reading.regainMs).toBeGreaterThan(0)
              expect(reading.regainMs).toBeLessThanOrEqual(24 * 60 * 60 * 1000)
            }
          }
        },
      ),
      { numRuns: 5000 },
    )
  })
})
