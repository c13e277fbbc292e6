import { afterEach, describe, expect, test } from 'vitest'
import { startSimulator, type RunningSimulator } from './simulator'
import { asAdmin, errorOf } from '@test-support/node/simulator-calls'

let sim: RunningSimulator
let clock = 0
afterEach(() => sim.close())
const start = async (limits: { appCallsPerHour?: number; bucCallsPerHour?: number }) => {
  clock = Date.UTC(2026, 10, 20, 12)
  sim = await startSimulator({ now: () => clock, limits })
}

const appUsage = (h: Headers) =>
  JSON.parse(h.get('x-app-usage') ?? 'null') as { call_count: number }
const bucUsage = (h: Headers) =>
  JSON.parse(h.get('x-business-use-case-usage') ?? 'null') as Record<
    string,
    { type: string; call_count: number; estimated_time_to_regain_access: number }[]
  >

describe('usage headers and throttling', () => {
  test('X-App-Usage rises with calls in the rolling hour and falls when they leave it', async () => {
    await start({ appCallsPerHour: 10 })
    const seen: number[] = []
    for (let n = 0; n < 3; n += 1)
      seen.push(appUsage((await asAdmin(sim, 'GET', '/me')).headers).call_count)
    expect(seen).toEqual([10, 20, 30])
    clock += 3_600_001
    expect(appUsage((await asAdmin(sim, 'GET', '/me')).headers).call_count).toBe(10)
  })

  test('past 100% of the app limit, code 4 until the window frees', async () => {
    await start({ appCallsPerHour: 3 })
    for (let n = 0; n < 3; n += 1) expect((await asAdmin(sim, 'GET', '/me')).status).toBe(200)
    const throttled = await asAdmin(sim, 'GET', '/me')
    expect(errorOf(throttled)).toMatchObject({ code: 4, is_transient: true })
    expect(appUsage(throttled.headers).call_count).toBe(100)
    clock += 3_600_001
    expect((await asAdmin(sim, 'GET', '/me')).status).toBe(200)
  })

  test('X-Business-Use-Case-Usage per business and use case, with the regain time', async () => {
    await start({ bucCallsPerHour: 4 })
    const business = sim.fixtures.businessId
    const path = `/${business}/owned_ad_accounts`
    for (let n = 0; n < 3; n += 1) await asAdmin(sim, 'GET', path)
    clock += 20 * 60_000
    const fourth = await asAdmin(sim, 'GET', path)
    expect(bucUsage(fourth.headers)[business]).toEqual([
      {
        type: 'ads_management',
        call_count: 100,
        total_cputime: 50,
        total_time: 50,
        estimated_time_to_regain_access: 40,
      },
    ])
    const throttled = await asAdmin(sim, 'GET', path)
    expect(errorOf(throttled)).toMatchObject({
      code: 80004,
      error_subcode: 2446079,
      is_transient: true,
    })
    clock += 40 * 60_000
    expect((await asAdmin(sim, 'GET', path)).status).toBe(200)
  })

  test('Page calls count against the pages use case (80001)', async () => {
    await start({ bucCallsPerHour: 1 })
    const page = `/${sim.fixtures.pageIds[0]}`
    expect((await asAdmin(sim, 'GET', page)).status).toBe(200)
    const throttled = await asAdmin(sim, 'GET', page)
    expect(errorOf(throttled).code).toBe(80001)
    // Other use cases of the same business are unaffected.
    expect((await asAdmin(sim, 'GET', `/${sim.fixtures.businessId}/owned_pages`)).status).toBe(200)
  })

  test('every response carries both headers, even errors and business-less calls', async () => {
    await start({})
    const unknown = await asAdmin(sim, 'GET', '/123')
    expect(appUsage(unknown.headers)).toBeTruthy()
    expect(bucUsage(unknown.headers)).toEqual({})
  })
})
