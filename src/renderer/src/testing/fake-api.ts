import type { Api } from '@shared/ipc/api-types'
import type { AppStatus } from '@shared/ipc/schemas/app'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { ok, type Result } from '@shared/result'

/** A practice-mode status with a working keychain: what a fresh install reports. */
export const PRACTICE_STATUS: AppStatus = {
  version: '0.1.0',
  mode: 'practice',
  keychain: { available: true, backend: 'secret-service' },
  connection: null,
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
}

/** A typed stand-in for `window.api`: records calls, answers as configured, pushes events. */
export interface FakeApi {
  readonly api: Api
  readonly calls: { getAppStatus: number; listVaultRecords: number; openExternalLink: string[] }
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
  const api: Api = {
    getAppStatus: async () => {
      calls.getAppStatus += 1
      return answer(options.status ?? ok(PRACTICE_STATUS))
    },
    openExternalLink: async ({ url }) => {
      calls.openExternalLink.push(url)
      return ok({ opened: true as const })
    },
    listVaultRecords: async () => {
      calls.listVaultRecords += 1
      return answer(options.vault ?? ok({ records: [] }))
    },
    onAppStatusChanged: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return {
    api,
    calls,
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
