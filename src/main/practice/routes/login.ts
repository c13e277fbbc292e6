import type { SimState } from '../context'
import { newAuthCode } from '../ids'
import { loginPageCsp, renderLoginError, renderLoginPage } from '../login-page'
import { param, parseList, type Params } from '../params'

/** Facebook Login's desktop redirect target (the Connect issue), plus loopback for tests. */
export const LOGIN_SUCCESS_URL = 'https://www.facebook.com/connect/login_success.html'
const CODE_LIFETIME_MS = 10 * 60_000
/** Tokens from the implicit (`response_type=token`) flow are short-lived user tokens. */
const SHORT_LIVED_S = 2 * 3600

export interface HttpAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

function allowedRedirect(uri: string | undefined): URL | undefined {
  if (!uri) return undefined
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return undefined
  }
  if (uri === LOGIN_SUCCESS_URL) return url
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  return url.protocol === 'http:' && loopback && !url.username && !url.password ? url : undefined
}

interface DialogRequest {
  appId: string
  appName: string
  adminId: string
  adminName: string
  redirect: URL
  redirectUri: string
  state: string
  scopes: string[]
  responseType: 'code' | 'token'
  /** PKCE (RFC 7636), S256 only: kept with the code and checked at the exchange. */
  codeChallenge?: string
}

function validate(sim: SimState, params: Params): DialogRequest | HttpAnswer {
  const error = (message: string): HttpAnswer => ({
    status: 400,
    headers: {
      'content-type': 'text/html; charset=UTF-8',
      'content-security-policy': loginPageCsp([]),
    },
    body: renderLoginError(message),
  })
  const app = sim.model.app(param(params, 'client_id') ?? '')
  if (!app) return error('Invalid App ID: the app id in this link is not a practice app.')
  const redirectUri = param(params, 'redirect_uri') ?? ''
  const redirect = allowedRedirect(redirectUri)
  if (!redirect) {
    return error(
      "URL Blocked: This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.",
    )
  }
  const responseType = param(params, 'response_type') ?? 'code'
  if (responseType !== 'code' && responseType !== 'token') {
    return error(`Unsupported response_type: ${responseType}`)
  }
  const codeChallenge = param(params, 'code_challenge')
  const challengeMethod = param(params, 'code_challenge_method')
  if (codeChallenge !== undefined && challengeMethod !== 'S256') {
    return error('Invalid code_challenge_method: only S256 is supported.')
  }
  const adminId =
    app.developerUserIds[0] ?? sim.model.business(app.businessId)?.adminUserIds[0] ?? ''
  return {
    appId: app.id,
    appName: app.name,
    adminId,
    adminName: sim.model.person(adminId)?.name ?? 'practice admin',
    redirect,
    redirectUri,
    state: param(params, 'state') ?? '',
    scopes: parseList(param(params, 'scope') ?? ''),
    responseType,
    ...(codeChallenge !== undefined ? { codeChallenge } : {}),
  }
}

/** GET /dialog/oauth: the practice login page. */
function showDialog(sim: SimState, params: Params): HttpAnswer {
  const request = validate(sim, params)
  if ('status' in request) return request
  const carry = {
    client_id: request.appId,
    redirect_uri: request.redirectUri,
    state: request.state,
    scope: request.scopes.join(','),
    response_type: request.responseType,
    ...(request.codeChallenge !== undefined
      ? { code_challenge: request.codeChallenge, code_challenge_method: 'S256' }
      : {}),
  }
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=UTF-8',
      'content-security-policy': loginPageCsp([request.redirect.origin]),
      'x-frame-options': 'DENY',
    },
    body: renderLoginPage({
      appName: request.appName,
      adminName: request.adminName,
      scopes: request.scopes,
      carry,
    }),
  }
}

/**
 * POST /dialog/oauth/confirm: redirects like Facebook Login — `?code=…&state=…` (plus Facebook's
 * `#_=_`) for the code flow, `#access_token=…&expires_in=…&state=…` for the token flow, and the
 * `error=access_denied` parameters when the admin cancels.
 */
function confirm(sim: SimState, params: Params): HttpAnswer {
  const request = validate(sim, params)
  if ('status' in request) return request
  const target = new URL(request.redirect.href)
  const answer = new URLSearchParams()
  if (param(params, 'decision') === 'deny') {
    answer.set('error', 'access_denied')
    answer.set('error_code', '200')
    answer.set('error_description', 'Permissions error')
    answer.set('error_reason', 'user_denied')
    answer.set('state', request.state)
    target.search = answer.toString()
    target.hash = '_=_'
  } else if (request.responseType === 'code') {
    const code = newAuthCode()
    sim.model.authCodes.set(code, {
      appId: request.appId,
      redirectUri: request.redirectUri,
      userId: request.adminId,
      scopes: request.scopes,
      expiresAtMs: sim.now() + CODE_LIFETIME_MS,
      used: false,
      ...(request.codeChallenge !== undefined ? { codeChallenge: request.codeChallenge } : {}),
    })
    for (const [k, v] of target.searchParams) answer.set(k, v)
    answer.set('code', code)
    answer.set('state', request.state)
    target.search = answer.toString()
    target.hash = '_=_'
  } else {
    const token = sim.model.mintToken({
      type: 'USER',
      appId: request.appId,
      userId: request.adminId,
      scopes: request.scopes,
      expiresAt: Math.floor(sim.now() / 1000) + SHORT_LIVED_S,
    })
    answer.set('access_token', token.value)
    answer.set('data_access_expiration_time', String(token.dataAccessExpiresAt))
    answer.set('expires_in', String(SHORT_LIVED_S))
    answer.set('state', request.state)
    target.hash = answer.toString()
  }
  return { status: 302, headers: { location: target.href, 'cache-control': 'no-store' }, body: '' }
}

/** The practice login routes; `undefined` when the path is not one of them. */
export function handleDialog(
  sim: SimState,
  method: string,
  path: readonly string[],
  params: Params,
): HttpAnswer | undefined {
  const route = path.join('/')
  if (route === 'dialog/oauth' && method === 'GET') return showDialog(sim, params)
  if (route === 'dialog/oauth/confirm' && method === 'POST') return confirm(sim, params)
  return undefined
}
