import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '@shared/result'
import { makeCanaryToken, scanForCanaries } from '../../../tests/fixtures/canaries'
import type { AdminSession } from '../admin-session'
import {
  addRecord,
  createKit,
  makeRecord,
  noSession,
  refusingClient,
  type VaultKit,
} from '../../../tests/support/node/vault-kit'

/** Offline viewing, reveal, copy, lock and the audit trail, with no Meta and a counting keychain. */
let kit: VaultKit | undefined
afterEach(async () => {
  await kit?.close()
  kit = undefined
})

const DAY = 24 * 60 * 60 * 1000

describe('offline viewing', () => {
  it('lists, searches, filters and opens 1,000 records with 0 keychain reads and 0 network calls', async () => {
    const network = { count: 0 }
    const session: AdminSession = {
      mode: 'practice',
      client: refusingClient(network),
      credentials: { token: 'unused-admin-token', appSecret: 'unused-secret' },
      appId: 'app1',
      businessId: 'b1',
      businessName: 'Acme',
    }
    const k = createKit({ session: { current: async () => ok(session) } })
    kit = k
    const records = Array.from({ length: 1000 }, (_, n) => ({
      id: `r${n}`,
      systemUserName: n % 10 === 0 ? `Orders ${n}` : `Reports ${n}`,
      scopes: n % 2 === 0 ? ['ads_read'] : ['pages_manage_posts'],
      assets: [{ id: `page${n % 7}`, kind: 'page', tasks: ['ANALYZE'] }],
      expiresAt: new Date(k.timers.now() + (n % 30) * DAY).toISOString(),
    }))
    k.seed(records.map((record) => makeRecord(k.timers.now(), record)))

    const all = await kit.call('vault:records-list', {})
    expect(all.ok && all.value.records).toHaveLength(100)
    expect(all.ok && [all.value.total, all.value.matched]).toEqual([1000, 1000])
    const search = await kit.call('vault:records-list', { query: 'orders', limit: 200 })
    expect(search.ok && search.value.records).toHaveLength(100)
    expect(search.ok && search.value.matched).toBe(100)
    const byScope = await kit.call('vault:records-list', { scope: 'pages_manage_posts' })
    expect(byScope.ok && byScope.value.matched).toBe(500)
    const byAsset = await kit.call('vault:records-list', { assetId: 'page3' })
    expect(byAsset.ok && byAsset.value.records.every((r) => r.assets?.[0]?.id === 'page3')).toBe(
      true,
    )
    const expiring = await kit.call('vault:records-list', { status: 'expiring' })
    // Days left 1..14 are "expiring"; 0 days (n % 30 === 0) is expired.
    expect(expiring.ok && expiring.value.matched).toBe(
      records.filter((_, n) => n % 30 >= 1 && n % 30 <= 14).length,
    )
    const detail = await kit.call('vault:record-get', { id: 'r42' })
    expect(detail.ok && detail.value.record.status).toEqual({ state: 'expiring', daysLeft: 12 })
    const reminders = await kit.call('vault:reminders', {})
    expect(reminders.ok && reminders.value.expiringSoon.length).toBeGreaterThan(0)

    expect(kit.secrets.reads).toBe(0)
    expect(network.count).toBe(0)
  })

  it('shows status without colour words alone: revoked and unknown come from the last check', async () => {
    kit = createKit({ session: noSession })
    const at = new Date(kit.timers.now()).toISOString()
    await addRecord(kit, { id: 'a', lastCheck: { at, outcome: 'revoked' } })
    await addRecord(kit, { id: 'b', lastCheck: { at, outcome: 'unknown' } })
    await addRecord(kit, { id: 'c', expiresAt: new Date(kit.timers.now() - DAY).toISOString() })
    const list = await kit.call('vault:records-list', {})
    const states = list.ok
      ? Object.fromEntries(list.value.records.map((r) => [r.id, r.status]))
      : {}
    expect(states).toEqual({
      a: { state: 'revoked', daysLeft: null },
      b: { state: 'unknown', daysLeft: null },
      c: { state: 'expired', daysLeft: 0 },
    })
  })
})

