import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import type { RequestOf } from '@shared/ipc/contract'
import type { Result } from '@shared/result'
import { derivedSecret } from '../practice/seeds/seed-builder'
import { adminTokenRef, appSecretRef } from './app-credentials'
import {
  PRACTICE,
  realApp,
  startConnectHarness,
  type ConnectHarness,
} from '../../../tests/support/node/connect-harness'

/**
 * Every refusal stores nothing (keychain untouched: not even a write attempt; settings untouched)
 * and says why, with a message the admin can read (an i18n key that exists).
 */
let h: ConnectHarness
let settingsBefore: string
beforeEach(async () => {
  h = await startConnectHarness()
  // Write the settings file once, so "untouched" can be checked byte for byte.
  h.settings.set('rememberedBusinesses', {})
  settingsBefore = readFileSync(join(h.dataDir, 'settings.json'), 'utf8')
})
afterEach(() => h.close())

function expectRefused(result: Result<unknown>, code: string, messageKey: string): void {
  expect(result).toMatchObject({ ok: false, error: { code, messageKey } })
  expect(en[messageKey]).toBeTruthy()
  if (!result.ok && result.error.hintKey) expect(en[result.error.hintKey]).toBeTruthy()
  expect(h.secrets.writeAttempts).toBe(0)
  expect(h.secrets.size()).toBe(0)
  expect(h.settings.get('connection')).toBeNull()
  expect(readFileSync(join(h.dataDir, 'settings.json'), 'utf8')).toBe(settingsBefore)
}

const paste = (token: string, app: RequestOf<'connect:token-paste'>['app'] = PRACTICE) =>
  h.invoke('connect:token-paste', { app, token })

describe('local checks, before Meta is asked', () => {
  it.each([
    ['empty', '   ', 'connectMain.error.tokenEmpty'],
    ['oversized', `EAAG${'a'.repeat(1021)}`, 'connectMain.error.tokenOversized'],
    ['whitespace inside', 'EAAGabc def', 'connectMain.error.tokenWhitespace'],
    ['malformed', 'EAAG<script>', 'connectMain.error.tokenMalformed'],
    ['an app token', `${'1'.repeat(15)}|${'a'.repeat(32)}`, 'connectMain.error.tokenIsAppToken'],
  ])('%s', async (_name, token, messageKey) => {
    const before = h.sim.requests.length
    expectRefused(await paste(token), 'invalid-input', messageKey)
    expect(h.sim.requests.length).toBe(before)
  })

  it.each([
    [
      'app id with letters',
      { appId: '12345abc', appSecret: 'a'.repeat(32) },
      'connectMain.error.appIdMalformed',
    ],
    [
      'app secret too short',
      { appId: '123456789', appSecret: 'abc123' },
      'connectMain.error.appSecretMalformed',
    ],
    [
      'app secret not hex',
      { appId: '123456789', appSecret: 'z'.repeat(32) },
      'connectMain.error.appSecretMalformed',
    ],
  ])('%s', async (_name, app, messageKey) => {
    const result = await h.invoke('connect:token-paste', {
      app: { mode: 'real', ...app },
      token: h.sim.issueToken({ kind: 'user' }),
    })
    expectRefused(result, 'invalid-input', messageKey)
  })
})

