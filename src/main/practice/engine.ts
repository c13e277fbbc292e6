import type { AssignableKind } from '@shared/catalog/asset-kinds'
import { isIgnoredAppToken, lookupToken, tokenProblem } from './auth'
import type { EdgeTable, Method, MethodTable, RouteDef, SimState } from './context'
import { GraphError, graphErrors } from './errors'
import { newTraceId } from './ids'
import type { NodeKind } from './model'
import { param, type Params } from './params'
import { verifyProof } from './proof'
import { APP_ROUTES, ASSET_NODE_ROUTES, BUSINESS_ASSET_ROUTES } from './routes/assets'
import { assignmentRoutes, USER_ASSIGNED_ROUTES } from './routes/assignments'
import { BUSINESS_NODE_ROUTES, PERSON_ROUTES, SYSTEM_USER_BUSINESSES } from './routes/business'
import { OAUTH_ACCESS_TOKEN_ROUTES, OAUTH_REVOKE_ROUTES } from './routes/oauth'
import { BUSINESS_SYSTEM_USER_ROUTES, SYSTEM_USER_ROUTES } from './routes/system-users'
import { BUSINESS_TOKEN_ROUTES, DEBUG_ROUTES, SYSTEM_USER_TOKEN_ROUTES } from './routes/tokens'
import type { TokenRecord } from './types'
import type { BucType, UsageKeys } from './usage'
import { ASSET_TYPE_NAMES } from './views'

const asset = (kind: AssignableKind): EdgeTable => ({
  ...ASSET_NODE_ROUTES,
  ...assignmentRoutes(kind),
})

/** Every node route, by node kind and edge. */
const NODE_ROUTES: Readonly<Record<NodeKind, EdgeTable>> = {
  business: {
    ...BUSINESS_NODE_ROUTES,
    ...BUSINESS_SYSTEM_USER_ROUTES,
    ...BUSINESS_ASSET_ROUTES,
    ...BUSINESS_TOKEN_ROUTES,
  },
  system_user: {
    ...SYSTEM_USER_ROUTES,
    ...SYSTEM_USER_TOKEN_ROUTES,
    ...USER_ASSIGNED_ROUTES,
    ...SYSTEM_USER_BUSINESSES,
  },
  person: { ...PERSON_ROUTES, ...USER_ASSIGNED_ROUTES },
  app: APP_ROUTES,
  page: asset('page'),
  'ad-account': asset('ad-account'),
  'product-catalog': asset('product-catalog'),
  'instagram-account': asset('instagram-account'),
  'whatsapp-business-account': asset('whatsapp-business-account'),
  pixel: asset('pixel'),
}

/** Top-level paths that are not nodes. */
const SPECIAL_ROUTES: Readonly<Record<string, MethodTable>> = {
  debug_token: DEBUG_ROUTES,
  'oauth/access_token': OAUTH_ACCESS_TOKEN_ROUTES,
  'oauth/revoke': OAUTH_REVOKE_ROUTES,
}

const TYPE_NAMES: Readonly<Record<NodeKind, string>> = {
  ...ASSET_TYPE_NAMES,
  business: 'Business',
  system_user: 'SystemUser',
  person: 'User',
  app: 'Application',
}

/**
 * The BUC a node's calls count against (docs/graph-api.md §7): Pages, Instagram, WhatsApp,
 * catalogs, else ads.
 */
const BUC_OF: Partial<Record<NodeKind, BucType>> = {
  page: 'pages',
  'instagram-account': 'instagram',
  'whatsapp-business-account': 'whatsapp_business_management',
  'product-catalog': 'catalog_management',
}

export interface EngineRequest {
  method: string
  /** path segments after the version */
  path: readonly string[]
  params: Params
  /** token from `Authorization: Bearer|OAuth …`, used when no `access_token` param is given */
  headerToken?: string
}

export interface EngineOutcome {
  status: number
  /** the response body; for errors, Graph's `{"error": …}` object */
  json: unknown
  traceId: string
  keys: UsageKeys
  /** the token record the request named, valid or not (for request records) */
  caller?: Readonly<TokenRecord>
}

interface Resolved {
  def?: RouteDef
  nodeId: string
  kind?: NodeKind
  error?: GraphError
}

