import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { LOGIN_SUCCESS_URL } from './routes/login'
import { startSimulator, type RunningSimulator } from './simulator'
import { call, errorOf } from '@test-support/node/simulator-calls'

let sim: RunningSimulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(() => sim.close())

const dialogUrl = (params: Record<string, string>) =>
  `${sim.baseUrl}/v27.0/dialog/oauth?${new URLSearchParams(params).toString()}`
const loginParams = (extra: Record<string, string> = {}) => ({
  client_id: sim.fixtures.appId,
  redirect_uri: LOGIN_SUCCESS_URL,
  state: 'st-123',
  scope: 'business_management,ads_read',
  response_type: 'code',
  ...extra,
})
async function confirm(params: Record<string, string>): Promise<URL> {
  const response = await fetch(`${sim.baseUrl}/dialog/oauth/confirm`, {
    method: 'POST',
    body: new URLSearchParams({ ...params, decision: params.decision ?? 'allow' }),
    redirect: 'manual',
  })
  expect(response.status).toBe(302)
  return new URL(response.headers.get('location') ?? '')
}

describe('practice login page', () => {
  test('PKCE: a code from a dialog with an S256 challenge exchanges only with its verifier', async () => {
    const verifier = 'v'.repeat(20) + 'ERIFIER-0123456789_abcdefghij'
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const exchangeOf = (code: string, extra: Record<string, string>) => ({
      client_id: sim.fixtures.appId,
      client_secret: sim.fixtures.appSecret,
      redirect_uri: LOGIN_SUCCESS_URL,
      code,
      ...extra,
    })
    const codeFromDialog = async (): Promise<string> => {
      const params = loginParams({ code_challenge: challenge, code_challenge_method: 'S256' })
      // The login page carries the challenge to its confirm step.
      expect(await (await fetch(dialogUrl(params))).text()).toContain(challenge)
      return (await confirm(params)).searchParams.get('code') ?? ''
    }
    const wrongs: Record<string, string>[] = [
      {},
      { code_verifier: verifier.slice(1) + 'x' },
      { code_verifier: 'short' },
    ]
    for (const wrong of wrongs) {
      const refused = errorOf(
        await call(sim, 'POST', '/oauth/access_token', exchangeOf(await codeFromDialog(), wrong)),
      )
      expect(refused.message).toMatch(/code verifier/i)
    }
    const accepted = await call(
      sim,
      'POST',
      '/oauth/access_token',
      exchangeOf(await codeFromDialog(), { code_verifier: verifier }),
    )
    expect(accepted.json).toMatchObject({ token_type: 'bearer' })
    const plain = loginParams({ code_challenge: challenge, code_challenge_method: 'plain' })
    expect((await fetch(dialogUrl(plain))).status).toBe(400)
  })

  test('shows a self-contained page with a "Continue as practice admin" form', async () => {
    const response = await fetch(dialogUrl(loginParams()))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/Continue as practice admin/i)
    expect(html).toMatch(/Practice mode/)
    expect(html).toContain('action="/dialog/oauth/confirm"')
    expect(html).toContain('Harbour Lane Orders')
    // No script, no external resources.
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/(src|href)\s*=/i)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain('form-action')
    expect(csp).not.toContain('unsafe-inline')
  })

  test('refuses an unknown app or a redirect URI that is not allowed', async () => {
    expect((await fetch(dialogUrl(loginParams({ client_id: '1' })))).status).toBe(400)
    const blocked = await fetch(dialogUrl(loginParams({ redirect_uri: 'https://evil.test/cb' })))
    expect(blocked.status).toBe(400)
    expect(await blocked.text()).toMatch(/URL Blocked/)
    const loopback = await fetch(dialogUrl(loginParams({ redirect_uri: 'http://127.0.0.1:9/cb' })))
    expect(loopback.status).toBe(200)
  })

  test('code flow: redirects with code and state; the code exchanges once for a user token', async () => {
    const target = await confirm(loginParams())
    expect(`${target.origin}${target.pathname}`).toBe(LOGIN_SUCCESS_URL)
    expect(target.searchParams.get('state')).toBe('st-123')
    expect(target.hash).toBe('#_=_')
    const code = target.searchParams.get('code') ?? ''
    const exchange = {
      client_id: sim.fixtures.appId,
      client_secret: sim.fixtures.appSecret,
      redirect_uri: LOGIN_SUCCESS_URL,
      code,
    }
    const first = await call(sim, 'POST', '/oauth/access_token', exchange)
    expect(first.json).toMatchObject({ token_type: 'bearer', expires_in: 60 * 86_400 })
    const token = sim.model.token(first.json.access_token as string)
    expect(token).toMatchObject({
      type: 'USER',
      userId: sim.fixtures.adminUserId,
      scopes: ['business_management', 'ads_read'],
    })
    expect(errorOf(await call(sim, 'POST', '/oauth/access_token', exchange)).error_subcode).toBe(
      36009,
    )
  })

  test('the code exchange needs the same redirect_uri', async () => {
    const code = (await confirm(loginParams())).searchParams.get('code') ?? ''
    const result = await call(sim, 'GET', '/oauth/access_token', {
      client_id: sim.fixtures.appId,
      client_secret: sim.fixtures.appSecret,
      redirect_uri: 'http://127.0.0.1:9/other',
      code,
    })
    expect(errorOf(result)).toMatchObject({ code: 100, error_subcode: 36008 })
  })

  test('token flow: the token, expires_in and state ride in the fragment', async () => {
    const target = await confirm(loginParams({ response_type: 'token' }))
    const fragment = new URLSearchParams(target.hash.slice(1))
    expect(fragment.get('state')).toBe('st-123')
    expect(fragment.get('expires_in')).toBe('7200')
    expect(sim.model.token(fragment.get('access_token') ?? '')?.type).toBe('USER')
    expect(target.search).toBe('')
  })

  test('cancel redirects with error=access_denied', async () => {
    const target = await confirm(loginParams({ decision: 'deny' }))
    expect(target.searchParams.get('error')).toBe('access_denied')
    expect(target.searchParams.get('error_reason')).toBe('user_denied')
    expect(target.searchParams.get('code')).toBeNull()
  })
})
