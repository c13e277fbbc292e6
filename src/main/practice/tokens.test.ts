import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { computeProof, computeTimedProof } from './proof'
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

describe('installing the app', () => {
  test('POST /{su}/applications installs; assigned_apps reads it back', async () => {
    expect((await install()).json).toEqual({ success: true })
    expect(sim.model.installedApps(su)).toEqual([sim.fixtures.appId])
    const apps = await asAdmin(sim, 'GET', `/${su}/assigned_apps`, {
      fields: 'id,name,tasks,permitted_tasks',
    })
    expect(apps.json.data).toEqual([
      {
        id: sim.fixtures.appId,
        name: 'Harbour Lane Orders',
        tasks: ['MANAGE'],
        permitted_tasks: ['MANAGE', 'DEVELOP'],
      },
    ])
  })

  test('an employee system user may install the app on itself', async () => {
    const token = sim.issueToken({
      kind: 'system_user',
      userId: su,
      scopes: ['business_management'],
    })
    const result = await call(
      sim,
      'POST',
      `/${su}/applications`,
      { business_app: sim.fixtures.appId },
      { token },
    )
    expect(result.json).toEqual({ success: true })
  })

  test('an app of another business cannot be installed', async () => {
    const other = sim.model.addApp({
      name: 'Elsewhere',
      secret: 'f'.repeat(32),
      tier: 'limited',
      requireAppSecret: false,
      appType: 'web',
      businessId: 'nobody',
      developerUserIds: [],
      link: '',
      category: '',
    })
    const result = await asAdmin(sim, 'POST', `/${su}/applications`, { business_app: other.id })
    expect(errorOf(result).code).toBe(100)
    expect(sim.model.installedApps(su)).toEqual([])
  })
})

