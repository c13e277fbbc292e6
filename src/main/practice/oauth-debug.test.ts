import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { startSimulator, type RunningSimulator } from './simulator'
import { asAdmin, call, createSystemUser, errorOf } from '@test-support/node/simulator-calls'

let sim: RunningSimulator
let clock = Date.UTC(2026, 10, 20, 12)
let su: string
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 20, 12)
  sim = await startSimulator({ now: () => clock })
  su = await createSystemUser(sim, 'Reporter')
})
afterEach(() => sim.close())

const install = () =>
  asAdmin(sim, 'POST', `/${su}/applications`, { business_app: sim.fixtures.appId })
const generate = (params: Record<string, string> = {}) =>
  asAdmin(sim, 'POST', `/${su}/access_tokens`, {
    business_app: sim.fixtures.appId,
    scope: 'ads_read',
    ...params,
  })

describe('revoking and refreshing', () => {
  test('DELETE /{su}/access_tokens invalidates every token of the system user', async () => {
    await install()
    const one = (await generate()).json.access_token as string
    const two = (await generate()).json.access_token as string
    expect((await asAdmin(sim, 'DELETE', `/${su}/access_tokens`)).json).toEqual({ success: true })
    for (const token of [one, two]) {
      expect(sim.model.token(token)?.revoked).toBe(true)
      expect(errorOf(await call(sim, 'GET', '/me', {}, { token })).error_subcode).toBe(467)
    }
  })

  test('oauth/revoke kills one token (Meta’s sample answer)', async () => {
    await install()
    const target = (await generate()).json.access_token as string
    const result = await call(
      sim,
      'POST',
      '/oauth/revoke',
      {
        client_id: sim.fixtures.appId,
        client_secret: sim.fixtures.appSecret,
        revoke_token: target,
      },
      { token: sim.fixtures.adminUserToken },
    )
    expect(result.json).toEqual({ success: 'true' })
    expect(sim.model.token(target)?.revoked).toBe(true)
  })

  test('oauth/access_token refreshes a still-valid token; the old one keeps working', async () => {
    await install()
    const old = (await generate({ set_token_expires_in_60_days: 'true' })).json
      .access_token as string
    clock += 10 * 86_400_000
    const result = await call(sim, 'POST', '/oauth/access_token', {
      grant_type: 'fb_exchange_token',
      client_id: sim.fixtures.appId,
      client_secret: sim.fixtures.appSecret,
      set_token_expires_in_60_days: 'true',
      fb_exchange_token: old,
    })
    expect(result.json).toMatchObject({ token_type: 'bearer', expires_in: 60 * 86_400 })
    const fresh = sim.model.token(result.json.access_token as string)
    expect(fresh).toMatchObject({
      type: 'SYSTEM_USER',
      userId: su,
      expiresAt: Math.floor(clock / 1000) + 60 * 86_400,
    })
    expect(sim.model.token(old)?.revoked).toBe(false)
  })

  test('an expired token cannot be refreshed (190/463); a wrong secret is code 1', async () => {
    const expired = sim.issueToken({ kind: 'system_user', userId: su, expiresInSeconds: -1 })
    const base = {
      grant_type: 'fb_exchange_token',
      client_id: sim.fixtures.appId,
      fb_exchange_token: expired,
    }
    const result = await call(sim, 'GET', '/oauth/access_token', {
      ...base,
      client_secret: sim.fixtures.appSecret,
    })
    expect(errorOf(result).error_subcode).toBe(463)
    const wrong = await call(sim, 'GET', '/oauth/access_token', { ...base, client_secret: 'nope' })
    expect(errorOf(wrong)).toMatchObject({ code: 1, message: 'Error validating client secret.' })
  })
})

describe('app access tokens', () => {
  test('grant_type=client_credentials answers the id|secret app token', async () => {
    const result = await call(sim, 'POST', '/oauth/access_token', {
      grant_type: 'client_credentials',
      client_id: sim.fixtures.appId,
      client_secret: sim.fixtures.appSecret,
    })
    expect(result.json).toEqual({
      access_token: `${sim.fixtures.appId}|${sim.fixtures.appSecret}`,
      token_type: 'bearer',
    })
  })

  test('an app token with the wrong secret is a bad token (190)', async () => {
    const token = `${sim.fixtures.appId}|${'0'.repeat(32)}`
    const result = await call(
      sim,
      'GET',
      '/debug_token',
      { input_token: sim.fixtures.adminUserToken },
      { token },
    )
    expect(errorOf(result).code).toBe(190)
  })
})

describe('debug_token', () => {
  test('with the app token: the docs/graph-api.md §5 shape for a system-user token', async () => {
    await install()
    const employee = {
      id: su,
      token: (await generate({ scope: 'ads_read,pages_show_list' })).json.access_token as string,
    }
    await asAdmin(sim, 'POST', `/${sim.fixtures.pageIds[0]}/assigned_users`, {
      user: employee.id,
      tasks: '["ANALYZE"]',
    })
    const result = await call(
      sim,
      'GET',
      '/debug_token',
      { input_token: employee.token },
      { token: sim.issueToken({ kind: 'app' }) },
    )
    expect(result.json.data).toEqual({
      app_id: sim.fixtures.appId,
      type: 'SYSTEM_USER',
      application: 'Harbour Lane Orders',
      data_access_expires_at: 0,
      expires_at: 0,
      is_valid: true,
      issued_at: Math.floor(clock / 1000),
      scopes: ['ads_read', 'pages_show_list'],
      granular_scopes: [
        { scope: 'ads_read' },
        { scope: 'pages_show_list', target_ids: [sim.fixtures.pageIds[0]] },
      ],
      user_id: employee.id,
    })
  })

  test('with a developer’s user token; bad tokens answer is_valid false with an error', async () => {
    const admin = { token: sim.fixtures.adminUserToken }
    const expired = sim.issueToken({ kind: 'system_user', userId: su, expiresInSeconds: -5 })
    const data = (await call(sim, 'GET', '/debug_token', { input_token: expired }, admin)).json
      .data as Record<string, unknown>
    expect(data).toMatchObject({ is_valid: false, error: { code: 190, subcode: 463 } })
    const unknown = (await call(sim, 'GET', '/debug_token', { input_token: 'EAAgarbage' }, admin))
      .json.data
    expect(unknown).toMatchObject({ is_valid: false, error: { code: 190 } })
    const self = (await call(sim, 'GET', '/debug_token', { input_token: admin.token }, admin)).json
      .data
    expect(self).toMatchObject({ type: 'USER', is_valid: true, user_id: sim.fixtures.adminUserId })
  })

  test('input_token is required; a system-user caller is refused', async () => {
    const app = { token: sim.issueToken({ kind: 'app' }) }
    expect(errorOf(await call(sim, 'GET', '/debug_token', {}, app)).message).toBe(
      '(#100) The parameter input_token is required',
    )
    const suToken = sim.issueToken({ kind: 'system_user', userId: su })
    const refused = await call(
      sim,
      'GET',
      '/debug_token',
      { input_token: suToken },
      { token: suToken },
    )
    expect(errorOf(refused).code).toBe(100)
  })
})
