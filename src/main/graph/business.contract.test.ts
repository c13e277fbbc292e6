import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getBusiness, getMe, listMyBusinesses } from './business'
import { startHarness, type Harness } from '../../../tests/support/node/simulator-harness'

/** Identity and business reads against the practice simulator, and the token error paths. */
let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

describe('business contract', () => {
  it('reads who the token belongs to', async () => {
    const me = await getMe(h.client, h.admin)
    expect(me).toEqual({
      ok: true,
      value: { id: h.sim.fixtures.adminUserId, name: h.sim.fixtures.adminUserName },
    })
  })

  it('lists the admin’s portfolios with their role there', async () => {
    const businesses = await listMyBusinesses(h.client, h.admin)
    expect(businesses).toEqual({
      ok: true,
      value: [
        {
          id: h.sim.fixtures.businessId,
          name: h.sim.fixtures.businessName,
          permittedRoles: ['ADMIN'],
        },
      ],
    })
  })

  it('reads the business node fields the preflight needs', async () => {
    const business = await getBusiness(h.client, h.admin, h.sim.fixtures.businessId)
    expect(business.ok).toBe(true)
    if (!business.ok) return
    expect(business.value).toMatchObject({
      id: h.sim.fixtures.businessId,
      name: h.sim.fixtures.businessName,
      verificationStatus: 'verified',
      twoFactorType: 'none',
    })
    expect(business.value.primaryPage?.id).toBe(h.sim.fixtures.pageIds[0])
  })

  it('reports an expired token as auth-expired (190/463) with a trace id', async () => {
    const token = h.sim.issueToken({ kind: 'user', expiresInSeconds: -60 })
    const me = await getMe(h.client, { token, appSecret: h.sim.fixtures.appSecret })
    expect(me.ok).toBe(false)
    if (me.ok) return
    expect(me.error).toMatchObject({ code: 'auth-expired', graphCode: 190, graphSubcode: 463 })
    expect(me.error.fbtraceId).toMatch(/\S+/)
    expect(me.error.hintKey).toBe('graph.hint.signInAgain')
  })

  it('reports a revoked token as auth-invalid (190/467)', async () => {
    const token = h.sim.issueToken({ kind: 'user', revoked: true })
    const me = await getMe(h.client, { token, appSecret: h.sim.fixtures.appSecret })
    expect(me.ok ? undefined : me.error).toMatchObject({
      code: 'auth-invalid',
      graphCode: 190,
      graphSubcode: 467,
    })
  })

  it('reports an unknown id as not-found (100/33), without copying Meta’s message', async () => {
    const business = await getBusiness(h.client, h.admin, '999999999')
    expect(business.ok ? undefined : business.error).toMatchObject({
      code: 'not-found',
      graphCode: 100,
      graphSubcode: 33,
      messageKey: 'graph.code.objectNotFound',
    })
    expect(JSON.stringify(business)).not.toContain('999999999')
  })

  it('explains a missing proof when the app requires one, and a wrong one', async () => {
    h.sim.model.updateApp(h.sim.fixtures.appId, { requireAppSecret: true })
    const unsigned = await getMe(h.client, { token: h.admin.token, appSecret: null })
    expect(unsigned.ok ? undefined : unsigned.error).toMatchObject({
      code: 'graph-invalid-request',
      messageKey: 'graph.code.proofMissing',
      hintKey: 'graph.hint.enterAppSecret',
    })
    const wrong = await getMe(h.client, { token: h.admin.token, appSecret: 'f'.repeat(32) })
    expect(wrong.ok ? undefined : wrong.error.messageKey).toBe('graph.code.proofInvalid')
    // Neither is worth a retry: one request each.
    expect(h.sim.requests).toHaveLength(2)
  })
})
