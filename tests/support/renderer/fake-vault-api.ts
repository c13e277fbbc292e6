import type { Api } from '@shared/ipc/api-types'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import type { HealthProgressEvent, LOCK_REASONS } from '@shared/ipc/schemas/vault-views'
import { err, ok } from '@shared/result'
import { fakeAttention } from './fake-vault-list'

/** The vault's `window.api` methods (the list itself stays in fake-api.ts). */
export type VaultMethodName =
  | 'getVaultRecord'
  | 'getVaultState'
  | 'revealSecret'
  | 'endReveal'
  | 'copySecret'
  | 'lockVault'
  | 'unlockVault'
  | 'checkTokenHealth'
  | 'cancelHealthCheck'
  | 'refreshToken'
  | 'startRotation'
  | 'confirmRotation'
  | 'revokeToken'
  | 'revokeAllTokens'
  | 'removeVaultRecord'
  | 'setVaultRecordNote'
  | 'importToken'
  | 'createVaultBackup'
  | 'restoreVaultBackup'
  | 'exportInventory'
  | 'listAuditEntries'
  | 'exportAuditLog'
  | 'getExpiryReminders'
  | 'getVaultPreferences'
  | 'setVaultPreferences'

type VaultEventName = 'onVaultChanged' | 'onVaultLocked' | 'onRevealEnded' | 'onHealthProgress'
export type VaultMethods = Pick<Api, VaultMethodName | VaultEventName>

export interface FakeVaultOptions {
  /** Replaces any default answer. */
  readonly overrides?: Partial<Pick<Api, VaultMethodName>>
}

