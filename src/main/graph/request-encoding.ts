import { createHash } from 'node:crypto'

/**
 * How a Graph call becomes bytes: paths, query strings, form bodies. Kept apart from the client so
 * the rules that keep secrets out of URLs (SEC-14) sit in one small place.
 */

/** A parameter value; lists are sent as JSON arrays, as Meta's samples do (`tasks=["MANAGE"]`). */
export type ParamValue = string | number | boolean | readonly string[]
export type GraphParams = Readonly<Record<string, ParamValue | undefined>>

/**
 * Parameters that carry a token or a secret (debug_token, oauth/access_token, oauth/revoke).
 * They must never be in a URL, which proxies, servers and crash reports log.
 */
export const SECRET_PARAMS: ReadonlySet<string> = new Set([
  'access_token',
  'input_token',
  'fb_exchange_token',
  'client_secret',
  'revoke_token',
  'appsecret_proof',
  'appsecret_time',
  'code_verifier',
])

/**
 * Whether a parameter name carries a secret, however it is spelled: a paging link Meta (or
 * anyone between) hands back may say `ACCESS_TOKEN` or `Access_Token`, and a server that reads
 * names without regard to case would still take it. Percent-encoded names (`access%5Ftoken`)
 * arrive here decoded, since every caller reads names through URLSearchParams or an object.
 */
export const isSecretParam = (name: string): boolean => SECRET_PARAMS.has(name.trim().toLowerCase())

/** Paths are Graph node and edge names: ids, `act_…`, letters, underscores, dots, slashes. */
const SAFE_PATH = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/

/** Strips the leading slash and checks the path; undefined when it is not a plain Graph path. */
export function normalisePath(path: string): string | undefined {
  const trimmed = path.replace(/^\/+/, '')
  if (trimmed === '') return ''
  if (
    !SAFE_PATH.test(trimmed) ||
    trimmed.split('/').some((part) => part === '..' || part === '.')
  ) {
    return undefined
  }
  return trimmed
}

const encodeValue = (value: ParamValue): string =>
  Array.isArray(value) ? JSON.stringify(value) : String(value)

/** Form or query encoding of the defined parameters, in a stable order. */
export function encodeParams(params: GraphParams): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.append(name, encodeValue(value))
  }
  return search.toString()
}

/** True when any defined parameter is a token or secret. */
export const hasSecretParams = (params: GraphParams): boolean =>
  Object.entries(params).some(([name, value]) => value !== undefined && isSecretParam(name))

/** The parameter values that are secrets, to register with the redactor. */
export const secretParamValues = (params: GraphParams): string[] =>
  Object.entries(params)
    .filter(([name, value]) => value !== undefined && isSecretParam(name))
    .map(([, value]) => encodeValue(value!))

/**
 * A short fingerprint of a token, to key its rate-limit bucket. Not reversible, never logged;
 * 12 hex characters keep it below the redactor's 32-hex pattern and tell tokens apart well enough.
 */
export const tokenKey = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 12)

/** Graph object ids a path names: the first segment when it is an id, e.g. `123` or `act_123`. */
export function objectIdsOf(path: string, params: GraphParams): string[] {
  const ids: string[] = []
  const first = path.split('/')[0] ?? ''
  if (/^(act_)?\d+$/.test(first)) ids.push(first)
  const business = params.business
  if (typeof business === 'string' && /^\d+$/.test(business)) ids.push(business)
  return ids
}

/**
 * Checks a `paging.next` URL before the client follows it: same origin as the base URL and under
 * its path, so the Authorization header never goes to another host. Any token or proof Meta put
 * into the link (real Graph does) is dropped: auth travels in the header and the proof is made
 * afresh. Returns the Graph path (without the version segment; the client adds its own) and the
 * remaining parameters, or undefined when the link is refused.
 */
export function parseNextUrl(
  next: string,
  baseUrl: string,
): { path: string; params: Record<string, string> } | undefined {
  let url: URL
  let base: URL
  try {
    url = new URL(next)
    base = new URL(baseUrl)
  } catch {
    return undefined
  }
  if (url.origin !== base.origin || url.username !== '' || url.password !== '') return undefined
  const basePath = base.pathname.replace(/\/+$/, '')
  if (!url.pathname.startsWith(`${basePath}/`)) return undefined
  const segments = url.pathname.slice(basePath.length + 1).split('/')
  if (/^v\d+\.\d+$/.test(segments[0] ?? '')) segments.shift()
  let decoded: string
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment)).join('/')
  } catch {
    return undefined
  }
  const path = normalisePath(decoded)
  if (path === undefined || path === '') return undefined
  const params: Record<string, string> = {}
  for (const [name, value] of new URLSearchParams(url.search)) {
    if (!isSecretParam(name)) params[name] = value
  }
  return { path, params }
}
