import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '@shared/result'
import { createGraphClient } from '../graph/client'
import { startFakeGraph, type FakeGraphServer } from '../../../tests/support/node/fake-graph-server'
import { silentLogger } from '../log/logger'
import type { ResolvedApp } from './app-credentials'
import type { ModeEndpoints } from './mode-endpoints'
import type { LoginWindowPort } from './login-port'
import {
  buildDialogUrl,
  DESKTOP_REDIRECT_URI,
  isRedirectTo,
  needsLongLived,
  newPkce,
  newState,
  parseRedirect,
} from './oauth'
import { createSignIn } from './sign-in'

const STATE = 'a'.repeat(43)
const redirect = (query: string) => `${DESKTOP_REDIRECT_URI}?${query}#_=_`

describe('the dialog URL', () => {
  it('asks for a code, with the state, the redirect URI and business_management only', () => {
    const url = new URL(
      buildDialogUrl('https://www.facebook.com/v27.0/dialog/oauth', {
        appId: '123456789012345',
        redirectUri: DESKTOP_REDIRECT_URI,
        state: STATE,
        codeChallenge: 'c'.repeat(43),
      }),
    )
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v27.0/dialog/oauth')
    expect(Object.fromEntries(url.searchParams)).toStrictEqual({
      client_id: '123456789012345',
      redirect_uri: DESKTOP_REDIRECT_URI,
      state: STATE,
      response_type: 'code',
      scope: 'business_management',
      code_challenge: 'c'.repeat(43),
      code_challenge_method: 'S256',
    })
  })

  it('makes a fresh PKCE verifier each time, and its S256 challenge (RFC 7636)', () => {
    const pairs = Array.from({ length: 100 }, newPkce)
    expect(new Set(pairs.map((pair) => pair.verifier)).size).toBe(100)
    for (const { verifier, challenge } of pairs) {
      expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'))
    }
  })

  it('uses a fresh, unguessable state every time', () => {
    const states = new Set(Array.from({ length: 200 }, newState))
    expect(states.size).toBe(200)
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})

describe('parseRedirect', () => {
  it('returns the code when the state matches', () => {
    expect(
      parseRedirect(redirect(`code=AQxyz&state=${STATE}`), DESKTOP_REDIRECT_URI, STATE),
    ).toStrictEqual({ ok: true, value: { code: 'AQxyz' } })
  })

  it.each([
    ['another state', `code=AQxyz&state=${'b'.repeat(43)}`, 'connectMain.error.stateMismatch'],
    ['no state', 'code=AQxyz', 'connectMain.error.stateMismatch'],
    ['a shorter state', `code=AQxyz&state=${'a'.repeat(42)}`, 'connectMain.error.stateMismatch'],
    ['no code', `state=${STATE}`, 'connectMain.error.loginFailed'],
    [
      'the admin cancelled',
      `error=access_denied&error_reason=user_denied&state=${STATE}`,
      'connectMain.error.loginDenied',
    ],
    ['another error', `error=server_error&state=${STATE}`, 'connectMain.error.loginFailed'],
  ])('refuses %s', (_name, query, messageKey) => {
    const result = parseRedirect(redirect(query), DESKTOP_REDIRECT_URI, STATE)
    expect(result).toMatchObject({ ok: false, error: { messageKey } })
  })

  it('refuses a URL that is not the redirect URI', () => {
    for (const url of [
      `https://www.facebook.com/other?code=x&state=${STATE}`,
      `https://evil.test/connect/login_success.html?code=x&state=${STATE}`,
      'not a url',
    ]) {
      expect(parseRedirect(url, DESKTOP_REDIRECT_URI, STATE).ok).toBe(false)
    }
  })

  it('isRedirectTo compares origin and path only', () => {
    expect(isRedirectTo(`${DESKTOP_REDIRECT_URI}?code=1#_=_`, DESKTOP_REDIRECT_URI)).toBe(true)
    expect(
      isRedirectTo('https://www.facebook.com/connect/login_success.htm', DESKTOP_REDIRECT_URI),
    ).toBe(false)
    expect(
      isRedirectTo('http://www.facebook.com/connect/login_success.html', DESKTOP_REDIRECT_URI),
    ).toBe(false)
  })
})

describe('the long-lived exchange', () => {
  it('applies to tokens with less than a day left, or an unknown lifetime', () => {
    expect(needsLongLived(3600)).toBe(true)
    expect(needsLongLived(undefined)).toBe(true)
    expect(needsLongLived(86_399)).toBe(true)
    expect(needsLongLived(86_400)).toBe(false)
    expect(needsLongLived(60 * 86_400)).toBe(false)
  })

  let fake: FakeGraphServer | undefined
  afterEach(async () => {
    await fake?.close()
    fake = undefined
  })

  it('exchanges a short-lived code token for a long-lived one, secrets in POST bodies only', async () => {
    const appSecret = 'c'.repeat(32)
    fake = await startFakeGraph((request, index) =>
      index === 0
        ? { json: { access_token: 'EAAshortlived', token_type: 'bearer', expires_in: 3600 } }
        : { json: { access_token: 'EAAlonglived', token_type: 'bearer', expires_in: 5_183_944 } },
    )
    const client = createGraphClient({
      baseUrl: fake.baseUrl,
      log: silentLogger,
      retry: { maxAttempts: 1 },
    })
    const endpoints: ModeEndpoints = {
      forMode: async () => ({ client, dialogUrl: `${fake!.baseUrl}/v27.0/dialog/oauth` }),
      practiceApp: () => Promise.reject(new Error('not used')),
    }
    let challenge = ''
    const login: LoginWindowPort = {
      redirectUri: DESKTOP_REDIRECT_URI,
      open: async (url) => {
        const state = new URL(url).searchParams.get('state') ?? ''
        challenge = new URL(url).searchParams.get('code_challenge') ?? ''
        return ok({ finalUrl: redirect(`code=AQcode123&state=${state}`) })
      },
    }
    const app: ResolvedApp = { mode: 'real', appId: '123456789012345', appSecret }
    const signIn = createSignIn({ login, endpoints, log: silentLogger })
    expect(await signIn.run(app)).toStrictEqual({ ok: true, value: { token: 'EAAlonglived' } })

    expect(fake.requests).toHaveLength(2)
    for (const request of fake.requests) {
      expect(request.method).toBe('POST')
      expect(request.path).toBe('/v27.0/oauth/access_token')
      expect(request.url).not.toMatch(/secret|code|token=/i)
    }
    expect(Object.fromEntries(fake.requests[0]!.form)).toMatchObject({
      client_id: '123456789012345',
      client_secret: appSecret,
      code: 'AQcode123',
      redirect_uri: DESKTOP_REDIRECT_URI,
    })
    // The verifier goes only to the exchange, and it is the one the dialog's challenge came from.
    const verifier = fake.requests[0]!.form.get('code_verifier') ?? ''
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge)
    expect(fake.requests[1]!.form.has('code_verifier')).toBe(false)
    expect(Object.fromEntries(fake.requests[1]!.form)).toMatchObject({
      client_id: '123456789012345',
      client_secret: appSecret,
      grant_type: 'fb_exchange_token',
      fb_exchange_token: 'EAAshortlived',
    })
  })

  it('a time limit ends a sign-in nobody finishes', async () => {
    const waiting: LoginWindowPort = {
      redirectUri: DESKTOP_REDIRECT_URI,
      open: (_url, { signal }) =>
        new Promise((resolve) =>
          signal.addEventListener('abort', () => resolve(ok({ finalUrl: '' }))),
        ),
    }
    const endpoints: ModeEndpoints = {
      forMode: async () => ({
        client: createGraphClient({ baseUrl: 'http://127.0.0.1:9', log: silentLogger }),
        dialogUrl: 'http://127.0.0.1:9/v27.0/dialog/oauth',
      }),
      practiceApp: () => Promise.reject(new Error('not used')),
    }
    const signIn = createSignIn({ login: waiting, endpoints, log: silentLogger, timeoutMs: 20 })
    const result = await signIn.run({
      mode: 'real',
      appId: '123456789012345',
      appSecret: 'c'.repeat(32),
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'timeout', messageKey: 'connectMain.error.signInTimedOut' },
    })
  })
})
