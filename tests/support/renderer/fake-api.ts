import type { Api } from '@shared/ipc/api-types'
import type { AppStatus } from '@shared/ipc/schemas/app'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { ok, type Result } from '@shared/result'
import {
  createFakeConnect,
  type FakeConnectCalls,
  type FakeConnectOptions,
} from './fake-connect-api'
import { createFakeFlow, type FakeFlow, type FakeFlowOptions } from './fake-flow-api'
import { createFakeVault, type FakeVault, type FakeVaultOptions } from './fake-vault-api'
import { fakeListPage } from './fake-vault-list'

/** A practice-mode status with a working keychain: what a fresh install reports. */
export const PRACTICE_STATUS: AppStatus = {
  version: '0.1.0',
  mode: 'practice',
  keychain: { available: true, backend: 'secret-service' },
  connection: null,
  practice: { businessName: 'Harbour Lane Bakery' },
  graphApi: { version: 'v27.0', retiresNotBefore: '2028-11-04', retiresInDays: null },
}

/** The same, with no Secret Service reachable. */
export const NO_KEYCHAIN_STATUS: AppStatus = {
  ...PRACTICE_STATUS,
  keychain: { available: false, backend: 'secret-service', problemKey: 'errors.keychainLocked' },
}

/** A vault record as main's index lists it (metadata only). */
export const makeRecord = (overrides: Partial<VaultRecordSummary> = {}): VaultRecordSummary => ({
  id: 'rec-1',
  kind: 'system-user',
  practice: true,
  businessId: '100200300',
  businessName: 'Harbour Lane Bakery',
  systemUserId: '6100000001',
  systemUserName: 'Ad reports reader',
  appId: '900800700',
  appName: 'Bakery Reports',
  scopes: ['ads_read'],
  createdAt: '2026-11-01T10:00:00.000Z',
  expiresAt: '2027-01-15T12:00:00.000Z',
  fingerprint: 'Xk9Q',
  lastCheck: null,
  ...overrides,
})

type Answer<T> = Result<T> | (() => Promise<Result<T>>)

export interface FakeApiOptions {
  readonly status?: Answer<AppStatus>
  readonly vault?: Answer<{ records: VaultRecordSummary[] }>
  /** Answers of the Connect calls (default: the happy practice path). */
  readonly connect?: FakeConnectOptions
  /** Answers of the vault calls beyond the list (default: main's happy path over `vault`). */
  readonly vaultApi?: FakeVaultOptions
  /** Answers of the guided flow's `flow:*` calls (default: a happy practice run). */
  readonly flow?: FakeFlowOptions
}

/** A typed stand-in for `window.api`: records calls, answers as configured, pushes events. */
export interface FakeApi {
  readonly api: Api
  readonly calls: { getAppStatus: number; listVaultRecords: number; openExternalLink: string[] }
  /** The Connect requests received, in order. */
  readonly connect: FakeConnectCalls
  /** The vault requests received, and main's vault events to push. */
  readonly vault: FakeVault
  /** The `flow:*` requests received, and `flow:run-progress` to push. */
  readonly flow: FakeFlow
  /** Pushes `app:status-changed` to every subscriber, as main would. */
  emitStatus(status: AppStatus): void
  listenerCount(): number
}

const answer = async <T>(value: Answer<T>): Promise<Result<T>> =>
  typeof value === 'function' ? value() : value

/**
 * Builds a fake bridge. Typed as `Api`, so a channel added to the contract without a fake method
 * fails to compile here rather than passing silently.
 */
export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const listeners = new Set<(status: AppStatus) => void>()
  const calls: FakeApi['calls'] = { getAppStatus: 0, listVaultRecords: 0, openExternalLink: [] }
  const connect = createFakeConnect(options.connect)
  // The vault's other calls answer over the records the list answer holds (when it is a value).
  const vault = createFakeVault(
    () =>
      typeof options.vault === 'object' && options.vault.ok ? options.vault.value.records : [],
    options.vaultApi,
  )
  const flow = createFakeFlow(options.flow)
  const api: Api = {
    getAppStatus: async () => {
      calls.getAppStatus += 1
      return connect.withConnection(await answer(options.status ?? ok(PRACTICE_STATUS)))
    },
    openExternalLink: async ({ url }) => {
      calls.openExternalLink.push(url)
      return ok({ opened: true as const })
    },
    listVaultRecords: async (request) => {
      calls.listVaultRecords += 1
      // The configured answer holds the whole vault; main answers one page of it (vault-view.ts).
      const answered = await answer(options.vault ?? ok({ records: [] }))
      return answered.ok
        ? ok(fakeListPage(answered.value.records, request ?? {}, Date.now()))
        : answered
    },
    ...connect.methods,
    ...vault.methods,
    ...flow.methods,
    onAppStatusChanged: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return {
    api,
    calls,
    connect: connect.calls,
    vault,
    flow,
    emitStatus: (status) => listeners.forEach((listener) => listener(status)),
    listenerCount: () => listeners.size,
  }
}

/** A promise whose answer the test decides, to order concurrent answers deliberately. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}