describe('Meta’s answers', () => {
  it('a token of another app', async () => {
    const other = h.sim.model.addApp({
      name: 'Someone Else’s App',
      secret: derivedSecret('other'),
      tier: 'limited',
      requireAppSecret: false,
      appType: 'web',
      businessId: h.sim.fixtures.businessId,
      developerUserIds: [],
      link: 'https://www.facebook.com/games/?app_id=other',
      category: 'Business',
    })
    const token = h.sim.issueToken({ kind: 'user', appId: other.id })
    expectRefused(await paste(token), 'auth-invalid', 'connectMain.error.tokenOtherApp')
  })

  it('an expired token', async () => {
    const token = h.sim.issueToken({ kind: 'user', expiresInSeconds: -60 })
    expectRefused(await paste(token), 'auth-expired', 'connectMain.error.tokenExpired')
  })

  it('a revoked token', async () => {
    const token = h.sim.issueToken({ kind: 'user', revoked: true })
    expectRefused(await paste(token), 'auth-invalid', 'connectMain.error.tokenRevoked')
  })

  it('a token Meta does not know at all', async () => {
    expectRefused(
      await paste(`EAAG${'x'.repeat(60)}`),
      'auth-invalid',
      'connectMain.error.tokenRevoked',
    )
  })

  it('a token without business_management', async () => {
    const token = h.sim.issueToken({ kind: 'user', scopes: ['public_profile', 'ads_read'] })
    const result = await paste(token)
    expectRefused(result, 'permission-denied', 'connectMain.error.missingScope')
    expect(result).toMatchObject({ error: { params: { scope: 'business_management' } } })
  })

  it('a Page token', async () => {
    const token = h.sim.issueToken({ kind: 'page', pageId: h.sim.fixtures.pageIds[0]! })
    expectRefused(await paste(token), 'invalid-input', 'connectMain.error.tokenWrongType')
  })

  it('the wrong app secret (debug_token with a bad app token fails)', async () => {
    const token = h.sim.issueToken({ kind: 'user' })
    const wrong = realApp(h.sim, derivedSecret('not-the-secret'))
    expectRefused(
      await paste(token, wrong),
      'auth-invalid',
      'connectMain.error.appCredentialsWrong',
    )
  })

  it('an app whose type is Native/Desktop, which Meta refuses app-token calls for', async () => {
    h.sim.model.updateApp(h.sim.fixtures.appId, { appType: 'native_desktop' })
    const token = h.sim.issueToken({ kind: 'user' })
    expectRefused(
      await paste(token, realApp(h.sim)),
      'permission-denied',
      'connectMain.error.desktopAppType',
    )
  })

  it('sign-in with the wrong app secret fails at the code exchange and stores nothing', async () => {
    const result = await h.invoke('connect:sign-in', {
      app: realApp(h.sim, derivedSecret('wrong')),
    })
    expectRefused(result, 'auth-invalid', 'connectMain.error.appCredentialsWrong')
  })
})

describe('the keychain', () => {
  it('unavailable: refused before anyone is sent to Meta', async () => {
    h.secrets.simulate({ unavailable: true })
    const before = h.sim.requests.length
    const result = await h.invoke('connect:sign-in', { app: PRACTICE })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'keychain-unavailable', messageKey: 'errors.keychainUnavailable' },
    })
    expect(h.login.opened).toHaveLength(0)
    expect(h.sim.requests.length).toBe(before)
    expect(h.settings.get('connection')).toBeNull()
  })

  it('failing mid-store (secret written, token refused) leaves nothing half-stored', async () => {
    h.secrets.simulate({ failOnWrite: 2 })
    const token = h.sim.issueToken({ kind: 'user' })
    const result = await paste(token)
    expect(result).toMatchObject({ ok: false, error: { code: 'keychain-failed' } })
    expect(h.secrets.writeCount).toBe(1)
    expect(h.secrets.size()).toBe(0)
    expect(h.settings.get('connection')).toBeNull()
  })

  it('failing while reconnecting the same app puts the previous credentials back', async () => {
    const first = h.sim.issueToken({ kind: 'user' })
    expect((await paste(first)).ok).toBe(true)
    const summary = h.settings.get('connection')
    h.secrets.simulate({ failOnWrite: 2 })
    const result = await paste(h.sim.issueToken({ kind: 'user' }))
    expect(result).toMatchObject({ ok: false, error: { code: 'keychain-failed' } })
    h.secrets.simulate({})
    expect(await h.secrets.get(adminTokenRef('practice', h.sim.fixtures.appId))).toBe(first)
    expect(await h.secrets.get(appSecretRef('practice', h.sim.fixtures.appId))).toBe(
      h.sim.fixtures.appSecret,
    )
    expect(h.settings.get('connection')).toStrictEqual(summary)
  })
})
