import { afterEach, describe, expect, it } from 'vitest'
import type { HealthProgressEvent, VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { debugToken } from '../graph/debug'
import { vaultSecretRef } from './secrets-access'
import {
  addRecord,
  createKit,
  harnessSession,
  secretsInResponses,
  startHarness,
  systemUserWithToken,
  type Harness,
  type VaultKit,
} from '../../../tests/support/node/vault-kit'

/**
 * Health, refresh, rotation, revoke, remove and import against the practice simulator over
 * loopback: real Graph calls, real debug_token answers.
 */
let h: Harness | undefined
let kit: VaultKit | undefined
afterEach(async () => {
  await kit?.close()
  await h?.close()
  kit = undefined
  h = undefined
})

const DAY_S = 24 * 60 * 60

async function start(): Promise<{ h: Harness; kit: VaultKit }> {
  h = await startHarness({ seed: 'sample' })
  kit = createKit({ session: harnessSession(h) })
  return { h, kit }
}

const recordFor = (harness: Harness, overrides: Partial<VaultRecordSummary> & { id: string }) => ({
  appId: harness.sim.fixtures.appId,
  businessId: harness.sim.fixtures.businessId,
  scopes: ['ads_read', 'business_management'],
  ...overrides,
})

const isAlive = async (harness: Harness, token: string): Promise<boolean> => {
  const info = await debugToken(harness.client, {
    appId: harness.sim.fixtures.appId,
    appSecret: harness.sim.fixtures.appSecret,
    inputToken: token,
  })
  return info.ok && info.value.isValid
}

describe('health check', () => {
  it('decodes valid, expired, revoked, wrong app and changed scopes, in the background', async () => {
    const { h, kit } = await start()
    const { systemUserId, token } = await systemUserWithToken(h, 'Reports')
    const issue = (o: Parameters<Harness['sim']['issueToken']>[0]) => h.sim.issueToken(o)
    const other = h.sim.model.addApp({
      name: 'Other',
      secret: 'f'.repeat(32),
      tier: 'full',
      requireAppSecret: false,
      appType: 'web',
      businessId: h.sim.fixtures.businessId,
      developerUserIds: [],
      link: 'https://example.test',
      category: 'Business',
    })
    const base = { kind: 'system_user' as const, userId: systemUserId }
    await addRecord(kit, recordFor(h, { id: 'valid', systemUserId }), token)
    const expired = issue({
      ...base,
      scopes: ['ads_read', 'business_management'],
      expiresInSeconds: -DAY_S,
    })
    await addRecord(kit, recordFor(h, { id: 'expired', systemUserId }), expired)
    const revoked = issue({ ...base, scopes: ['ads_read', 'business_management'], revoked: true })
    await addRecord(kit, recordFor(h, { id: 'revoked', systemUserId }), revoked)
    const foreign = issue({ ...base, appId: other.id })
    await addRecord(kit, recordFor(h, { id: 'wrong-app', systemUserId }), foreign)
    const wider = issue({ ...base, scopes: ['ads_read', 'business_management', 'pages_show_list'] })
    await addRecord(kit, recordFor(h, { id: 'scopes', systemUserId }), wider)

    const started = await kit.call('vault:health-check', { all: true })
    expect(started.ok && started.value.total).toBe(5)
    await kit.vault.health.idle()

    const outcomes = Object.fromEntries(
      kit.index.list().map((record) => [record.id, record.lastCheck?.outcome]),
    )
    expect(outcomes).toEqual({
      valid: 'valid',
      expired: 'expired',
      revoked: 'revoked',
      'wrong-app': 'wrong-app',
      scopes: 'scopes-changed',
    })
    expect(kit.index.get('scopes')?.lastCheck?.scopesAdded).toEqual(['pages_show_list'])
    expect(kit.index.get('expired')?.lastCheck?.expiresAt).toMatch(/^\d{4}-/)
    const progress = kit.emitted
      .filter((e) => e.event === 'vault:health-progress')
      .map((e) => e.payload as HealthProgressEvent)
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 5])
    expect(progress.at(-1)?.state).toBe('finished')
    const list = await kit.call('vault:records-list', { status: 'revoked' })
    expect(list.ok && list.value.records.map((r) => r.id)).toEqual(['revoked'])
  })

  it('can be cancelled, and locking cancels it', async () => {
    const { h, kit } = await start()
    const { systemUserId, token } = await systemUserWithToken(h, 'Reports')
    for (let n = 0; n < 5; n += 1) {
      await addRecord(kit, recordFor(h, { id: `r${n}`, systemUserId }), token)
    }
    const started = await kit.call('vault:health-check', { all: true })
    if (!started.ok) throw new Error('not started')
    await kit.call('vault:lock', {})
    await kit.vault.health.idle()
    const last = kit.emitted.filter((e) => e.event === 'vault:health-progress').at(-1)
    expect((last?.payload as HealthProgressEvent).state).toBe('cancelled')
    expect((last?.payload as HealthProgressEvent).done).toBeLessThan(5)
    const again = await kit.call('vault:health-check', { all: true })
    expect(again.ok ? null : again.error.messageKey).toBe('vaultMain.locked')
  })
})

