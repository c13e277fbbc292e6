import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { computeProof } from './proof'
import { startSimulator, type RunningSimulator } from './simulator'
import { asAdmin, errorOf } from '@test-support/node/simulator-calls'

let sim: RunningSimulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(() => sim.close())

const createPath = () => `/${sim.fixtures.businessId}/system_users`

describe('fault injection', () => {
  test.each([500, 502, 503] as const)('http-error %i answers that status once', async (status) => {
    sim.faults.add({ match: { path: '/me' }, fault: { kind: 'http-error', status } })
    const response = await fetch(`${sim.baseUrl}/v27.0/me`, {
      headers: { authorization: `Bearer ${sim.fixtures.adminUserToken}` },
    })
    expect(response.status).toBe(status)
    const text = await response.text()
    if (status === 500)
      expect(JSON.parse(text)).toMatchObject({ error: { code: 1, is_transient: true } })
    else expect(text).toContain(String(status))
    expect((await asAdmin(sim, 'GET', '/me')).status).toBe(200)
  })

  test('graph-error answers the code (transient for 1 and 2) before any processing', async () => {
    sim.faults.add({
      match: { method: 'POST', path: createPath() },
      fault: { kind: 'graph-error', code: 2 },
    })
    const result = await asAdmin(sim, 'POST', createPath(), { name: 'Never made' })
    expect(errorOf(result)).toMatchObject({ code: 2, is_transient: true })
    expect(sim.model.systemUsers()).toHaveLength(0)
  })

  test('graph-error keeps a given subcode', async () => {
    sim.faults.add({ fault: { kind: 'graph-error', code: 190, subcode: 460 } })
    expect(errorOf(await asAdmin(sim, 'GET', '/me'))).toMatchObject({
      code: 190,
      error_subcode: 460,
    })
  })

  test.each([4, 17, 32, 613, 80004] as const)(
    'throttle %i with usage headers at 100',
    async (code) => {
      sim.faults.add({
        match: { path: /owned_pages$/ },
        fault: { kind: 'throttle', code, regainMinutes: 7 },
      })
      const result = await asAdmin(sim, 'GET', `/${sim.fixtures.businessId}/owned_pages`)
      expect(errorOf(result)).toMatchObject({ code, is_transient: true })
      expect(JSON.parse(result.headers.get('x-app-usage') ?? '{}')).toMatchObject({
        call_count: 100,
      })
      const buc = JSON.parse(result.headers.get('x-business-use-case-usage') ?? '{}') as Record<
        string,
        unknown[]
      >
      expect(buc[sim.fixtures.businessId]?.[0]).toMatchObject({
        call_count: 100,
        estimated_time_to_regain_access: 7,
      })
    },
  )

  test('drop destroys the connection and does nothing', async () => {
    sim.faults.add({ match: { method: 'POST' }, fault: { kind: 'drop' } })
    const token = sim.fixtures.adminUserToken
    const form = new URLSearchParams({
      name: 'Dropped',
      appsecret_proof: computeProof(sim.fixtures.appSecret, token),
    })
    await expect(
      fetch(`${sim.baseUrl}/v27.0${createPath()}`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      }),
    ).rejects.toThrow()
    expect(sim.model.systemUsers()).toHaveLength(0)
    expect(sim.requests.at(-1)?.status).toBe(0)
  })

  test('commit-then-drop performs the write, then loses the answer', async () => {
    sim.faults.add({
      match: { method: 'POST', path: createPath() },
      fault: { kind: 'commit-then-drop' },
    })
    const token = sim.fixtures.adminUserToken
    await expect(
      fetch(`${sim.baseUrl}/v27.0${createPath()}`, {
        method: 'POST',
        body: new URLSearchParams({ name: 'Committed' }),
        headers: { authorization: `Bearer ${token}` },
      }),
    ).rejects.toThrow()
    expect(sim.model.systemUsers().map((s) => s.name)).toEqual(['Committed'])
  })

  test('hang never answers; the client’s abort ends it and close() still completes', async () => {
    sim.faults.add({ fault: { kind: 'hang' } })
    const controller = new AbortController()
    const pending = fetch(`${sim.baseUrl}/v27.0/me`, { signal: controller.signal })
    const outcome = await Promise.race([
      pending.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 150)),
    ])
    expect(outcome).toBe('still waiting')
    controller.abort()
    await expect(pending).rejects.toThrow()
  })

  test('latency delays the matching request only (a later fast one finishes first)', async () => {
    sim.faults.add({ match: { path: '/me' }, fault: { kind: 'latency', ms: 300 } })
    const order: string[] = []
    const slow = asAdmin(sim, 'GET', '/me').then((r) => order.push(`slow ${r.status}`))
    const fast = asAdmin(sim, 'GET', `/${sim.fixtures.businessId}`).then((r) =>
      order.push(`fast ${r.status}`),
    )
    await Promise.all([slow, fast])
    expect(order).toEqual(['fast 200', 'slow 200'])
  })

  test('times counts matches; clear() removes rules; path strings match with or without the version', async () => {
    sim.faults.add({
      match: { path: '/v27.0/me' },
      times: 2,
      fault: { kind: 'graph-error', code: 1 },
    })
    expect(errorOf(await asAdmin(sim, 'GET', '/me')).code).toBe(1)
    expect(errorOf(await asAdmin(sim, 'GET', '/me')).code).toBe(1)
    expect((await asAdmin(sim, 'GET', '/me')).status).toBe(200)
    sim.faults.add({ match: { path: '/me' }, times: 5, fault: { kind: 'graph-error', code: 1 } })
    sim.faults.clear()
    expect((await asAdmin(sim, 'GET', '/me')).status).toBe(200)
  })

  test('inside a batch, a matching operation fails alone', async () => {
    sim.faults.add({ match: { path: '/me' }, fault: { kind: 'throttle', code: 17 } })
    const token = sim.fixtures.adminUserToken
    const form = new URLSearchParams({
      access_token: token,
      batch: JSON.stringify([
        { method: 'GET', relative_url: 'me' },
        { method: 'GET', relative_url: 'me' },
      ]),
    })
    const response = await fetch(`${sim.baseUrl}/v27.0`, { method: 'POST', body: form })
    const ops = (await response.json()) as { code: number; body: string }[]
    expect(ops.map((op) => op.code)).toEqual([400, 200])
    expect(JSON.parse(ops[0]?.body ?? '{}')).toMatchObject({ error: { code: 17 } })
  })

  test('setLatency applies to every request and 0 turns it off', async () => {
    sim.faults.setLatency(250)
    const order: string[] = []
    const before = sim.requests.length
    const delayed = asAdmin(sim, 'GET', '/me').then(() => order.push('delayed'))
    // Once recorded, the request has taken its delay; later ones get none.
    while (sim.requests.length === before) await new Promise((resolve) => setTimeout(resolve, 5))
    sim.faults.setLatency(0)
    const quick = asAdmin(sim, 'GET', '/me').then(() => order.push('quick'))
    await Promise.all([delayed, quick])
    expect(order).toEqual(['quick', 'delayed'])
  })
})