function resolve(sim: SimState, req: EngineRequest, caller?: Readonly<TokenRecord>): Resolved {
  const method = req.method as Method
  const special = SPECIAL_ROUTES[req.path.join('/')]
  if (special) {
    const def = special[method]
    return def ? { def, nodeId: '' } : { nodeId: '', error: graphErrors.unsupportedRequest(method) }
  }
  if (req.path.length === 0) return { nodeId: '', error: graphErrors.unsupportedRequest(method) }
  if (req.path.length > 2) {
    return {
      nodeId: '',
      error: new GraphError(2500, `Unknown path components: /${req.path.slice(2).join('/')}`),
    }
  }
  const [first = '', edge = ''] = req.path
  let nodeId = first
  if (first === 'me') {
    if (caller?.type === 'APP') return { nodeId: '', error: graphErrors.noCurrentUser() }
    nodeId = caller?.pageId ?? caller?.userId ?? 'me'
  }
  const kind = sim.model.nodeKind(nodeId)
  if (!kind) return { nodeId, error: graphErrors.unknownObject(nodeId, method) }
  const def = NODE_ROUTES[kind][edge]?.[method]
  if (def) return { def, nodeId, kind }
  const error =
    edge && method === 'GET'
      ? graphErrors.nonexistingField(edge, TYPE_NAMES[kind])
      : graphErrors.unknownObject(nodeId, method)
  return { nodeId, kind, error }
}

function usageKeys(sim: SimState, req: EngineRequest, resolved: Resolved, token?: TokenRecord) {
  const clientApp = param(req.params, 'client_id')
  const appId =
    token?.appId ?? (clientApp && sim.model.app(clientApp) ? clientApp : sim.primaryAppId)
  const m = sim.model
  const id = resolved.nodeId
  let businessId: string | undefined
  switch (resolved.kind) {
    case undefined:
    case 'person':
      break
    case 'business':
      businessId = id
      break
    case 'system_user':
      businessId = m.systemUser(id)?.businessId
      break
    case 'app':
      businessId = m.app(id)?.businessId
      break
    default:
      businessId = m.asset(id)?.businessId
  }
  const keys: UsageKeys = { appId }
  if (businessId && resolved.kind) {
    keys.businessId = businessId
    keys.bucType = BUC_OF[resolved.kind] ?? 'ads_management'
  }
  return keys
}

/** The usage buckets a request would count against, without running it (for throttle faults). */
export function usageKeysOf(sim: SimState, req: EngineRequest): UsageKeys {
  const found = lookupToken(sim.model, param(req.params, 'access_token') ?? req.headerToken)
  return usageKeys(sim, req, resolve(sim, req, found), found)
}

/**
 * One Graph call, HTTP-free so the Batch API reuses it: route → usage (throttle) → token →
 * appsecret_proof → handler. Token problems come before object lookups, as on Graph.
 */
export function processRequest(sim: SimState, req: EngineRequest): EngineOutcome {
  const tokenValue = param(req.params, 'access_token') ?? req.headerToken
  const found = lookupToken(sim.model, tokenValue)
  const resolved = resolve(sim, req, found)
  const keys = usageKeys(sim, req, resolved, found)
  const traceId = newTraceId()
  const known = found ? { caller: found } : {}
  const fail = (error: GraphError): EngineOutcome => ({
    status: error.status,
    json: error.toBody(traceId),
    traceId,
    keys,
    ...known,
  })
  const throttled = sim.usage.take(keys)
  if (throttled) return fail(throttled)
  try {
    const def = resolved.def
    let caller: Readonly<TokenRecord> | undefined
    if (def?.auth !== 'none') {
      if (!tokenValue || isIgnoredAppToken(sim.model, tokenValue)) throw graphErrors.tokenRequired()
      const problem = tokenProblem(found, sim.now())
      if (problem || !found) throw problem ?? graphErrors.tokenUnparseable()
      caller = found
      const app = sim.model.app(found.appId)
      if (app && found.type !== 'APP') {
        const required = def?.proof === 'always' || app.requireAppSecret
        verifyProof(req.params, tokenValue, app.secret, sim.now(), required)
      }
    }
    if (resolved.error || !def) throw resolved.error ?? graphErrors.unsupportedRequest(req.method)
    const result = def.handler({
      sim,
      model: sim.model,
      method: req.method as Method,
      params: req.params,
      ...(caller ? { caller } : {}),
      nodeId: resolved.nodeId,
      path: req.path,
    })
    return { status: result.status ?? 200, json: result.json, traceId, keys, ...known }
  } catch (error) {
    if (error instanceof GraphError) return fail(error)
    throw error
  }
}
