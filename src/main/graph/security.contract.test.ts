import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, memorySink } from '../log/logger'
import { installApp } from './apps'
import { assignAsset, assignMany, listAssignedAssets } from './assignments'
import { listAssets } from './assets'
import { getBusiness, getMe, listMyBusinesses } from './business'
import { debugToken } from './debug'
import { appSecretProof } from './proof'
import { createSystemUser, listSystemUsers, renameSystemUser } from './system-users'
import {
  expectNoSecretsInUrls,
  expectValidProofs,
  startHarness,
  type Harness,
} from '../../../tests/support/node/simulator-harness'
import { generateSystemUserToken, refreshToken, revokeAllTokens, revokeToken } from './tokens'

/**
 * SEC-13/14/15 over a whole run of every endpoint the client uses, with "Require App Secret" on:
 * no token or secret in any request line, a valid proof on every call, and nothing secret in logs.
 */
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('security contract', () => {
  it('keeps secrets out of URLs and logs and signs every call', async () => {
    const sink = memorySink()
    h = await startHarness({ seed: 'sample' }, { log: createLogger([sink], 'debug') })
    const { businessId, appId, appSecret } = h.sim.fixtures
    h.sim.model.updateApp(appId, { requireAppSecret: true })
    const client = h.client
    const admin = h.admin
    const must = <T>(
      result: { ok: true; value: T } | { ok: false; error: { code: string } },
    ): T => {
      if (!result.ok) throw new Error(`step failed: ${result.error.code}`)
      return result.value
    }

    must(await getMe(client, admin))
    must(await listMyBusinesses(client, admin))
    must(await getBusiness(client, admin, businessId))
    must(await listAssets(client, admin, { businessId, kind: 'page' }))
    const { id: userId } = must(
      await createSystemUser(client, admin, { businessId, name: 'Posts', role: 'EMPLOYEE' }),
    )
    must(
      await renameSystemUser(client, admin, {
        businessId,
        systemUserId: userId,
        name: 'Page posts',
      }),
    )
    must(await listSystemUsers(client, admin, businessId))
    must(
      await assignAsset(client, admin, {
        assetId: h.sim.fixtures.pageIds[0]!,
        userId,
        businessId,
        tasks: ['ANALYZE'],
      }),
    )
    const many = await assignMany(
      client,
      admin,
      h.sim.fixtures.adAccountIds.map((assetId) => ({
        assetId,
        userId,
        businessId,
        tasks: ['ANALYZE'],
      })),
    )
    expect(many.every((result) => result.ok)).toBe(true)
    must(await listAssignedAssets(client, admin, { systemUserId: userId, kind: 'ad-account' }))
    must(await installApp(client, admin, { systemUserId: userId, appId }))
    const generated = must(
      await generateSystemUserToken(client, admin, {
        systemUserId: userId,
        appId,
        businessId,
        scopes: ['pages_read_engagement', 'pages_show_list', 'business_management'],
        expiresIn60Days: true,
        edge: 'system-user',
      }),
    )
    const systemUser = { token: generated.token, appSecret }
    must(await getMe(client, systemUser))
    must(await debugToken(client, { appId, appSecret, inputToken: generated.token }))
    const refreshed = must(await refreshToken(client, { appId, appSecret, token: generated.token }))
    must(
      await revokeToken(client, { ...admin, appSecret }, { appId, tokenToRevoke: generated.token }),
    )
    must(await revokeAllTokens(client, admin, { systemUserId: userId }))

    const secrets = [admin.token, appSecret, generated.token, refreshed.token]
    // SEC-14: no request line carries a token or the secret.
    expectNoSecretsInUrls(h.sim, secrets)
    // SEC-15: every recorded call carries a valid proof for the token it sent.
    expect(expectValidProofs(h.sim, appSecret)).toBe(h.sim.requests.length)
    // SEC-13: the client's log lines hold no token, secret or proof.
    expect(sink.lines.length).toBeGreaterThanOrEqual(h.sim.requests.length)
    const log = sink.lines.join('\n')
    const proofs = [admin.token, generated.token, `${appId}|${appSecret}`].map((token) =>
      appSecretProof(token, appSecret),
    )
    for (const value of [...secrets, ...proofs]) expect(log).not.toContain(value)
  })
})
