import { afterEach, describe, expect, it } from 'vitest'
import { installApp, isAppInstalled, listAssignedApps } from './apps'
import { debugToken } from './debug'
import { createSystemUser } from './system-users'
import { startHarness, type Harness } from '../../../tests/support/node/simulator-harness'
import {
  generateSystemUserToken,
  refreshToken,
  revokeAllTokens,
  revokeToken,
  type GenerateInput,
} from './tokens'

/** Installing the app, generating, inspecting, refreshing and revoking tokens against the simulator. */
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const SIXTY_DAYS_S = 60 * 24 * 60 * 60

const setup = async (role: 'ADMIN' | 'EMPLOYEE' = 'EMPLOYEE', install = true) => {
  h = await startHarness({ seed: 'sample' })
  const { businessId, appId } = h.sim.fixtures
  const created = await createSystemUser(h.client, h.admin, { businessId, name: 'Orders', role })
  if (!created.ok) throw new Error(created.error.code)
  if (install) {
    const installed = await installApp(h.client, h.admin, {
      systemUserId: created.value.id,
      appId,
      businessId,
    })
    expect(installed.ok).toBe(true)
  }
  const input: GenerateInput = {
    systemUserId: created.value.id,
    appId,
    businessId,
    scopes: ['ads_read', 'business_management'],
    expiresIn60Days: true,
    edge: 'system-user',
  }
  return { harness: h, input, systemUserId: created.value.id }
}

const inspect = (harness: Harness, inputToken: string) =>
  debugToken(harness.client, {
    appId: harness.sim.fixtures.appId,
    appSecret: harness.sim.fixtures.appSecret,
    inputToken,
  })

describe('apps contract', () => {
  it('installs the app on a system user and reads it back', async () => {
    const { harness, systemUserId } = await setup('EMPLOYEE', false)
    const { appId } = harness.sim.fixtures
    expect(await isAppInstalled(harness.client, harness.admin, { systemUserId, appId })).toEqual({
      ok: true,
      value: false,
    })
    expect((await installApp(harness.client, harness.admin, { systemUserId, appId })).ok).toBe(true)
    // Installing twice is harmless (an idempotent write).
    expect((await installApp(harness.client, harness.admin, { systemUserId, appId })).ok).toBe(true)
    const apps = await listAssignedApps(harness.client, harness.admin, systemUserId)
    expect(apps.ok ? apps.value.map((app) => app.id) : []).toEqual([appId])
  })
})