describe('refresh', () => {
  it('refreshes a 60-day token and keeps a never-expiring one never-expiring', async () => {
    const { h, kit } = await start()
    const sixty = await systemUserWithToken(h, 'Sixty', true)
    // One regular system user is this app tier's quota: the never-expiring token is its second.
    const never = {
      systemUserId: sixty.systemUserId,
      token: h.sim.issueToken({
        kind: 'system_user',
        userId: sixty.systemUserId,
        scopes: ['ads_read', 'business_management'],
      }),
    }
    const soon = new Date(kit.timers.now() + 10 * DAY_S * 1000).toISOString()
    await addRecord(
      kit,
      recordFor(h, { id: 's', systemUserId: sixty.systemUserId, expiresAt: soon }),
      sixty.token,
    )
    await addRecord(
      kit,
      recordFor(h, { id: 'n', systemUserId: never.systemUserId, expiresAt: null }),
      never.token,
    )

    const refreshed = await kit.call('vault:refresh', { id: 's' })
    expect(refreshed.ok && refreshed.value.record.status?.state).toBe('valid')
    const stored = await kit.secrets.inner.get(vaultSecretRef({ id: 's', kind: 'system-user' }))
    expect(stored).not.toBe(sixty.token)
    expect(await isAlive(h, stored!)).toBe(true)
    expect(kit.index.get('s')?.fingerprint).toBe(stored!.slice(-4))

    const requestsBefore = h.sim.requests.length
    const refused = await kit.call('vault:refresh', { id: 'n' })
    expect(refused.ok ? null : refused.error.messageKey).toBe('vaultMain.refresh.neverExpires')
    expect(h.sim.requests.length).toBe(requestsBefore)
    expect(kit.index.get('n')?.expiresAt).toBeNull()
    expect(await kit.secrets.inner.get(vaultSecretRef({ id: 'n', kind: 'system-user' }))).toBe(
      never.token,
    )
  })

  it('explains that an expired token cannot be refreshed', async () => {
    const { h, kit } = await start()
    const past = new Date(kit.timers.now() - 1000).toISOString()
    await addRecord(
      kit,
      recordFor(h, { id: 'old', expiresAt: past }),
      h.sim.fixtures.adminUserToken,
    )
    const answer = await kit.call('vault:refresh', { id: 'old' })
    expect(answer.ok ? null : answer.error).toMatchObject({
      code: 'auth-expired',
      messageKey: 'vaultMain.refresh.expired',
    })
  })
})

describe('refresh: a bad system-user token says "generate a new token", never "sign in again"', () => {
  // fb_exchange_token is sent with the system user's token; the catalogue's default advice for
  // 190 (sign in again) is about the admin's own token and would send the admin the wrong way.
  it.each([
    [467, { code: 'auth-invalid', messageKey: 'graph.code.tokenInvalid' }],
    [460, { code: 'auth-invalid', messageKey: 'graph.code.passwordChanged' }],
    [undefined, { code: 'auth-invalid', messageKey: 'graph.code.tokenInvalid' }],
    [463, { code: 'auth-expired', messageKey: 'vaultMain.refresh.expired' }],
  ])('the exchange answering 190/%s', async (subcode, expected) => {
    const { h, kit } = await start()
    const sixty = await systemUserWithToken(h, 'Sixty', true)
    const soon = new Date(kit.timers.now() + 10 * DAY_S * 1000).toISOString()
    await addRecord(
      kit,
      recordFor(h, { id: 's', systemUserId: sixty.systemUserId, expiresAt: soon }),
      sixty.token,
    )
    h.sim.faults.add({
      match: { method: 'GET', path: '/oauth/access_token' },
      fault: { kind: 'graph-error', code: 190, ...(subcode !== undefined ? { subcode } : {}) },
    })
    const answer = await kit.call('vault:refresh', { id: 's' })
    expect(answer.ok ? null : answer.error).toMatchObject({
      ...expected,
      hintKey: 'graph.hint.generateNewToken',
    })
    // The fault was spent on the exchange itself (debug_token had found the token valid): the same
    // refresh goes through now.
    expect((await kit.call('vault:refresh', { id: 's' })).ok).toBe(true)
  })
})

