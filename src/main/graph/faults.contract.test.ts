import { afterEach, describe, expect, it } from 'vitest'
import type { RecordedRequest } from '../practice/simulator'
import { installApp } from './apps'
import { assignMany } from './assignments'
import { DEFAULT_RETRY_POLICY } from './retry'
import { createSystemUser, listSystemUsers } from './system-users'
import { startHarness, type Harness } from '../../../tests/support/node/simulator-harness'
import { generateSystemUserToken } from './tokens'

/**
 * REL-01/REL-02/REL-06 against the simulator's fault injector, on a fake clock shared by client
 * and simulator: scripted throttling and 5xx still complete, within the retry policy, and nothing
 * reaches a throttled bucket before its regain time.
 */
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const MINUTE = 60_000

/** Asserts that after every throttled answer the next request waited out the regain time. */
const expectRegainRespected = (requests: readonly RecordedRequest[], regainMinutes: number[]) => {
  let throttles = 0
  requests.forEach((request, index) => {
    const next = requests[index + 1]
    if (request.status !== 400 || !next) return
    const regain = regainMinutes[throttles]
    if (regain === undefined) return
    throttles += 1
    expect(next.at - request.at, `request ${index + 1} after a throttle`).toBeGreaterThanOrEqual(
      regain * MINUTE,
    )
  })
  expect(throttles).toBe(regainMinutes.length)
}

describe('fault-injector sequences', () => {
  it('completes through throttles, a 503 and code 2 within five attempts, honouring regain times', async () => {
    h = await startHarness({ seed: 'sample' })
    const path = `/${h.sim.fixtures.businessId}/system_users`
    const script = [
      { kind: 'throttle', code: 80004, regainMinutes: 2 },
      { kind: 'http-error', status: 503 },
      { kind: 'graph-error', code: 2 },
      { kind: 'throttle', code: 4, regainMinutes: 3 },
    ] as const
    for (const fault of script) h.sim.faults.add({ match: { method: 'GET', path }, fault })
    const listed = await listSystemUsers(h.client, h.admin, h.sim.fixtures.businessId)
    expect(listed).toEqual({ ok: true, value: { systemUsers: [], totalCount: 0 } })
    expect(h.sim.requests).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts)
    expect(h.sim.requests.map((request) => request.status)).toEqual([400, 503, 400, 400, 200])
    // Throttles at positions 0 and 3; the code-2 answer (position 2) is not a throttle.
    const at = h.sim.requests.map((request) => request.at)
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(2 * MINUTE)
    expect(at[4]! - at[3]!).toBeGreaterThanOrEqual(3 * MINUTE)
    // The non-throttle retries waited within their full-jitter windows: ≤ 2 s and ≤ 4 s.
    expect(at[2]! - at[1]!).toBeLessThanOrEqual(2_000)
    expect(at[3]! - at[2]!).toBeLessThanOrEqual(4_000)
  })

  it('gives up after five attempts of a failure that does not pass', async () => {
    h = await startHarness({ seed: 'sample' })
    h.sim.faults.add({
      match: { method: 'GET' },
      times: 10,
      fault: { kind: 'http-error', status: 502 },
    })
    const listed = await listSystemUsers(h.client, h.admin, h.sim.fixtures.businessId)
    expect(listed.ok ? undefined : listed.error.code).toBe('graph-unavailable')
    expect(h.sim.requests).toHaveLength(5)
  })

  it('fails fast with retryAfterMs when Meta’s regain time is beyond the budget', async () => {
    h = await startHarness({ seed: 'sample' })
    h.sim.faults.add({ fault: { kind: 'throttle', code: 80004, regainMinutes: 30 } })
    const listed = await listSystemUsers(h.client, h.admin, h.sim.fixtures.businessId)
    expect(listed.ok ? undefined : listed.error).toMatchObject({
      code: 'rate-limited',
      graphCode: 80004,
      retryAfterMs: 30 * MINUTE,
    })
    expect(h.sim.requests).toHaveLength(1)
  })

  it('batches 200 assignments through a 500, a dropped connection and a throttle', async () => {
    h = await startHarness({ seed: 'large' })
    const { businessId } = h.sim.fixtures
    const created = await createSystemUser(h.client, h.admin, {
      businessId,
      name: 'Bulk',
      role: 'EMPLOYEE',
    })
    if (!created.ok) throw new Error(created.error.code)
    const start = h.sim.requests.length
    h.sim.faults.add({
      match: { method: 'POST', path: '/' },
      fault: { kind: 'http-error', status: 500 },
    })
    h.sim.faults.add({ match: { method: 'POST', path: '/' }, fault: { kind: 'drop' } })
    h.sim.faults.add({
      match: { method: 'POST', path: '/' },
      fault: { kind: 'throttle', code: 80004, regainMinutes: 1 },
    })
    const results = await assignMany(
      h.client,
      h.admin,
      h.sim.fixtures.pageIds.slice(0, 200).map((assetId) => ({
        assetId,
        userId: created.value.id,
        businessId,
        tasks: ['ANALYZE'],
      })),
    )
    expect(results.every((result) => result.ok)).toBe(true)
    const batches = h.sim.requests.slice(start)
    // Four chunks of 50, the first needing three extra attempts.
    expect(batches).toHaveLength(4 + 3)
    expectRegainRespected(batches, [1])
    expect(h.sim.model.assignmentsOfUser(created.value.id)).toHaveLength(200)
  })

  it('never re-sends a token generation whose answer was lost', async () => {
    h = await startHarness({ seed: 'sample' })
    const { businessId, appId } = h.sim.fixtures
    const created = await createSystemUser(h.client, h.admin, {
      businessId,
      name: 'Orders',
      role: 'EMPLOYEE',
    })
    if (!created.ok) throw new Error(created.error.code)
    expect(
      (await installApp(h.client, h.admin, { systemUserId: created.value.id, appId })).ok,
    ).toBe(true)
    h.sim.faults.add({
      match: { method: 'POST', path: /access_tokens$/ },
      fault: { kind: 'commit-then-drop' },
    })
    const generated = await generateSystemUserToken(h.client, h.admin, {
      systemUserId: created.value.id,
      appId,
      businessId,
      scopes: ['ads_read'],
      expiresIn60Days: true,
      edge: 'system-user',
    })
    expect(generated.ok ? undefined : generated.error.code).toBe('unknown-outcome')
    expect(h.sim.requests.filter((request) => request.url.includes('access_tokens'))).toHaveLength(
      1,
    )
    expect(h.sim.model.tokens({ userId: created.value.id })).toHaveLength(1)
  })

  it('retries a read whose connection dropped, and stops a hung one at the timeout', async () => {
    h = await startHarness({ seed: 'sample' }, { timeoutMs: 200 })
    h.sim.faults.add({ match: { method: 'GET' }, fault: { kind: 'drop' } })
    const listed = await listSystemUsers(h.client, h.admin, h.sim.fixtures.businessId)
    expect(listed.ok).toBe(true)
    expect(h.sim.requests).toHaveLength(2)
    h.sim.faults.add({ match: { method: 'GET' }, fault: { kind: 'hang' } })
    const hung = await listSystemUsers(h.client, h.admin, h.sim.fixtures.businessId)
    expect(hung.ok ? undefined : hung.error.code).toBe('timeout')
    expect(h.sim.requests).toHaveLength(3)
  })
})