describe('tokens contract', () => {
  it('refuses to generate before the app is installed, saying what to do', async () => {
    const { harness, input } = await setup('EMPLOYEE', false)
    const result = await generateSystemUserToken(harness.client, harness.admin, input)
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'graph-invalid-request',
      messageKey: 'graph.code.appNotInstalledOnSystemUser',
      hintKey: 'graph.hint.installApp',
    })
  })

  it('generates a 60-day token on the system-user edge; debug_token decodes it', async () => {
    const { harness, input, systemUserId } = await setup()
    const generated = await generateSystemUserToken(harness.client, harness.admin, input)
    expect(generated.ok).toBe(true)
    if (!generated.ok) return
    const info = await inspect(harness, generated.value.token)
    expect(info.ok).toBe(true)
    if (!info.ok) return
    expect(info.value).toMatchObject({
      appId: harness.sim.fixtures.appId,
      type: 'SYSTEM_USER',
      isValid: true,
      userId: systemUserId,
      scopes: ['ads_read', 'business_management'],
    })
    expect(info.value.expiresAt - (info.value.issuedAt ?? 0)).toBe(SIXTY_DAYS_S)
    expect(info.value.granularScopes.map((entry) => entry.scope)).toEqual([
      'ads_read',
      'business_management',
    ])
  })

  it('generates a never-expiring token on the business edge (expires_at 0)', async () => {
    const { harness, input } = await setup()
    const generated = await generateSystemUserToken(harness.client, harness.admin, {
      ...input,
      edge: 'business',
      expiresIn60Days: false,
    })
    expect(generated.ok).toBe(true)
    if (!generated.ok) return
    const info = await inspect(harness, generated.value.token)
    expect(info.ok ? info.value.expiresAt : -1).toBe(0)
  })

  it('explains a bad scope (3962), 2FA (415/2859009) and a refused never-expiring token', async () => {
    const { harness, input } = await setup('ADMIN')
    const badScope = await generateSystemUserToken(harness.client, harness.admin, {
      ...input,
      scopes: ['ads_reed'],
    })
    expect(badScope.ok ? undefined : badScope.error).toMatchObject({
      code: 'graph-invalid-request',
      graphCode: 3962,
    })

    harness.sim.model.updateBusiness(harness.sim.fixtures.businessId, { twoFactorPending: true })
    const twoFactor = await generateSystemUserToken(harness.client, harness.admin, input)
    expect(twoFactor.ok ? undefined : twoFactor.error).toMatchObject({
      code: 'two-factor-required',
      graphCode: 415,
      graphSubcode: 2859009,
      hintKey: 'graph.hint.turnOnTwoFactor',
    })
    // Meta's error_user_msg travels as a (redacted) parameter the UI may show.
    expect(twoFactor.ok ? undefined : twoFactor.error.params?.detail).toEqual(expect.any(String))

    harness.sim.model.updateBusiness(harness.sim.fixtures.businessId, {
      twoFactorPending: false,
      mustUseExpiringTokens: true,
    })
    const never = await generateSystemUserToken(harness.client, harness.admin, {
      ...input,
      expiresIn60Days: false,
    })
    expect(never.ok ? undefined : never.error).toMatchObject({
      code: 'graph-invalid-request',
      messageKey: 'graph.code.neverExpiringRefused',
    })
  })

  it('refuses an employee system user’s token (200) and never sends without an app secret', async () => {
    const { harness, input, systemUserId } = await setup()
    const employeeToken = harness.sim.issueToken({ kind: 'system_user', userId: systemUserId })
    const denied = await generateSystemUserToken(
      harness.client,
      { token: employeeToken, appSecret: harness.sim.fixtures.appSecret },
      input,
    )
    expect(denied.ok ? undefined : denied.error.code).toBe('permission-denied')
    const before = harness.sim.requests.length
    const unsigned = await generateSystemUserToken(
      harness.client,
      { token: harness.admin.token, appSecret: null },
      input,
    )
    expect(unsigned.ok ? undefined : unsigned.error.messageKey).toBe('graph.code.proofMissing')
    expect(harness.sim.requests).toHaveLength(before)
  })

  it('refreshes a 60-day token; the old one keeps working', async () => {
    const { harness, input } = await setup()
    const generated = await generateSystemUserToken(harness.client, harness.admin, input)
    if (!generated.ok) throw new Error(generated.error.code)
    harness.clock.advance(10 * 24 * 60 * 60 * 1000)
    const refreshed = await refreshToken(harness.client, {
      appId: harness.sim.fixtures.appId,
      appSecret: harness.sim.fixtures.appSecret,
      token: generated.value.token,
    })
    expect(refreshed.ok).toBe(true)
    if (!refreshed.ok) return
    expect(refreshed.value.token).not.toBe(generated.value.token)
    expect(refreshed.value.expiresIn).toBe(SIXTY_DAYS_S)
    const fresh = await inspect(harness, refreshed.value.token)
    expect(fresh.ok && fresh.value.isValid && fresh.value.type).toBe('SYSTEM_USER')
    const old = await inspect(harness, generated.value.token)
    expect(old.ok && old.value.isValid).toBe(true)
  })

  it('never turns a never-expiring token into a 60-day one, and cannot refresh an expired one', async () => {
    const { harness, input } = await setup()
    const never = await generateSystemUserToken(harness.client, harness.admin, {
      ...input,
      expiresIn60Days: false,
    })
    if (!never.ok) throw new Error(never.error.code)
    const app = { appId: harness.sim.fixtures.appId, appSecret: harness.sim.fixtures.appSecret }
    const refused = await refreshToken(harness.client, { ...app, token: never.value.token })
    expect(refused.ok ? undefined : refused.error.messageKey).toBe('graph.refreshNeverExpiring')

    const sixty = await generateSystemUserToken(harness.client, harness.admin, input)
    if (!sixty.ok) throw new Error(sixty.error.code)
    harness.clock.advance((SIXTY_DAYS_S + 60) * 1000)
    const expired = await refreshToken(harness.client, { ...app, token: sixty.value.token })
    expect(expired.ok ? undefined : expired.error).toMatchObject({
      code: 'auth-expired',
      graphSubcode: 463,
    })
    // Neither attempt reached oauth/access_token.
    const exchanges = harness.sim.requests.flatMap((request) => request.batch ?? [])
    expect(exchanges.filter((op) => op.relativeUrl.startsWith('oauth/access_token'))).toHaveLength(
      0,
    )
    expect(harness.sim.model.tokens({ type: 'SYSTEM_USER' })).toHaveLength(2)
  })

  it('revokes one token, then all tokens of a system user', async () => {
    const { harness, input, systemUserId } = await setup()
    const first = await generateSystemUserToken(harness.client, harness.admin, input)
    const second = await generateSystemUserToken(harness.client, harness.admin, input)
    const third = await generateSystemUserToken(harness.client, harness.admin, input)
    if (!first.ok || !second.ok || !third.ok) throw new Error('generation failed')
    const revoked = await revokeToken(
      harness.client,
      { ...harness.admin, appSecret: harness.sim.fixtures.appSecret },
      {
        appId: harness.sim.fixtures.appId,
        tokenToRevoke: first.value.token,
      },
    )
    expect(revoked).toEqual({ ok: true, value: undefined })
    const dead = await inspect(harness, first.value.token)
    expect(dead.ok ? dead.value : undefined).toMatchObject({
      isValid: false,
      problem: { code: 190, subcode: 467 },
    })
    const alive = await inspect(harness, second.value.token)
    expect(alive.ok && alive.value.isValid).toBe(true)

    expect(await revokeAllTokens(harness.client, harness.admin, { systemUserId })).toEqual({
      ok: true,
      value: undefined,
    })
    for (const token of [second.value.token, third.value.token]) {
      const info = await inspect(harness, token)
      expect(info.ok ? info.value.isValid : true).toBe(false)
    }
  })

  it('reports a token Meta does not know as invalid', async () => {
    h = await startHarness({ seed: 'sample' })
    const info = await inspect(h, 'EAAG-unknown-to-meta-0000000000')
    expect(info.ok ? info.value : undefined).toMatchObject({
      isValid: false,
      problem: { code: 190 },
    })
  })
})