describe('rotation, revoke, remove', () => {
  it('rotates: new token saved and verified, old one revoked (1 of 1) after confirmation', async () => {
    const { h, kit } = await start()
    const { systemUserId, token } = await systemUserWithToken(h, 'Rotate')
    await addRecord(kit, recordFor(h, { id: 'old', systemUserId, expiresAt: null }), token)
    const started = await kit.call('vault:rotation-start', { id: 'old' })
    if (!started.ok) throw new Error(started.error.messageKey)
    const fresh = started.value.record
    expect(fresh).toMatchObject({ replaces: 'old', expiresAt: null, systemUserId })
    expect(fresh.lastCheck?.outcome).toBe('valid')
    // Starting twice returns the pending replacement, not a second token.
    const twice = await kit.call('vault:rotation-start', { id: 'old' })
    expect(twice.ok && twice.value.record.id).toBe(fresh.id)
    expect(await isAlive(h, token)).toBe(true)

    const confirmed = await kit.call('vault:rotation-confirm', { id: fresh.id })
    expect(confirmed.ok && confirmed.value).toMatchObject({
      oldId: 'old',
      oldRevokedVerified: true,
    })
    expect(await isAlive(h, token)).toBe(false)
    expect(kit.index.get('old')).toBeUndefined()
    expect(kit.index.get(fresh.id)?.replaces).toBeUndefined()
    expect(kit.secrets.inner.refs().map((ref) => ref.id)).toEqual([fresh.id])
    const newToken = await kit.secrets.inner.get(vaultSecretRef(fresh))
    expect(await isAlive(h, newToken!)).toBe(true)
    const actions = kit.audit.read().entries.map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['token-generated', 'token-revoked', 'token-rotated']),
    )
    const scan = secretsInResponses(kit, [token, newToken!, h.sim.fixtures.appSecret])
    expect(scan.scanned).toBe(3)
    expect(scan.leaks).toEqual([])
  })

  it('revokes one token and verifies it with debug_token', async () => {
    const { h, kit } = await start()
    const { systemUserId, token } = await systemUserWithToken(h, 'Revoke')
    await addRecord(kit, recordFor(h, { id: 'r', systemUserId }), token)
    const answer = await kit.call('vault:revoke', { id: 'r' })
    expect(answer.ok && answer.value).toMatchObject({
      verified: true,
      record: { status: { state: 'revoked' } },
    })
    expect(await isAlive(h, token)).toBe(false)
  })

  it('revokes all tokens of a system user, verified', async () => {
    const { h, kit } = await start()
    const { systemUserId, token } = await systemUserWithToken(h, 'All')
    const second = h.sim.issueToken({
      kind: 'system_user',
      userId: systemUserId,
      scopes: ['ads_read', 'business_management'],
    })
    await addRecord(kit, recordFor(h, { id: 'a', systemUserId }), token)
    await addRecord(kit, recordFor(h, { id: 'b', systemUserId }), second)
    const answer = await kit.call('vault:revoke-all', { systemUserId })
    expect(answer.ok && answer.value).toEqual({ revokedIds: ['a', 'b'], verified: true })
    expect([await isAlive(h, token), await isAlive(h, second)]).toEqual([false, false])
  })

  it('removes a record and its keychain entry', async () => {
    const { h, kit } = await start()
    await addRecord(kit, recordFor(h, { id: 'gone' }), h.sim.fixtures.adminUserToken)
    expect(await kit.call('vault:record-remove', { id: 'gone' })).toEqual({
      ok: true,
      value: { removed: true },
    })
    expect(kit.index.get('gone')).toBeUndefined()
    expect(kit.secrets.inner.size()).toBe(0)
  })
})

describe('import', () => {
  it('validates with debug_token, fills the metadata, keeps the value in the keychain only', async () => {
    const { h, kit } = await start()
    const { systemUserId, token } = await systemUserWithToken(h, 'Imported')
    const answer = await kit.call('vault:import', { token, label: 'Shop server' })
    if (!answer.ok) throw new Error(answer.error.messageKey)
    expect(answer.value.record).toMatchObject({
      kind: 'imported',
      practice: true,
      systemUserId,
      // debug_token gives only the id; the name is one read of the business away.
      systemUserName: 'Imported',
      appId: h.sim.fixtures.appId,
      label: 'Shop server',
      fingerprint: token.slice(-4),
    })
    expect(JSON.stringify(answer)).not.toContain(token)
    expect(await kit.secrets.inner.get(vaultSecretRef(answer.value.record))).toBe(token)
    const duplicate = await kit.call('vault:import', { token })
    expect(duplicate.ok ? null : duplicate.error.messageKey).toBe('vaultMain.import.duplicate')
  })

  it('refuses an invalid token and one of another app, with a reason', async () => {
    const { h, kit } = await start()
    const { systemUserId } = await systemUserWithToken(h, 'Bad')
    const revoked = h.sim.issueToken({ kind: 'system_user', userId: systemUserId, revoked: true })
    const invalid = await kit.call('vault:import', { token: revoked })
    expect(invalid.ok ? null : invalid.error.messageKey).toBe('vaultMain.import.invalid')
    const other = h.sim.model.addApp({
      name: 'Other',
      secret: 'e'.repeat(32),
      tier: 'full',
      requireAppSecret: false,
      appType: 'web',
      businessId: h.sim.fixtures.businessId,
      developerUserIds: [],
      link: 'https://example.test',
      category: 'Business',
    })
    const foreign = h.sim.issueToken({ kind: 'system_user', userId: systemUserId, appId: other.id })
    const wrong = await kit.call('vault:import', { token: foreign })
    expect(wrong.ok ? null : wrong.error.messageKey).toBe('vaultMain.import.wrongApp')
    expect(kit.index.list()).toEqual([])
    expect(kit.secrets.inner.size()).toBe(0)
  })
})
