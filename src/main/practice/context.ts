import type { FaultController } from './faults'
import type { SimulatorModel } from './model'
import type { Params } from './params'
import type { TokenRecord } from './types'
import type { UsageTracker } from './usage'

export type Method = 'GET' | 'POST' | 'DELETE'

/** Everything a route may use: the simulator's state and configuration. */
export interface SimState {
  readonly model: SimulatorModel
  readonly usage: UsageTracker
  readonly faults: FaultController
  readonly version: string
  /** 'http://127.0.0.1:<port>', known once the server listens */
  baseUrl: string
  readonly now: () => number
  readonly pageSize: { readonly default: number; readonly max: number }
  /** The app calls are billed to when the request names none (X-App-Usage needs one). */
  readonly primaryAppId: string
  /** The seed's business, named in throttle headers when a request concerns no business. */
  readonly primaryBusinessId: string
}

export interface RouteContext {
  readonly sim: SimState
  readonly model: SimulatorModel
  readonly method: Method
  readonly params: Params
  /** The validated calling token (absent only on routes with `auth: 'none'`). */
  readonly caller?: Readonly<TokenRecord>
  /** The node id the path names, `me` already resolved. */
  readonly nodeId: string
  /** The path as requested (after the version), for `paging.next` links. */
  readonly path: readonly string[]
}

export interface RouteResult {
  status?: number
  json: unknown
}

export interface RouteDef {
  handler: (ctx: RouteContext) => RouteResult
  /** 'none' for endpoints authenticated by client_id/secret (oauth) — default 'required'. */
  auth?: 'required' | 'none'
  /**
   * 'always' where Meta requires appsecret_proof regardless of the app setting
   * (docs/graph-api.md §4.2).
   */
  proof?: 'always'
}

export type MethodTable = Partial<Record<Method, RouteDef>>
/** Routes of one node kind, by edge name ('' = the node itself). */
export type EdgeTable = Readonly<Record<string, MethodTable>>