describe('reveal and copy', () => {
  it('reveals once, hides after 30 s with an event, and audits without the value', async () => {
    kit = createKit({ session: noSession })
    const token = makeCanaryToken(1)
    await addRecord(kit, { id: 'r1' }, token)
    const revealed = await kit.call('vault:secret-reveal', { id: 'r1' })
    expect(revealed).toEqual({
      ok: true,
      value: {
        outcome: 'revealed',
        recordId: 'r1',
        value: token,
        hidesAt: kit.timers.now() + 30_000,
        captureBlocked: false,
      },
    })
    kit.timers.advance(29_999)
    expect(kit.emitted.filter((e) => e.event === 'vault:reveal-ended')).toHaveLength(0)
    kit.timers.advance(1)
    expect(kit.emitted.filter((e) => e.event === 'vault:reveal-ended')).toEqual([
      { event: 'vault:reveal-ended', payload: { recordId: 'r1', reason: 'timeout' } },
    ])
    const log = kit.audit.read().entries
    expect(log.map((e) => [e.action, e.outcome, e.recordId])).toEqual([
      ['token-revealed', 'succeeded', 'r1'],
    ])
    expect(scanForCanaries(kit.dir, [token])).toEqual([])
  })

  it('ends a reveal when the renderer reports blur', async () => {
    kit = createKit({ session: noSession })
    await addRecord(kit, { id: 'r1' }, makeCanaryToken(2))
    await kit.call('vault:secret-reveal', { id: 'r1' })
    expect(await kit.call('vault:reveal-end', { id: 'r1', reason: 'blur' })).toEqual(
      ok({ hidden: true }),
    )
    expect(kit.emitted.at(-1)).toEqual({
      event: 'vault:reveal-ended',
      payload: { recordId: 'r1', reason: 'blur' },
    })
  })

  it('asks before revealing or copying an admin token, and reads nothing until confirmed', async () => {
    kit = createKit({ session: noSession })
    const token = makeCanaryToken(3)
    await addRecord(kit, { id: 'admin', kind: 'admin-system-user' }, token)
    expect(await kit.call('vault:secret-reveal', { id: 'admin' })).toEqual(
      ok({ outcome: 'confirm-admin' }),
    )
    expect(await kit.call('vault:secret-copy', { id: 'admin' })).toEqual(
      ok({ outcome: 'confirm-admin' }),
    )
    expect(kit.secrets.reads).toBe(0)
    const confirmed = await kit.call('vault:secret-reveal', { id: 'admin', confirmAdmin: true })
    expect(confirmed.ok && confirmed.value.outcome === 'revealed' && confirmed.value.value).toBe(
      token,
    )
  })

  it('copies in main and clears after 30 s only while the clipboard still holds our value', async () => {
    kit = createKit({ session: noSession })
    const token = makeCanaryToken(4)
    await addRecord(kit, { id: 'r1' }, token)
    expect(await kit.call('vault:secret-copy', { id: 'r1' })).toEqual(
      ok({ outcome: 'copied', clearsInSeconds: 30 }),
    )
    expect(kit.clipboard.peek()).toBe(token)
    expect(kit.clipboard.secretWrites).toBe(1)
    kit.timers.advance(30_000)
    await Promise.resolve()
    await Promise.resolve()
    expect(kit.clipboard.peek()).toBe('')

    await kit.call('vault:secret-copy', { id: 'r1' })
    kit.clipboard.userCopies('shopping list')
    kit.timers.advance(30_000)
    await Promise.resolve()
    expect(kit.clipboard.peek()).toBe('shopping list')
    const actions = kit.audit.read().entries.map((e) => e.action)
    expect(actions).toEqual(['token-copied', 'token-copied'])
  })

  it('honours a configured clear delay', async () => {
    kit = createKit({ session: noSession, deps: { clipboardClearMs: 10_000 } })
    await addRecord(kit, { id: 'r1' }, makeCanaryToken(5))
    expect(await kit.call('vault:secret-copy', { id: 'r1' })).toEqual(
      ok({ outcome: 'copied', clearsInSeconds: 10 }),
    )
    kit.timers.advance(10_000)
    await Promise.resolve()
    await Promise.resolve()
    expect(kit.clipboard.peek()).toBe('')
  })

  it('says not-found for a token the keychain lost', async () => {
    kit = createKit({ session: noSession })
    await addRecord(kit, { id: 'r1' })
    const answer = await kit.call('vault:secret-reveal', { id: 'r1' })
    expect(answer.ok ? null : answer.error).toMatchObject({
      code: 'not-found',
      messageKey: 'vaultMain.secret.missing',
    })
  })
})