export interface FakeVault {
  readonly methods: VaultMethods
  /** Every request each method received, in order. */
  readonly calls: Readonly<Record<VaultMethodName, unknown[]>>
  emitLocked(reason?: (typeof LOCK_REASONS)[number]): void
  emitRevealEnded(recordId: string): void
  emitChanged(ids: string[]): void
  emitHealth(event: HealthProgressEvent): void
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The value the fake reveals: recognisable in assertions, never a real token. */
export const fakeTokenValue = (record: VaultListItem): string =>
  `FAKE-TOKEN-VALUE-${record.fingerprint}`

const isAdmin = (record: VaultListItem): boolean =>
  record.kind === 'admin-user' ||
  record.kind === 'admin-system-user' ||
  record.systemUserRole === 'ADMIN'

/** Buckets the records by week over 84 days, as main's reminders do (for the timeline). */
function timelineOf(records: readonly VaultListItem[], now: number) {
  const bucketDays = 7
  const horizonDays = 84
  const buckets = Array.from({ length: horizonDays / bucketDays }, (_, index) => ({
    fromDay: index * bucketDays,
    toDay: (index + 1) * bucketDays,
    recordIds: [] as string[],
  }))
  const expired: string[] = []
  const later: string[] = []
  const never: string[] = []
  for (const record of records) {
    if (record.lastCheck?.outcome === 'revoked') continue
    if (record.expiresAt === null) {
      never.push(record.id)
      continue
    }
    const days = (Date.parse(record.expiresAt) - now) / DAY_MS
    if (days <= 0) expired.push(record.id)
    else if (days >= horizonDays) later.push(record.id)
    else buckets[Math.floor(days / bucketDays)]!.recordIds.push(record.id)
  }
  const expiringSoon = records
    .filter((record) => {
      if (record.expiresAt === null) return false
      const days = (Date.parse(record.expiresAt) - now) / DAY_MS
      return days > 0 && days <= 14
    })
    .map((record) => record.id)
  return { expiringSoon, timeline: { horizonDays, bucketDays, expired, buckets, later, never } }
}

/**
 * The vault half of the fake bridge: answers like main's vault services over the given records
 * (metadata only; the "token" it reveals is a fixed fake string), and pushes the vault's events.
 */
export function createFakeVault(
  records: () => readonly VaultListItem[],
  options: FakeVaultOptions = {},
): FakeVault {
  const names: VaultMethodName[] = [
    'getVaultRecord',
    'getVaultState',
    'revealSecret',
    'endReveal',
    'copySecret',
    'lockVault',
    'unlockVault',
    'checkTokenHealth',
    'cancelHealthCheck',
    'refreshToken',
    'startRotation',
    'confirmRotation',
    'revokeToken',
    'revokeAllTokens',
    'removeVaultRecord',
    'setVaultRecordNote',
    'importToken',
    'createVaultBackup',
    'restoreVaultBackup',
    'exportInventory',
    'listAuditEntries',
    'exportAuditLog',
    'getExpiryReminders',
    'getVaultPreferences',
    'setVaultPreferences',
  ]
  const calls = Object.fromEntries(names.map((name) => [name, [] as unknown[]])) as Record<
    VaultMethodName,
    unknown[]
  >
  const listeners = {
    changed: new Set<(event: { ids: string[] }) => void>(),
    locked: new Set<
      (event: { reason: (typeof LOCK_REASONS)[number]; messageKey: string }) => void
    >(),
    revealEnded: new Set<(event: { recordId: string; reason: 'timeout' }) => void>(),
    health: new Set<(event: HealthProgressEvent) => void>(),
  }
  const find = (id: string): VaultListItem | undefined => records().find((r) => r.id === id)
  const notFound = err('not-found', 'errors.internal')
  const rotated = new Map<string, VaultListItem>()
  let preferences = { idleLockMinutes: 5, clipboardClearSeconds: 30 }

  const defaults: Pick<Api, VaultMethodName> = {
    getVaultRecord: async ({ id }) => {
      const record = find(id) ?? rotated.get(id)
      return record ? ok({ record }) : notFound
    },
    getVaultState: async () => ok({ locked: false, clipboardClearSeconds: 30, revealSeconds: 30 }),
    revealSecret: async ({ id, confirmAdmin }) => {
      const record = find(id)
      if (!record) return notFound
      if (isAdmin(record) && confirmAdmin !== true) return ok({ outcome: 'confirm-admin' as const })
      return ok({
        outcome: 'revealed' as const,
        recordId: id,
        value: fakeTokenValue(record),
        hidesAt: Date.now() + 30_000,
        captureBlocked: false,
      })
    },
    endReveal: async () => ok({ hidden: true }),
    copySecret: async ({ id, confirmAdmin }) => {
      const record = find(id) ?? rotated.get(id)
      if (!record) return notFound
      if (isAdmin(record) && confirmAdmin !== true) return ok({ outcome: 'confirm-admin' as const })
      return ok({ outcome: 'copied' as const, clearsInSeconds: 30 })
    },
    lockVault: async () => ok({ locked: true as const }),
    unlockVault: async () => ok({ locked: false as const }),
    checkTokenHealth: async (request) =>
      ok({ jobId: 'job-1', total: 'all' in request ? records().length : request.ids.length }),
    cancelHealthCheck: async () => ok({ cancelled: true }),
    refreshToken: async ({ id }) => {
      const record = find(id)
      if (!record) return notFound
      return ok({
        record: { ...record, expiresAt: new Date(Date.now() + 60 * DAY_MS).toISOString() },
      })
    },
    startRotation: async ({ id }) => {
      const record = find(id)
      if (!record) return notFound
      const next = { ...record, id: `${id}-new`, fingerprint: 'N3w4', replaces: id }
      rotated.set(next.id, next)
      return ok({ oldId: id, record: next })
    },
    confirmRotation: async ({ id }) => {
      const next = rotated.get(id)
      if (!next) return notFound
      const { replaces, ...record } = next
      rotated.set(id, record)
      return ok({ record, oldId: replaces ?? '', oldRevokedVerified: true })
    },
    revokeToken: async ({ id }) => {
      const record = find(id)
      if (!record) return notFound
      return ok({
        record: {
          ...record,
          lastCheck: { at: new Date().toISOString(), outcome: 'revoked' as const },
        },
        verified: true,
      })
    },
    revokeAllTokens: async () => ok({ revokedIds: [], verified: true }),
    getVaultPreferences: async () => ok({ preferences }),
    setVaultPreferences: async (request) => {
      preferences = request
      return ok({ preferences })
    },
    removeVaultRecord: async ({ id }) => (find(id) ? ok({ removed: true as const }) : notFound),
    setVaultRecordNote: async ({ id, note }) => {
      const record = find(id)
      return record ? ok({ record: { ...record, notes: note } }) : notFound
    },
    importToken: async () => {
      const first = records()[0]
      return first ? ok({ record: first }) : notFound
    },
    createVaultBackup: async () =>
      ok({
        outcome: 'saved' as const,
        location: '/home/admin/vault.backup',
        count: records().length,
      }),
    restoreVaultBackup: async () => ok({ outcome: 'restored' as const, added: 1, replaced: 0 }),
    exportInventory: async () =>
      ok({
        outcome: 'saved' as const,
        location: '/home/admin/tokens.csv',
        count: records().length,
      }),
    listAuditEntries: async () =>
      ok({
        entries: [],
        nextBefore: null,
        chain: { ok: true, messageKey: 'vaultMain.audit.chain.ok' },
      }),
    exportAuditLog: async () =>
      ok({ outcome: 'saved' as const, location: '/home/admin/activity-log.csv', count: 0 }),
    getExpiryReminders: async () =>
      ok({
        due: [],
        ...timelineOf(records(), Date.now()),
        attention: fakeAttention(records(), Date.now()),
      }),
  }

  const methods = Object.fromEntries(
    names.map((name) => {
      const implementation = (options.overrides?.[name] ?? defaults[name]) as (
        request?: unknown,
      ) => Promise<unknown>
      return [
        name,
        async (request?: unknown) => {
          calls[name].push(request)
          return implementation(request)
        },
      ]
    }),
  ) as unknown as Pick<Api, VaultMethodName>

  const subscribe =
    <T>(set: Set<(event: T) => void>) =>
    (listener: (event: T) => void) => {
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    }

  return {
    methods: {
      ...methods,
      onVaultChanged: subscribe(listeners.changed),
      onVaultLocked: subscribe(listeners.locked),
      onRevealEnded: subscribe(listeners.revealEnded),
      onHealthProgress: subscribe(listeners.health),
    },
    calls,
    emitLocked: (reason = 'idle') =>
      listeners.locked.forEach((listener) =>
        listener({ reason, messageKey: `vaultMain.lock.reason.${reason}` }),
      ),
    emitRevealEnded: (recordId) =>
      listeners.revealEnded.forEach((listener) => listener({ recordId, reason: 'timeout' })),
    emitChanged: (ids) => listeners.changed.forEach((listener) => listener({ ids })),
    emitHealth: (event) => listeners.health.forEach((listener) => listener(event)),
  }
}
