import { describe, expect, it } from 'vitest'
import { createFakeClock } from '../../../tests/support/node/fake-clock'
import { canarySecret, canaryToken } from '../../../tests/support/node/canaries'
import { appKeyOf, createRateLimiter } from './rate-limits'

const bucReport = (id: string, percent: number, regainMinutes = 0) => ({
  'x-business-use-case-usage': JSON.stringify({
    [id]: [
      {
        type: 'ads_management',
        call_count: percent,
        total_cputime: 1,
        total_time: 1,
        estimated_time_to_regain_access: regainMinutes,
      },
    ],
  }),
})

describe('rate limiter (REL-01)', () => {
  it('puts a request in the app, token, object and ad-account buckets', () => {
    const limiter = createRateLimiter(createFakeClock())
    const scope = { tokenKey: 'abc', appKey: 'k1', objectIds: ['act_9', '7', '7'] }
    expect(limiter.bucketsOf(scope)).toEqual([
      'app:k1',
      'token:abc',
      'buc:act_9',
      'buc:7',
      'ad-account:act_9',
    ])
  })

  it('lets requests through at once below 75%', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const buckets = limiter.bucketsOf({ tokenKey: 't', objectIds: ['7'] })
    limiter.observe(buckets, { 'x-app-usage': '{"call_count":74}' })
    limiter.noteSent(buckets)
    expect(limiter.waitMs(buckets)).toBe(0)
  })

  it('spaces requests out from 75%, more as usage grows', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const buckets = limiter.bucketsOf({ tokenKey: 't', objectIds: [] })
    limiter.noteSent(buckets)
    limiter.observe(buckets, { 'x-app-usage': '{"call_count":75}' })
    const at75 = limiter.waitMs(buckets)
    limiter.observe(buckets, { 'x-app-usage': '{"call_count":90}' })
    const at90 = limiter.waitMs(buckets)
    expect(at75).toBeGreaterThan(0)
    expect(at90).toBeGreaterThan(at75)
    clock.advance(at90)
    expect(limiter.waitMs(buckets)).toBe(0)
  })

  it('closes a bucket at 95% for 60 minutes when Meta gives no regain time', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const buckets = limiter.bucketsOf({ tokenKey: 't', objectIds: [] })
    limiter.observe(buckets, { 'x-app-usage': '{"call_count":95}' })
    expect(limiter.waitMs(buckets)).toBe(60 * 60_000)
  })

  it('closes exactly the business object Meta reports, until its regain time', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const business7 = limiter.bucketsOf({ tokenKey: 't', objectIds: ['7'] })
    const business8 = limiter.bucketsOf({ tokenKey: 't', objectIds: ['8'] })
    limiter.observe(business7, bucReport('7', 100, 3), 80004)
    expect(limiter.waitMs(business7)).toBe(3 * 60_000)
    expect(limiter.waitMs(business8)).toBe(0)
    clock.advance(3 * 60_000 - 1)
    expect(limiter.waitMs(business7)).toBe(1)
    clock.advance(1)
    expect(limiter.waitMs(business7)).toBe(0)
  })

  it('closes the app for code 4 and the token for code 17', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const tokenA = limiter.bucketsOf({ tokenKey: 'a', appKey: 'k1', objectIds: [] })
    const tokenB = limiter.bucketsOf({ tokenKey: 'b', appKey: 'k1', objectIds: [] })
    limiter.observe(tokenA, {}, 17)
    expect(limiter.waitMs(tokenA)).toBe(60 * 60_000)
    expect(limiter.waitMs(tokenB)).toBe(0)
    limiter.observe(tokenA, {}, 4)
    expect(limiter.waitMs(tokenB)).toBe(60 * 60_000)
  })

  it('closes the touched business object on a BUC code without a header', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock, { unknownRegainMs: 5_000 })
    const buckets = limiter.bucketsOf({ tokenKey: 't', appKey: 'k1', objectIds: ['7'] })
    limiter.observe(buckets, {}, 80001)
    expect(limiter.waitMs(buckets)).toBe(5_000)
    expect(limiter.inspect('app:k1')).toBeUndefined()
  })

  it('applies X-Ad-Account-Usage to the ad account the request named', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const account = limiter.bucketsOf({ tokenKey: 't', objectIds: ['act_5'] })
    limiter.observe(account, {
      'x-ad-account-usage': '{"acc_id_util_pct":100,"reset_time_duration":90}',
    })
    expect(limiter.waitMs(account)).toBe(90_000)
    expect(limiter.inspect('ad-account:act_5')?.closedUntil).toBe(clock.now() + 90_000)
    expect(limiter.inspect('ad-account:act_6')).toBeUndefined()
  })

  it('does not keep slowing a bucket down after it reopens', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const buckets = limiter.bucketsOf({ tokenKey: 't', objectIds: ['7'] })
    limiter.observe(buckets, bucReport('7', 100, 2), 80004)
    clock.advance(2 * 60_000)
    limiter.noteSent(buckets)
    expect(limiter.waitMs(buckets)).toBe(0)
  })

  it('never shortens a closure when a later, smaller regain time arrives', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const buckets = limiter.bucketsOf({ tokenKey: 't', objectIds: ['7'] })
    limiter.observe(buckets, bucReport('7', 100, 10), 80004)
    limiter.observe(buckets, bucReport('7', 100, 1), 80004)
    expect(limiter.waitMs(buckets)).toBe(10 * 60_000)
  })
})

