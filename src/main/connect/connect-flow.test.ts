import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adminTokenRef, appSecretRef } from './app-credentials'
import { createWaitingLoginPort } from '../../../tests/support/node/clicking-login-port'
import {
  PRACTICE,
  realApp,
  startConnectHarness,
  type ConnectHarness,
} from '../../../tests/support/node/connect-harness'

let h: ConnectHarness
beforeEach(async () => {
  h = await startConnectHarness()
})
afterEach(() => h.close())

describe('sign in with Facebook (practice, through the simulator’s dialog)', () => {
  it('opens the dialog with state and scope, exchanges the code, and connects', async () => {
    const result = await h.invoke('connect:sign-in', { app: PRACTICE })
    expect(result).toMatchObject({
      ok: true,
      value: {
        mode: 'practice',
        appId: h.sim.fixtures.appId,
        appName: 'Harbour Lane Orders',
        userId: h.sim.fixtures.adminUserId,
        userName: 'Practice Admin',
        tokenKind: 'user',
        scopes: ['business_management'],
      },
    })
    const dialog = new URL(h.login.opened[0]!)
    expect(`${dialog.origin}${dialog.pathname}`).toBe(`${h.sim.baseUrl}/v27.0/dialog/oauth`)
    expect(dialog.searchParams.get('client_id')).toBe(h.sim.fixtures.appId)
    expect(dialog.searchParams.get('response_type')).toBe('code')
    expect(dialog.searchParams.get('scope')).toBe('business_management')
    expect(dialog.searchParams.get('redirect_uri')).toBe(
      'https://www.facebook.com/connect/login_success.html',
    )
    expect(dialog.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)

    // The token and the secret are in the keychain, under practice ids, and nowhere else.
    const token = await h.secrets.get(adminTokenRef('practice', h.sim.fixtures.appId))
    expect(h.sim.model.token(token ?? '')).toMatchObject({ type: 'USER', revoked: false })
    expect(await h.secrets.get(appSecretRef('practice', h.sim.fixtures.appId))).toBe(
      h.sim.fixtures.appSecret,
    )
    expect(h.secrets.size()).toBe(2)
    expect(h.settings.get('connection')).toStrictEqual(result.ok ? result.value : null)

    // The code went to Meta in a POST body, never in a URL.
    const exchange = h.sim.requests.find((request) => request.url.includes('oauth/access_token'))
    expect(exchange?.method).toBe('POST')
    expect(exchange?.url).not.toMatch(/code=|client_secret/)
  })

  it('reports the status as practice, connected, and tells the renderer', async () => {
    await h.invoke('connect:sign-in', { app: PRACTICE })
    const status = await h.invoke('app:status-get', {})
    expect(status).toMatchObject({
      ok: true,
      value: {
        mode: 'practice',
        connection: { mode: 'practice' },
        practice: { businessName: 'Harbour Lane Bakery' },
      },
    })
    expect(h.events.at(-1)).toMatchObject({ connection: { mode: 'practice' } })
  })

  it('a Cancel in the dialog stores nothing and says so', async () => {
    h.login.decision = 'deny'
    const result = await h.invoke('connect:sign-in', { app: PRACTICE })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'cancelled', messageKey: 'connectMain.error.loginDenied' },
    })
    expect(h.secrets.writeAttempts).toBe(0)
    expect(h.settings.get('connection')).toBeNull()
  })

  it('a redirect with another state is refused', async () => {
    h.login.tamper = (url) => url.replace(/state=[^&#]+/, 'state=forged')
    const result = await h.invoke('connect:sign-in', { app: PRACTICE })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'auth-invalid', messageKey: 'connectMain.error.stateMismatch' },
    })
    expect(h.secrets.writeAttempts).toBe(0)
    // The code was never exchanged.
    expect(h.sim.requests.some((request) => request.url.includes('oauth/access_token'))).toBe(false)
  })

  it('connect:sign-in-cancel ends a sign-in that is waiting for the admin', async () => {
    const waiting = createWaitingLoginPort()
    const other = await startConnectHarness({ login: waiting })
    try {
      const pending = other.invoke('connect:sign-in', { app: PRACTICE })
      await expect.poll(() => waiting.opened.length).toBe(1)
      expect(await other.invoke('connect:sign-in-cancel', {})).toStrictEqual({
        ok: true,
        value: { cancelled: true },
      })
      expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } })
      expect(await other.invoke('connect:sign-in-cancel', {})).toStrictEqual({
        ok: true,
        value: { cancelled: false },
      })
      expect(other.secrets.writeAttempts).toBe(0)
    } finally {
      await other.close()
    }
  })
})

