import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { computeProof } from './proof'
import { startSimulator, type RunningSimulator } from './simulator'
import { createSystemUser } from '@test-support/node/simulator-calls'

let sim: RunningSimulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(() => sim.close())

interface OpResult {
  code: number
  headers?: { name: string; value: string }[]
  body: string
}

/** POSTs a batch with the admin token (and proof) in the form body, never in the URL. */
async function batch(ops: unknown[], extra: Record<string, string> = {}, path = `/${sim.version}`) {
  const token = sim.fixtures.adminUserToken
  const form = new URLSearchParams({
    access_token: token,
    appsecret_proof: computeProof(sim.fixtures.appSecret, token),
    batch: JSON.stringify(ops),
    ...extra,
  })
  const response = await fetch(`${sim.baseUrl}${path}`, { method: 'POST', body: form })
  return {
    status: response.status,
    json: await response.json(),
    headers: response.headers,
  }
}
const bodyOf = (op: OpResult) => JSON.parse(op.body) as Record<string, unknown>

describe('Batch API', () => {
  test('answers each operation in order with code, headers and a JSON body', async () => {
    const result = await batch([
      { method: 'GET', relative_url: 'me?fields=id,name' },
      { method: 'GET', relative_url: `${sim.fixtures.businessId}/owned_pages?limit=2&fields=id` },
    ])
    expect(result.status).toBe(200)
    const ops = result.json as OpResult[]
    expect(ops.map((op) => op.code)).toEqual([200, 200])
    expect(bodyOf(ops[0] as OpResult)).toEqual({
      id: sim.fixtures.adminUserId,
      name: 'Practice Admin',
    })
    expect((bodyOf(ops[1] as OpResult).data as unknown[]).length).toBe(2)
    expect(ops[0]?.headers).toContainEqual({
      name: 'Content-Type',
      value: 'application/json; charset=UTF-8',
    })
  })

  test('works on the unversioned root too, and include_headers=false drops op headers', async () => {
    const result = await batch(
      [{ method: 'GET', relative_url: '/v27.0/me' }],
      { include_headers: 'false' },
      '/',
    )
    const ops = result.json as OpResult[]
    expect(ops[0]?.code).toBe(200)
    expect(ops[0]?.headers).toBeUndefined()
  })

  test('per-operation failures do not fail the others', async () => {
    const su = await createSystemUser(sim, 'Batch helper')
    const result = await batch([
      {
        method: 'POST',
        relative_url: `${sim.fixtures.adAccountIds[0]}/assigned_users`,
        body: `user=${su}&tasks=["ANALYZE"]`,
      },
      { method: 'GET', relative_url: '999999/assigned_users' },
      {
        method: 'POST',
        relative_url: `${sim.fixtures.catalogIds[0]}/assigned_users`,
        body: `user=${su}&tasks=["NOPE"]`,
      },
      { method: 'GET', relative_url: `${su}/assigned_ad_accounts?fields=id,tasks` },
    ])
    const ops = result.json as OpResult[]
    expect(ops.map((op) => op.code)).toEqual([200, 400, 400, 200])
    expect(bodyOf(ops[0] as OpResult)).toEqual({ success: true })
    expect(bodyOf(ops[1] as OpResult).error).toMatchObject({ code: 100, error_subcode: 33 })
    expect(bodyOf(ops[2] as OpResult).error).toMatchObject({ code: 100 })
    expect(bodyOf(ops[3] as OpResult).data).toEqual([
      { id: sim.fixtures.adAccountIds[0], tasks: ['ANALYZE'] },
    ])
  })

  test('operations may carry their own access_token in the body', async () => {
    const app = sim.issueToken({ kind: 'app' })
    const input = sim.fixtures.adminUserToken
    const result = await batch([
      {
        method: 'GET',
        relative_url: 'debug_token',
        body: `access_token=${encodeURIComponent(app)}&input_token=${input}`,
      },
      { method: 'GET', relative_url: 'me', body: 'access_token=EAAbroken' },
    ])
    const ops = result.json as OpResult[]
    expect(bodyOf(ops[0] as OpResult).data).toMatchObject({ type: 'USER', is_valid: true })
    expect(bodyOf(ops[1] as OpResult).error).toMatchObject({ code: 190 })
    // The batch request itself carried no token in its URL.
    expect(sim.requests.at(-1)?.url).toBe('/v27.0')
    expect(sim.requests.at(-1)?.batch?.map((op) => op.tokenKind)).toEqual(['APP', undefined])
  })

  test('50 operations are fine; 51 are refused as a whole', async () => {
    const op = { method: 'GET', relative_url: 'me' }
    const fifty = await batch(Array.from({ length: 50 }, () => op))
    expect((fifty.json as OpResult[]).every((r) => r.code === 200)).toBe(true)
    const tooMany = await batch(Array.from({ length: 51 }, () => op))
    expect(tooMany.status).toBe(400)
    expect((tooMany.json as { error: { code: number; message: string } }).error).toMatchObject({
      code: 100,
      message: '(#100) Too many requests in batch message. Maximum batch size is 50',
    })
  })

  test('a batch that is not a JSON array is refused', async () => {
    const token = sim.fixtures.adminUserToken
    const form = new URLSearchParams({ access_token: token, batch: '{"method":"GET"}' })
    const response = await fetch(`${sim.baseUrl}/v27.0`, { method: 'POST', body: form })
    expect(response.status).toBe(400)
  })

  test('each operation counts as one call in the usage headers', async () => {
    await sim.close()
    sim = await startSimulator({ limits: { appCallsPerHour: 100 } })
    const result = await batch(
      Array.from({ length: 10 }, () => ({ method: 'GET', relative_url: 'me' })),
    )
    expect(JSON.parse(result.headers.get('x-app-usage') ?? '{}')).toMatchObject({ call_count: 10 })
  })
})
