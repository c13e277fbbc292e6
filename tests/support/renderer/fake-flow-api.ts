import type { Api } from '@shared/ipc/api-types'
import {
  RUN_ACTION_KINDS,
  type AssetItem,
  type AssetsPageResponse,
  type RunProgress,
  type RunStartRequest,
  type RunSummary,
  type FlowOverview,
} from '@shared/ipc/schemas/flow'
import { ok, type Result } from '@shared/result'

type Answer<T> = Result<T> | (() => Promise<Result<T>>)
const answer = async <T>(value: Answer<T>): Promise<Result<T>> =>
  typeof value === 'function' ? value() : value

/** A business with one Employee system user, one free regular slot and a free admin slot. */
export const makeOverview = (overrides: Partial<FlowOverview> = {}): FlowOverview => ({
  businessId: '100200300',
  businessName: 'Harbour Lane Bakery',
  practice: true,
  systemUsers: [
    {
      id: '6100000001',
      name: 'Ad reports reader',
      role: 'EMPLOYEE',
      assets: [
        {
          kind: 'ad-account',
          readable: true,
          assets: [{ id: 'act_1', name: 'Bakery ads', tasks: ['ANALYZE'] }],
        },
      ],
      apps: [{ id: '900800700', name: 'Bakery Reports' }],
      vaultRecordIds: ['rec-1'],
    },
  ],
  quota: {
    regular: { used: 1, limit: 10, left: 9 },
    admin: { used: 0, limit: 1, left: 1 },
  },
  canDelete: false,
  deleteReasonKey: 'flowMain.overview.noDelete',
  deleteHelpUrl: 'https://business.facebook.com/settings/system-users',
  ...overrides,
})

/** A run summary as main returns it (never a token: the vault record id names it). */
export const makeRunSummary = (overrides: Partial<RunSummary> = {}): RunSummary => ({
  runId: 'run-1',
  practice: true,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  status: 'planned',
  businessId: '100200300',
  businessName: 'Harbour Lane Bakery',
  appId: '900800700',
  name: 'Ad reports',
  role: 'EMPLOYEE',
  goalId: 'read-ad-reports',
  scopes: ['ads_read'],
  warnings: [],
  expiry: '60-days',
  assetCount: 1,
  actions: RUN_ACTION_KINDS.map((kind) => ({ kind, state: 'planned', done: 0, total: 1 })),
  adopted: false,
  differences: [],
  resumable: true,
  ...overrides,
})

/** The same run, finished: every action done, the token in the vault. */
export const finishedRun = (run: RunSummary): RunSummary => ({
  ...run,
  status: 'done',
  actions: run.actions.map((action) => ({ ...action, state: 'done', done: action.total })),
  systemUserId: '6100000099',
  vaultRecordId: 'rec-99',
  tokenExpiresAt: '2027-01-01T10:00:00.000Z',
  fingerprint: 'Qz7w',
})

/** `count` assets of a kind named "<prefix> 1…count", as main's cache would hold them. */
export const makeAssets = (count: number, prefix = 'Page'): AssetItem[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `${prefix.toLowerCase().replace(/\W+/g, '-')}-${index + 1}`,
    name: `${prefix} ${index + 1}`,
    relation: 'owned' as const,
    details: {},
  }))

export interface FakeFlowOptions {
  readonly overview?: Answer<FlowOverview>
  /** Assets by kind (default: 3 ad accounts, 3000 Pages). */
  readonly assets?: Readonly<Record<string, readonly AssetItem[]>>
  readonly unfinished?: Answer<{ runs: RunSummary[] }>
  readonly start?: (request: RunStartRequest) => Promise<Result<RunSummary>>
  /**
   * How `flow:run-continue` answers. Default: progress for each action, then the finished run.
   * `emit` pushes `flow:run-progress` as main would.
   */
  readonly continueRun?: (
    runId: string,
    emit: (progress: RunProgress) => void,
  ) => Promise<Result<RunSummary>>
}

export interface FakeFlowCalls {
  overview: number
  assetsPages: { kind: string; query?: string; offset: number; limit: number }[]
  starts: RunStartRequest[]
  continues: string[]
  cancels: string[]
  discards: string[]
  renames: { systemUserId: string; name: string }[]
}

/** The `flow:*` half of the fake bridge: records requests, pages assets like main's cache. */
export function createFakeFlow(options: FakeFlowOptions = {}) {
  const listeners = new Set<(progress: RunProgress) => void>()
  const emit = (progress: RunProgress): void => listeners.forEach((listener) => listener(progress))
  const calls: FakeFlowCalls = {
    overview: 0,
    assetsPages: [],
    starts: [],
    continues: [],
    cancels: [],
    discards: [],
    renames: [],
  }
  const assets = options.assets ?? {
    'ad-account': makeAssets(3, 'Ad account'),
    page: makeAssets(3000, 'Page'),
  }
  let lastRun = makeRunSummary()

  const methods = {
    getFlowOverview: async () => {
      calls.overview += 1
      return answer(options.overview ?? ok(makeOverview()))
    },
    renameSystemUser: async (request) => {
      calls.renames.push(request)
      return ok(request)
    },
    getAssetsPage: async (request) => {
      calls.assetsPages.push({ ...request })
      const all = assets[request.kind] ?? []
      const wanted = request.query?.toLowerCase() ?? ''
      const matching = all.filter((item) => item.name.toLowerCase().includes(wanted))
      const page: AssetsPageResponse = {
        kind: request.kind,
        total: all.length,
        matched: matching.length,
        offset: request.offset,
        items: matching.slice(request.offset, request.offset + request.limit),
      }
      return ok(page)
    },
    startFlowRun: async (request) => {
      calls.starts.push(request)
      if (options.start) return options.start(request)
      lastRun = makeRunSummary({ name: request.name, role: request.role, expiry: request.expiry })
      return ok(lastRun)
    },
    continueFlowRun: async ({ runId }) => {
      calls.continues.push(runId)
      if (options.continueRun) return options.continueRun(runId, emit)
      for (const kind of RUN_ACTION_KINDS) {
        emit({ runId, action: kind, state: 'in-flight', done: 0, total: 1 })
        emit({ runId, action: kind, state: 'done', done: 1, total: 1 })
      }
      return ok(finishedRun(lastRun))
    },
    cancelFlowRun: async ({ runId }) => {
      calls.cancels.push(runId)
      return ok({ cancelled: true })
    },
    listUnfinishedFlowRuns: async () => answer(options.unfinished ?? ok({ runs: [] })),
    discardFlowRun: async ({ runId }) => {
      calls.discards.push(runId)
      return ok({ discarded: true })
    },
    onFlowRunProgress: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  } satisfies Pick<
    Api,
    | 'getFlowOverview'
    | 'renameSystemUser'
    | 'getAssetsPage'
    | 'startFlowRun'
    | 'continueFlowRun'
    | 'cancelFlowRun'
    | 'listUnfinishedFlowRuns'
    | 'discardFlowRun'
    | 'onFlowRunProgress'
  >

  return { methods, calls, emit, progressListenerCount: () => listeners.size }
}

export type FakeFlow = ReturnType<typeof createFakeFlow>