describe('lock', () => {
  it('wipes the reveal and our clipboard copy, emits vault:locked, refuses reveal until unlocked', async () => {
    kit = createKit({ session: noSession })
    const token = makeCanaryToken(6)
    await addRecord(kit, { id: 'r1' }, token)
    await kit.call('vault:secret-reveal', { id: 'r1' })
    await kit.call('vault:secret-copy', { id: 'r1' })
    expect(await kit.call('vault:lock', {})).toEqual(ok({ locked: true }))
    expect(kit.clipboard.peek()).toBe('')
    const events = kit.emitted.map((e) => e.event)
    expect(events).toContain('vault:locked')
    expect(kit.emitted).toContainEqual({
      event: 'vault:reveal-ended',
      payload: { recordId: 'r1', reason: 'lock' },
    })
    expect(kit.vault.health).toBeDefined()
    kit.secrets.reads = 0
    expect(await kit.call('vault:secret-reveal', { id: 'r1' })).toEqual(ok({ outcome: 'locked' }))
    expect(await kit.call('vault:secret-copy', { id: 'r1' })).toEqual(ok({ outcome: 'locked' }))
    expect(kit.secrets.reads).toBe(0)
    const state = await kit.call('vault:state-get', {})
    expect(state.ok && state.value.locked).toBe(true)
    // Listing still works while locked: metadata only.
    const list = await kit.call('vault:records-list', {})
    expect(list.ok && list.value.records).toHaveLength(1)

    expect(await kit.call('vault:unlock', {})).toEqual(ok({ locked: false }))
    const again = await kit.call('vault:secret-reveal', { id: 'r1' })
    expect(again.ok && again.value.outcome).toBe('revealed')
    const actions = kit.audit.read({ limit: 10 }).entries.map((e) => [e.action, e.outcome])
    expect(actions).toContainEqual(['vault-locked', 'succeeded'])
    expect(actions).toContainEqual(['token-revealed', 'refused'])
  })

  it('stays locked when the keychain does not answer', async () => {
    kit = createKit({ session: noSession })
    await kit.call('vault:lock', {})
    kit.secrets.inner.simulate({ locked: true })
    const answer = await kit.call('vault:unlock', {})
    expect(answer.ok ? null : answer.error.code).toBe('keychain-unavailable')
    const state = await kit.call('vault:state-get', {})
    expect(state.ok && state.value.locked).toBe(true)
  })
})

describe('the activity log view', () => {
  it('pages entries with their labels and reports an edited line', async () => {
    kit = createKit({ session: noSession })
    await addRecord(kit, { id: 'r1' }, makeCanaryToken(7))
    await kit.call('vault:secret-reveal', { id: 'r1' })
    await kit.call('vault:secret-copy', { id: 'r1' })
    const page = await kit.call('vault:audit-list', { limit: 1 })
    expect(page.ok && page.value).toMatchObject({
      entries: [{ action: 'token-copied', actionKey: 'vaultMain.audit.action.token-copied' }],
      nextBefore: 1,
      chain: { ok: true, messageKey: 'vaultMain.audit.chain.ok' },
    })
    const { readFileSync, writeFileSync } = await import('node:fs')
    const file = `${kit.dir}/audit/audit.log`
    writeFileSync(file, readFileSync(file, 'utf8').replace('"r1"', '"r2"'))
    const after = await kit.call('vault:audit-list', {})
    expect(after.ok && after.value.chain).toEqual({
      ok: false,
      messageKey: 'vaultMain.audit.chain.chain-broken',
      line: 2,
    })
  })
})