describe('paste a token', () => {
  it('connects with a person’s token from Graph API Explorer', async () => {
    const token = h.sim.issueToken({ kind: 'user' })
    const result = await h.invoke('connect:token-paste', { app: PRACTICE, token: `  ${token}\n` })
    expect(result).toMatchObject({ ok: true, value: { tokenKind: 'user', mode: 'practice' } })
    expect(await h.secrets.get(adminTokenRef('practice', h.sim.fixtures.appId))).toBe(token)
  })

  it('connects with an admin system user’s token, and says it is one', async () => {
    const su = h.sim.model.addSystemUser({
      businessId: h.sim.fixtures.businessId,
      name: 'Admin SU',
      role: 'ADMIN',
    })
    const token = h.sim.issueToken({ kind: 'system_user', userId: su.id })
    const result = await h.invoke('connect:token-paste', { app: PRACTICE, token })
    expect(result).toMatchObject({
      ok: true,
      value: { tokenKind: 'system-user', userId: su.id, expiresAt: null },
    })
  })

  it('a real connection makes the mode real; disconnect removes everything and returns to practice', async () => {
    const token = h.sim.issueToken({ kind: 'user' })
    const result = await h.invoke('connect:token-paste', { app: realApp(h.sim), token })
    expect(result).toMatchObject({ ok: true, value: { mode: 'real' } })
    expect(await h.invoke('app:status-get', {})).toMatchObject({ value: { mode: 'real' } })
    expect(h.secrets.refs().map((ref) => ref.id)).toStrictEqual([
      `real:${h.sim.fixtures.appId}`,
      `real:${h.sim.fixtures.appId}`,
    ])

    // A real connection is not replaced by practice behind the admin's back.
    const practiceToken = h.sim.issueToken({ kind: 'user' })
    expect(
      await h.invoke('connect:token-paste', { app: PRACTICE, token: practiceToken }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } })

    expect(await h.invoke('connect:disconnect', {})).toStrictEqual({
      ok: true,
      value: { disconnected: true },
    })
    expect(h.secrets.size()).toBe(0)
    expect(h.settings.get('connection')).toBeNull()
    expect(await h.invoke('app:status-get', {})).toMatchObject({
      value: { mode: 'practice', connection: null },
    })
    expect(h.events.at(-1)).toMatchObject({ mode: 'practice', connection: null })
    const audit = readFileSync(join(h.dataDir, 'audit', 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; outcome: string; recordId?: string })
    expect(audit.map(({ action, outcome }) => `${action}:${outcome}`)).toStrictEqual([
      'connect:succeeded',
      'disconnect:succeeded',
    ])
    expect(audit[1]?.recordId).toBe(`real:${h.sim.fixtures.appId}`)
  })

  it('connecting for real after practice removes the practice secrets', async () => {
    await h.invoke('connect:sign-in', { app: PRACTICE })
    expect(h.secrets.size()).toBe(2)
    const token = h.sim.issueToken({ kind: 'user' })
    await h.invoke('connect:token-paste', { app: realApp(h.sim), token })
    expect(h.secrets.refs().every((ref) => ref.id.startsWith('real:'))).toBe(true)
    expect(h.secrets.size()).toBe(2)
  })
})

describe('businesses', () => {
  it('lists the admin’s portfolios, remembers the chosen one per app, and updates the status', async () => {
    expect(await h.invoke('connect:businesses-list', {})).toMatchObject({
      ok: false,
      error: { code: 'not-connected' },
    })
    await h.invoke('connect:sign-in', { app: PRACTICE })
    const listed = await h.invoke('connect:businesses-list', {})
    expect(listed).toStrictEqual({
      ok: true,
      value: {
        businesses: [
          {
            id: h.sim.fixtures.businessId,
            name: 'Harbour Lane Bakery',
            verificationStatus: 'verified',
          },
        ],
        rememberedBusinessId: null,
      },
    })
    expect(await h.invoke('connect:business-choose', { businessId: '999' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    const chosen = await h.invoke('connect:business-choose', {
      businessId: h.sim.fixtures.businessId,
    })
    expect(chosen).toMatchObject({
      ok: true,
      value: { businessId: h.sim.fixtures.businessId, businessName: 'Harbour Lane Bakery' },
    })
    expect(h.events.at(-1)?.connection?.businessId).toBe(h.sim.fixtures.businessId)

    // Signing in again for the same app picks the remembered business straight away.
    await h.invoke('connect:disconnect', {})
    const again = await h.invoke('connect:sign-in', { app: PRACTICE })
    expect(again).toMatchObject({ ok: true, value: { businessId: h.sim.fixtures.businessId } })
    expect(await h.invoke('connect:businesses-list', {})).toMatchObject({
      value: { rememberedBusinessId: h.sim.fixtures.businessId },
    })
  })
})