describe('rate limiter: regain times from the same response', () => {
  it('closes a full app for the regain time Meta gave in the same response, not an hour', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const buckets = limiter.bucketsOf({ tokenKey: 't', objectIds: [] })
    limiter.observe(buckets, { 'x-app-usage': '{"call_count":100}', ...bucReport('7', 100, 2) }, 4)
    expect(limiter.waitMs(buckets)).toBe(2 * 60_000)
  })
})

describe('rate limiter: one app bucket per app (REL-01)', () => {
  it('code 4 or 613 on app A holds every call of app A and none of app B', () => {
    for (const code of [4, 613]) {
      const clock = createFakeClock()
      const limiter = createRateLimiter(clock)
      const appA = limiter.bucketsOf({ tokenKey: 'a1', appKey: 'ka', objectIds: ['7'] })
      const appAOtherToken = limiter.bucketsOf({ tokenKey: 'a2', appKey: 'ka', objectIds: [] })
      const appB = limiter.bucketsOf({ tokenKey: 'b1', appKey: 'kb', objectIds: ['7'] })
      limiter.observe(appA, {}, code)
      expect(limiter.waitMs(appA)).toBe(60 * 60_000)
      expect(limiter.waitMs(appAOtherToken)).toBe(60 * 60_000)
      expect(limiter.waitMs(appB)).toBe(0)
      expect(limiter.closedBuckets().map((closed) => closed.bucket)).toEqual(['app:ka'])
    }
  })

  it('a full X-App-Usage closes and slows only the app that sent the request', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const appA = limiter.bucketsOf({ tokenKey: 'a', appKey: 'ka', objectIds: [] })
    const appB = limiter.bucketsOf({ tokenKey: 'b', appKey: 'kb', objectIds: [] })
    limiter.noteSent([...appA, ...appB])
    limiter.observe(appA, { 'x-app-usage': '{"call_count":80}' })
    expect(limiter.waitMs(appA)).toBeGreaterThan(0)
    expect(limiter.waitMs(appB)).toBe(0)
    limiter.observe(appA, { 'x-app-usage': '{"call_count":96}' })
    expect(limiter.waitMs(appA)).toBe(60 * 60_000)
    expect(limiter.waitMs(appB)).toBe(0)
  })

  it('a call with only a token counts against the app that token was used with', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    limiter.bucketsOf({ tokenKey: 'a', appKey: 'ka', objectIds: [] })
    const bare = limiter.bucketsOf({ tokenKey: 'a', objectIds: [] })
    expect(bare).toEqual(['app:ka', 'token:a'])
    limiter.observe(bare, {}, 4)
    expect(limiter.waitMs(limiter.bucketsOf({ tokenKey: 'a2', appKey: 'ka', objectIds: [] }))).toBe(
      60 * 60_000,
    )
  })

  it('a token of no known app: code 4 closes its token bucket only, never another app', () => {
    const clock = createFakeClock()
    const limiter = createRateLimiter(clock)
    const stranger = limiter.bucketsOf({ tokenKey: 'x', objectIds: [] })
    const appB = limiter.bucketsOf({ tokenKey: 'b', appKey: 'kb', objectIds: [] })
    expect(stranger).toEqual(['token:x'])
    limiter.observe(stranger, {}, 613)
    expect(limiter.waitMs(stranger)).toBe(60 * 60_000)
    expect(limiter.waitMs(appB)).toBe(0)
  })
})

describe('appKeyOf', () => {
  it('names an app by a fingerprint of its secret, the same whether signed or app-token', () => {
    const secretA = canarySecret()
    const secretB = canarySecret()
    const keyA = appKeyOf({ token: canaryToken(), appSecret: secretA })
    expect(keyA).toMatch(/^[0-9a-f]{12}$/)
    expect(secretA).not.toContain(keyA!)
    expect(appKeyOf({ token: canaryToken(), appSecret: secretA })).toBe(keyA)
    // debug_token's and the OAuth exchanges' app token `{app-id}|{app-secret}`:
    expect(appKeyOf({ token: `123|${secretA}` })).toBe(keyA)
    expect(appKeyOf({ token: `123|${secretA}`, appSecret: secretA })).toBe(keyA)
    expect(appKeyOf({ token: canaryToken(), appSecret: secretB })).not.toBe(keyA)
    expect(appKeyOf({ token: canaryToken() })).toBeUndefined()
  })
})
