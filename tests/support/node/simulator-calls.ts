/**
 * Helpers for the simulator's own tests: plain `fetch` calls shaped like a Graph client's, so each
 * test reads as "this request, that answer".
 */
import { computeProof, type RunningSimulator } from '../../../src/main/practice'

export interface CallOptions {
  /** access token; sent in the Authorization header unless `tokenIn: 'param'` */
  token?: string
  tokenIn?: 'header' | 'param'
  /** POST/DELETE body encoding (default form) */
  encoding?: 'form' | 'json' | 'multipart'
  /** add appsecret_proof computed with this secret */
  proofSecret?: string
  /** leave the version out of the path */
  unversioned?: boolean
}

export interface CallResult {
  status: number
  json: Record<string, unknown>
  headers: Headers
}

/** The error object of a Graph error response. */
export interface ErrorJson {
  message: string
  type: string
  code: number
  error_subcode?: number
  is_transient: boolean
  fbtrace_id: string
}

export async function call(
  sim: RunningSimulator,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  params: Record<string, string> = {},
  options: CallOptions = {},
): Promise<CallResult> {
  const all: Record<string, string> = { ...params }
  const headers: Record<string, string> = {}
  if (options.token !== undefined) {
    if (options.tokenIn === 'param') all.access_token = options.token
    else headers.authorization = `Bearer ${options.token}`
    if (options.proofSecret) all.appsecret_proof = computeProof(options.proofSecret, options.token)
  }
  const prefix = options.unversioned ? '' : `/${sim.version}`
  let url = `${sim.baseUrl}${prefix}${path}`
  let body: string | FormData | undefined
  if (method === 'GET') {
    const query = new URLSearchParams(all).toString()
    if (query) url += `?${query}`
  } else if (options.encoding === 'json') {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(all)
  } else if (options.encoding === 'multipart') {
    const form = new FormData()
    for (const [k, v] of Object.entries(all)) form.append(k, v)
    body = form
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(all).toString()
  }
  const response = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) })
  const text = await response.text()
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  }
}

export function errorOf(result: CallResult): ErrorJson {
  const error = result.json.error as ErrorJson | undefined
  if (!error)
    throw new Error(`expected an error, got ${result.status} ${JSON.stringify(result.json)}`)
  return error
}

/** Admin call with the seed admin's token (and a proof, which is always acceptable). */
export function asAdmin(
  sim: RunningSimulator,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  params: Record<string, string> = {},
): Promise<CallResult> {
  return call(sim, method, path, params, {
    token: sim.fixtures.adminUserToken,
    proofSecret: sim.fixtures.appSecret,
  })
}

/** Creates a system user through the API and returns its id. */
export async function createSystemUser(
  sim: RunningSimulator,
  name: string,
  role: 'ADMIN' | 'EMPLOYEE' = 'EMPLOYEE',
): Promise<string> {
  const result = await asAdmin(sim, 'POST', `/${sim.fixtures.businessId}/system_users`, {
    name,
    role,
  })
  if (result.status !== 200) throw new Error(`create failed: ${JSON.stringify(result.json)}`)
  return result.json.id as string
}

/** Creates a system user, installs the seed app on it and generates a token with these scopes. */
export async function systemUserWithToken(
  sim: RunningSimulator,
  role: 'ADMIN' | 'EMPLOYEE',
  scopes: string,
): Promise<{ id: string; token: string }> {
  const id = await createSystemUser(sim, `${role} user`, role)
  await asAdmin(sim, 'POST', `/${id}/applications`, { business_app: sim.fixtures.appId })
  const result = await asAdmin(sim, 'POST', `/${id}/access_tokens`, {
    business_app: sim.fixtures.appId,
    scope: scopes,
  })
  if (result.status !== 200) throw new Error(`token failed: ${JSON.stringify(result.json)}`)
  return { id, token: result.json.access_token as string }
}
