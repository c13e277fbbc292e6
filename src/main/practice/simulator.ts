import type { AddressInfo } from 'node:net'
import type { SimState } from './context'
import { FaultController, type FaultInjector } from './faults'
import { createGraphServer, type RecordedRequest } from './http'
import { SimulatorModel } from './model'
import { LARGE_ID_BASE, seedLarge } from './seeds/large-seed'
import { SAMPLE_ID_BASE, seedSample } from './seeds/sample-seed'
import { ADMIN_TOKEN_SCOPES } from './seeds/seed-builder'
import type { PageTaskVocabulary, SeedFixtures } from './types'
import { UsageTracker } from './usage'

export type { Fault, FaultInjector, FaultMatch, FaultRule } from './faults'
export type { RecordedRequest } from './http'
export type { RecordedBatchOp } from './routes/batch'
export type { SimulatorModel } from './model'
export type * from './types'

/**
 * The Graph API version the simulator serves by default (v27.0, released 2026-11-04 —
 * docs/graph-api.md §8.2).
 */
export const DEFAULT_GRAPH_VERSION = 'v27.0'

export interface StartSimulatorOptions {
  /** default 'sample' */
  seed?: 'sample' | 'large'
  /** default 0 = a free port; always bound to 127.0.0.1 */
  port?: number
  /** default 'v27.0'; paths are /v27.0/...; unversioned paths work too */
  version?: string
  /**
   * both Page task vocabularies of docs/graph-api.md §3, switchable at runtime too; default 'sdk'
   */
  pageTaskVocabulary?: PageTaskVocabulary
  /** ms clock for expiry and rate windows; default Date.now */
  now?: () => number
  limits?: {
    /** cap on `limit` (default 100) */
    maxPageSize?: number
    /** page size without `limit` (default 25) */
    defaultPageSize?: number
    /** Platform (X-App-Usage) calls per rolling hour before code 4 (default 10,000) */
    appCallsPerHour?: number
    /** BUC calls per business and use case per rolling hour before 800xx (default 5,000) */
    bucCallsPerHour?: number
  }
}

export interface IssueTokenOptions {
  kind: 'user' | 'system_user' | 'app' | 'page'
  /** person (default: the seed's admin) or system user (required for 'system_user') */
  userId?: string
  /** default: the seed's app */
  appId?: string
  /** the Page a 'page' token acts as */
  pageId?: string
  /** default: the admin's scopes for 'user', business_management for 'system_user', none else */
  scopes?: readonly string[]
  /** absolute expiry, unix seconds; 0 = never */
  expiresAt?: number
  /** expiry relative to the simulator clock; negative = already expired */
  expiresInSeconds?: number
  revoked?: boolean
}

export interface RunningSimulator {
  /** 'http://127.0.0.1:<port>' (no version suffix) */
  readonly baseUrl: string
  readonly version: string
  readonly fixtures: SeedFixtures
  /** direct read access for assertions (and mutators to set up a scenario) */
  readonly model: SimulatorModel
  readonly faults: FaultInjector
  /** every request as received, in arrival order */
  readonly requests: readonly RecordedRequest[]
  setPageTaskVocabulary(vocabulary: PageTaskVocabulary): void
  /** Test helper: mint a token (user / system user / app / page), e.g. expired or scope-less. */
  issueToken(options: IssueTokenOptions): string
  close(): Promise<void>
}

function issue(model: SimulatorModel, fixtures: SeedFixtures, o: IssueTokenOptions): string {
  const appId = o.appId ?? fixtures.appId
  if (o.kind === 'app') {
    const app = model.app(appId)
    if (!app) throw new Error(`issueToken: unknown app ${appId}`)
    return `${app.id}|${app.secret}`
  }
  if (o.kind === 'system_user' && !o.userId) throw new Error('issueToken: system_user needs userId')
  const type = ({ user: 'USER', system_user: 'SYSTEM_USER', page: 'PAGE' } as const)[o.kind]
  const defaultScopes = { user: ADMIN_TOKEN_SCOPES, system_user: ['business_management'], page: [] }
  const nowS = Math.floor(model.now() / 1000)
  const expiresAt = o.expiresInSeconds !== undefined ? nowS + o.expiresInSeconds : o.expiresAt
  return model.mintToken({
    type,
    appId,
    userId: o.userId ?? fixtures.adminUserId,
    ...(o.pageId !== undefined ? { pageId: o.pageId } : {}),
    scopes: o.scopes ?? defaultScopes[o.kind],
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    ...(o.revoked !== undefined ? { revoked: o.revoked } : {}),
  }).value
}

/**
 * Starts the practice simulator of Meta's Graph API on 127.0.0.1: seeded model, HTTP server,
 * usage tracking and the fault injector. Main starts it in practice mode; the tests start their own.
 */
export async function startSimulator(
  options: StartSimulatorOptions = {},
): Promise<RunningSimulator> {
  const now = options.now ?? Date.now
  const seed = options.seed ?? 'sample'
  const model = new SimulatorModel(now, seed === 'large' ? LARGE_ID_BASE : SAMPLE_ID_BASE)
  const fixtures = seed === 'large' ? seedLarge(model) : seedSample(model)
  model.pageTaskVocabulary = options.pageTaskVocabulary ?? 'sdk'
  const limits = options.limits ?? {}
  const faults = new FaultController()
  const state: SimState = {
    model,
    usage: new UsageTracker(
      {
        appCallsPerHour: limits.appCallsPerHour ?? 10_000,
        bucCallsPerHour: limits.bucCallsPerHour ?? 5_000,
      },
      now,
    ),
    faults,
    version: options.version ?? DEFAULT_GRAPH_VERSION,
    baseUrl: '',
    now,
    pageSize: { default: limits.defaultPageSize ?? 25, max: limits.maxPageSize ?? 100 },
    primaryAppId: fixtures.appId,
    primaryBusinessId: fixtures.businessId,
  }
  const requests: RecordedRequest[] = []
  const closing = new AbortController()
  const server = createGraphServer(state, requests, closing.signal)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  state.baseUrl = `http://127.0.0.1:${port}`

  return {
    baseUrl: state.baseUrl,
    version: state.version,
    fixtures,
    model,
    faults,
    requests,
    setPageTaskVocabulary: (vocabulary) => {
      model.pageTaskVocabulary = vocabulary
    },
    issueToken: (o) => issue(model, fixtures, o),
    close: async () => {
      closing.abort()
      // Hanging and keep-alive sockets would hold close() forever.
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
