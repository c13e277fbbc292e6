import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { startSimulator, type RunningSimulator } from './simulator'
import { asAdmin, call, errorOf } from '@test-support/node/simulator-calls'

let sim: RunningSimulator
let clock = Date.UTC(2026, 10, 20, 12)
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 20, 12)
  sim = await startSimulator({ now: () => clock })
})
afterEach(() => sim.close())

describe('identity and the business node', () => {
  test('GET /me answers the admin, with the token in a header or a parameter', async () => {
    const f = sim.fixtures
    const viaHeader = await call(
      sim,
      'GET',
      '/me',
      { fields: 'id,name' },
      { token: f.adminUserToken },
    )
    expect(viaHeader.json).toEqual({ id: f.adminUserId, name: 'Practice Admin' })
    const viaParam = await call(
      sim,
      'GET',
      '/me',
      {},
      { token: f.adminUserToken, tokenIn: 'param' },
    )
    expect(viaParam.json.id).toBe(f.adminUserId)
    expect(viaHeader.headers.get('facebook-api-version')).toBe('v27.0')
  })

  test('the Authorization header also takes the OAuth scheme', async () => {
    const response = await fetch(`${sim.baseUrl}/v27.0/me`, {
      headers: { authorization: `OAuth ${sim.fixtures.adminUserToken}` },
    })
    expect(((await response.json()) as { id: string }).id).toBe(sim.fixtures.adminUserId)
  })

  test('unversioned paths resolve to the default version', async () => {
    const result = await call(
      sim,
      'GET',
      '/me',
      {},
      { token: sim.fixtures.adminUserToken, unversioned: true },
    )
    expect(result.status).toBe(200)
    expect(result.headers.get('facebook-api-version')).toBe('v27.0')
  })

  test('GET /me/businesses lists the portfolio with permitted_roles', async () => {
    const result = await asAdmin(sim, 'GET', '/me/businesses', {
      fields: 'id,name,permitted_roles',
    })
    expect(result.json.data).toEqual([
      { id: sim.fixtures.businessId, name: 'Harbour Lane Bakery', permitted_roles: ['ADMIN'] },
    ])
  })

  test('GET /{business} answers the requested fields', async () => {
    const fields = 'id,name,verification_status,two_factor_type,created_time,primary_page'
    const result = await asAdmin(sim, 'GET', `/${sim.fixtures.businessId}`, { fields })
    expect(result.json).toMatchObject({
      id: sim.fixtures.businessId,
      verification_status: 'verified',
      two_factor_type: 'none',
      created_time: '2021-03-14T09:30:00+0000',
      primary_page: { id: sim.fixtures.pageIds[0], name: 'Harbour Lane Bakery' },
    })
  })

  test('an unknown field is (#100) nonexisting field on the node type', async () => {
    const result = await asAdmin(sim, 'GET', `/${sim.fixtures.businessId}`, { fields: 'id,colour' })
    expect(errorOf(result)).toMatchObject({
      code: 100,
      message: '(#100) Tried accessing nonexisting field (colour) on node type (Business)',
    })
  })

  test('an unknown id is 100/33 GraphMethodException with Meta’s sentence', async () => {
    const result = await asAdmin(sim, 'GET', '/999999999')
    expect(result.status).toBe(400)
    const error = errorOf(result)
    expect(error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' })
    expect(error.message).toMatch(
      /^Unsupported get request\. Object with ID '999999999' does not exist, cannot be loaded due to missing permissions, or does not support this operation/,
    )
    expect(error.fbtrace_id).toMatch(/^A[A-Za-z0-9_-]{22}$/)
  })

  test('a business the caller is not on reads as missing (100/33)', async () => {
    const other = sim.model.addBusiness({
      name: 'Elsewhere Ltd',
      verificationStatus: 'not_verified',
      twoFactorType: 'none',
      twoFactorPending: false,
      mustUseExpiringTokens: false,
      adminUserIds: [],
      employeeUserIds: [],
    })
    expect(errorOf(await asAdmin(sim, 'GET', `/${other.id}`)).error_subcode).toBe(33)
  })
})

describe('the request log', () => {
  test('records each request as received, with the kind of token it named', async () => {
    await call(sim, 'GET', '/me', { fields: 'id' }, { token: sim.fixtures.adminUserToken })
    const su = sim.model.addSystemUser({
      businessId: sim.fixtures.businessId,
      name: 's',
      role: 'EMPLOYEE',
    })
    await call(
      sim,
      'GET',
      '/me',
      {},
      { token: sim.issueToken({ kind: 'system_user', userId: su.id }) },
    )
    const [first, second] = sim.requests
    expect(first).toMatchObject({
      method: 'GET',
      url: '/v27.0/me?fields=id',
      status: 200,
      tokenKind: 'USER',
      tokenUserId: sim.fixtures.adminUserId,
    })
    expect(first?.headers.authorization).toBe(`Bearer ${sim.fixtures.adminUserToken}`)
    expect(second).toMatchObject({ tokenKind: 'SYSTEM_USER', tokenUserId: su.id })
  })
})

describe('token problems', () => {
  test('no token is 104', async () => {
    const result = await call(sim, 'GET', '/me')
    expect(errorOf(result)).toMatchObject({ code: 104, type: 'OAuthException' })
  })

  test('an unknown token is 190 "Cannot parse access token"', async () => {
    const error = errorOf(await call(sim, 'GET', '/me', {}, { token: 'EAAnotreal' }))
    expect(error.code).toBe(190)
    expect(error.message).toMatch(/Cannot parse access token/)
  })

  test('an expired token is 190/463 with Meta’s "Session has expired on …" message', async () => {
    const token = sim.issueToken({ kind: 'user', expiresInSeconds: -60 })
    const result = await call(sim, 'GET', '/me', {}, { token })
    const error = errorOf(result)
    expect(error).toMatchObject({ code: 190, error_subcode: 463 })
    expect(error.message).toMatch(
      /^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is /,
    )
    expect(result.headers.get('www-authenticate')).toMatch(/invalid_token/)
  })

  test('a token expires when the clock passes its expiry', async () => {
    const token = sim.issueToken({ kind: 'user', expiresInSeconds: 3600 })
    expect((await call(sim, 'GET', '/me', {}, { token })).status).toBe(200)
    clock += 3601_000
    expect(errorOf(await call(sim, 'GET', '/me', {}, { token })).error_subcode).toBe(463)
  })

  test('a revoked token is 190/467', async () => {
    const token = sim.issueToken({ kind: 'user', revoked: true })
    expect(errorOf(await call(sim, 'GET', '/me', {}, { token }))).toMatchObject({
      code: 190,
      error_subcode: 467,
    })
  })

  test('/me with an app token is 2500', async () => {
    const token = sim.issueToken({ kind: 'app' })
    expect(errorOf(await call(sim, 'GET', '/me', {}, { token })).code).toBe(2500)
  })

  test('a Native/Desktop app’s app token counts as no token (104)', async () => {
    sim.model.updateApp(sim.fixtures.appId, { appType: 'native_desktop' })
    const token = sim.issueToken({ kind: 'app' })
    const result = await call(
      sim,
      'GET',
      '/debug_token',
      { input_token: sim.fixtures.adminUserToken },
      { token },
    )
    expect(errorOf(result).code).toBe(104)
  })

  test('a user token without business_management gets (#200) on business reads', async () => {
    const token = sim.issueToken({ kind: 'user', scopes: ['public_profile'] })
    const result = await call(sim, 'GET', `/${sim.fixtures.businessId}/owned_pages`, {}, { token })
    expect(errorOf(result)).toMatchObject({
      code: 200,
      message: '(#200) Requires business_management permission to manage the object',
    })
  })
})

describe('documented fields a record does not have', () => {
  test('are left out of the answer, as Graph does, instead of failing the read', async () => {
    const sim = await startSimulator({ seed: 'large' })
    try {
      const adAccountId = sim.fixtures.adAccountIds[0]!
      const response = await fetch(
        `${sim.baseUrl}/v27.0/${adAccountId}?fields=id,name,timezone_name,currency`,
        { headers: { authorization: `Bearer ${sim.fixtures.adminUserToken}` } },
      )
      expect(response.status).toBe(200)
      const body = (await response.json()) as Record<string, unknown>
      expect(body.id).toBe(adAccountId)
      expect(
        Object.keys(body).every((key) => ['id', 'name', 'timezone_name', 'currency'].includes(key)),
      ).toBe(true)
      const bogus = await fetch(`${sim.baseUrl}/v27.0/${adAccountId}?fields=id,not_a_field`, {
        headers: { authorization: `Bearer ${sim.fixtures.adminUserToken}` },
      })
      expect(bogus.status).toBe(400)
    } finally {
      await sim.close()
    }
  })
})