describe('generating tokens', () => {
  test('on the user edge: a never-expiring SYSTEM_USER token with the scopes asked', async () => {
    await install()
    const result = await generate({ scope: 'ads_read,business_management' })
    const token = sim.model.token(result.json.access_token as string)
    expect(token).toMatchObject({
      type: 'SYSTEM_USER',
      userId: su,
      appId: sim.fixtures.appId,
      scopes: ['ads_read', 'business_management'],
      expiresAt: 0,
    })
  })

  test('set_token_expires_in_60_days gives a 60-day token', async () => {
    await install()
    const result = await generate({ set_token_expires_in_60_days: 'true' })
    const token = sim.model.token(result.json.access_token as string)
    expect(token?.expiresAt).toBe(Math.floor(clock / 1000) + 60 * 86_400)
  })

  test('on the business edge: system_user_access_tokens with system_user_id', async () => {
    await install()
    const result = await asAdmin(
      sim,
      'POST',
      `/${sim.fixtures.businessId}/system_user_access_tokens`,
      {
        system_user_id: su,
        scope: '["ads_read"]',
        set_token_expires_in_60_days: 'true',
      },
    )
    expect(sim.model.token(result.json.access_token as string)).toMatchObject({
      userId: su,
      scopes: ['ads_read'],
    })
  })

  test('the app must be the business’s own', async () => {
    const foreign = sim.model.addApp({
      name: 'Elsewhere',
      secret: 'e'.repeat(32),
      tier: 'full',
      requireAppSecret: false,
      appType: 'web',
      businessId: 'nobody',
      developerUserIds: [],
      link: '',
      category: '',
    })
    const error = errorOf(await generate({ business_app: foreign.id }))
    expect(error.code).toBe(100)
    expect(error.message).toMatch(/not owned by business/)
  })

  test('the app must be installed first, and the error says so', async () => {
    const error = errorOf(await generate())
    expect(error.message).toMatch(/not installed/)
    expect(error.message).toMatch(/Install the app/)
  })

  test('an invalid scope is 3962 "Provided permission is not valid"', async () => {
    await install()
    const error = errorOf(await generate({ scope: 'ads_read,email' }))
    expect(error).toMatchObject({ code: 3962, message: '(#3962) Provided permission is not valid' })
  })

  test('appsecret_proof is required for generation, even when the app does not require it', async () => {
    await install()
    const result = await call(
      sim,
      'POST',
      `/${su}/access_tokens`,
      { business_app: sim.fixtures.appId, scope: 'ads_read' },
      { token: sim.fixtures.adminUserToken },
    )
    expect(errorOf(result)).toMatchObject({
      code: 100,
      type: 'GraphMethodException',
      message: 'API calls from the server require an appsecret_proof argument',
    })
  })

  test('a wrong proof is "Invalid appsecret_proof provided in the API argument"', async () => {
    await install()
    const result = await call(
      sim,
      'POST',
      `/${su}/access_tokens`,
      { business_app: sim.fixtures.appId },
      { token: sim.fixtures.adminUserToken, proofSecret: '0'.repeat(32) },
    )
    expect(errorOf(result).message).toBe('Invalid appsecret_proof provided in the API argument')
  })

  test('the timed proof form (appsecret_time) works within 5 minutes only', async () => {
    await install()
    const token = sim.fixtures.adminUserToken
    const timed = (time: number) =>
      call(
        sim,
        'POST',
        `/${su}/access_tokens`,
        {
          business_app: sim.fixtures.appId,
          appsecret_time: String(time),
          appsecret_proof: computeTimedProof(sim.fixtures.appSecret, token, time),
        },
        { token },
      )
    const nowS = Math.floor(clock / 1000)
    expect((await timed(nowS - 60)).status).toBe(200)
    expect(errorOf(await timed(nowS - 301)).message).toMatch(/Invalid appsecret_proof/)
    // The legacy proof presented as a timed one does not pass.
    const mixed = await call(
      sim,
      'POST',
      `/${su}/access_tokens`,
      {
        business_app: sim.fixtures.appId,
        appsecret_time: String(nowS),
        appsecret_proof: computeProof(sim.fixtures.appSecret, token),
      },
      { token },
    )
    expect(errorOf(mixed).message).toMatch(/Invalid appsecret_proof/)
  })

  test('"Require App Secret" makes the proof mandatory on every call', async () => {
    sim.model.updateApp(sim.fixtures.appId, { requireAppSecret: true })
    const bare = await call(sim, 'GET', '/me', {}, { token: sim.fixtures.adminUserToken })
    expect(errorOf(bare).message).toBe(
      'API calls from the server require an appsecret_proof argument',
    )
    const signed = await call(
      sim,
      'GET',
      '/me',
      {},
      { token: sim.fixtures.adminUserToken, proofSecret: sim.fixtures.appSecret },
    )
    expect(signed.status).toBe(200)
  })

  test('2FA-protected business: 415/2859009 for an admin system user until cleared', async () => {
    const admin = await createSystemUser(sim, 'Admin SU', 'ADMIN')
    await asAdmin(sim, 'POST', `/${admin}/applications`, { business_app: sim.fixtures.appId })
    sim.model.updateBusiness(sim.fixtures.businessId, {
      twoFactorType: 'admin_required',
      twoFactorPending: true,
    })
    const params = { business_app: sim.fixtures.appId, scope: 'business_management' }
    const blocked = await asAdmin(sim, 'POST', `/${admin}/access_tokens`, params)
    expect(errorOf(blocked)).toMatchObject({ code: 415, error_subcode: 2859009 })
    sim.model.updateBusiness(sim.fixtures.businessId, { twoFactorPending: false })
    expect((await asAdmin(sim, 'POST', `/${admin}/access_tokens`, params)).status).toBe(200)
  })

  test('a business that must use expiring tokens refuses "never"', async () => {
    await install()
    sim.model.updateBusiness(sim.fixtures.businessId, { mustUseExpiringTokens: true })
    expect(errorOf(await generate()).message).toMatch(/expiring tokens/)
    expect(errorOf(await generate({ set_token_expires_in_60_days: 'false' })).code).toBe(100)
    expect((await generate({ set_token_expires_in_60_days: 'true' })).status).toBe(200)
  })

  test('an employee system user’s token cannot generate (200)', async () => {
    await install()
    const token = sim.issueToken({
      kind: 'system_user',
      userId: su,
      scopes: ['business_management'],
    })
    const result = await call(
      sim,
      'POST',
      `/${su}/access_tokens`,
      { business_app: sim.fixtures.appId },
      { token, proofSecret: sim.fixtures.appSecret },
    )
    expect(errorOf(result).code).toBe(200)
  })
})
