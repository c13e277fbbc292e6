import { ConnectionSummary } from '@shared/ipc/schemas/connect'
import type { AppMode } from '@shared/ipc/schemas/mode'
import { err, ok, type AppError, type Result } from '@shared/result'
import type { Logger } from '../log/logger'
import { keychainOf } from '../secrets/keychain'
import type { SecretRef, SecretStore } from '../secrets/secret-store'
import type { KvStore } from '../settings/kv-store'
import { migrateConnection } from '../settings/migrations'
import type { Settings } from '../settings/settings'
import { adminTokenRef, appSecretRef, connectionRecordId } from './app-credentials'

/**
 * The one connection main keeps: its secrets (the admin's token, the app secret) in the keychain
 * only, its summary in settings only (docs/architecture.md › Secrets). Saving is all or nothing:
 * when a keychain write or the settings write fails, whatever this save already wrote is put back
 * as it was, so a failure never leaves a secret without its connection, or a connection without its
 * secret.
 */
export interface ConnectionSecrets {
  readonly token: string
  readonly appSecret: string
}

export interface StoredConnection extends ConnectionSecrets {
  readonly summary: ConnectionSummary
}

export interface ConnectionStore {
  summary(): ConnectionSummary | null
  save(summary: ConnectionSummary, secrets: ConnectionSecrets): Promise<Result<void>>
  /** The connection with its secrets, read from the keychain (main only). */
  load(): Promise<Result<StoredConnection>>
  /** Replaces the summary (e.g. the chosen business); the secrets stay as they are. */
  update(summary: ConnectionSummary): Result<void>
  /** Removes the secrets, then the summary. */
  clear(): Promise<Result<void>>
  rememberedBusiness(mode: AppMode, appId: string): string | undefined
  rememberBusiness(mode: AppMode, appId: string, businessId: string): Result<void>
}

/** A settings write that failed, as the admin reads it (keychain failures come from keychainOf). */
const STORAGE_FAILED: AppError = { code: 'storage-failed', messageKey: 'errors.storageFailed' }

const refsOf = (summary: Pick<ConnectionSummary, 'mode' | 'appId'>): SecretRef[] => [
  appSecretRef(summary.mode, summary.appId),
  adminTokenRef(summary.mode, summary.appId),
]

export function createConnectionStore(deps: {
  readonly secrets: SecretStore
  readonly settings: KvStore<Settings>
  readonly log: Logger
}): ConnectionStore {
  const { settings, log } = deps
  const keychain = keychainOf(deps.secrets)

  const writeSettings = <K extends keyof Settings>(key: K, value: Settings[K]): Result<void> => {
    try {
      settings.set(key, value)
      return ok(undefined)
    } catch (error) {
      log.error('connect.settings-write-failed', { key: String(key), error })
      return { ok: false, error: STORAGE_FAILED }
    }
  }

  /** Puts each written entry back to what it held before (or removes it). Best effort, logged. */
  const rollBack = async (
    written: readonly SecretRef[],
    before: ReadonlyMap<SecretRef, string>,
  ) => {
    for (const ref of written) {
      const previous = before.get(ref)
      const undone =
        previous === undefined ? await keychain.delete(ref) : await keychain.set(ref, previous)
      if (!undone.ok)
        log.error('connect.rollback-failed', { kind: ref.kind, code: undone.error.code })
    }
  }

  const deleteQuietly = async (refs: readonly SecretRef[]) => {
    for (const ref of refs) {
      const removed = await keychain.delete(ref)
      if (!removed.ok) {
        log.warn('connect.old-secret-not-removed', { kind: ref.kind, code: removed.error.code })
      }
    }
  }

  /**
   * The stored summary, if it still reads as one (a hand-edited file is treated as none); one an
   * older version wrote is read in today's shape (settings/migrations.ts).
   */
  const readSummary = (): ConnectionSummary | null => {
    const raw: unknown = settings.get('connection')
    if (raw === null || raw === undefined) return null
    const parsed = ConnectionSummary.safeParse(migrateConnection(raw))
    if (!parsed.success) log.warn('connect.stored-summary-unreadable')
    return parsed.success ? parsed.data : null
  }

  const remembered = (): Record<string, string> => {
    const raw: unknown = settings.get('rememberedBusinesses')
    return raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as Record<string, string>)
      : {}
  }

  // A practice connection does not outlive its session: the simulator and every token it minted
  // lived in memory, so one found at start-up is stale. Its metadata goes now, its entries soon.
  const found = readSummary()
  if (found?.mode === 'practice') {
    if (writeSettings('connection', null).ok) void deleteQuietly(refsOf(found))
  }

  return {
    summary: readSummary,

    async save(summary, values) {
      const previous = readSummary()
      const refs = refsOf(summary)
      const [secretRef, tokenRef] = refs as [SecretRef, SecretRef]
      const before = new Map<SecretRef, string>()
      const written: SecretRef[] = []
      const failed = async (error: AppError): Promise<Result<void>> => {
        log.warn('connect.keychain-write-failed', { code: error.code })
        await rollBack(written, before)
        return { ok: false, error }
      }
      // Reconnecting the same app overwrites its entries; remember them to restore on failure.
      for (const ref of refs) {
        const old = await keychain.get(ref)
        if (!old.ok) return failed(old.error)
        if (old.value !== null) before.set(ref, old.value)
      }
      for (const [ref, value] of [
        [secretRef, values.appSecret],
        [tokenRef, values.token],
      ] as const) {
        const stored = await keychain.set(ref, value)
        if (!stored.ok) return failed(stored.error)
        written.push(ref)
      }
      const saved = writeSettings('connection', summary)
      if (!saved.ok) {
        await rollBack(written, before)
        return saved
      }
      if (
        previous &&
        connectionRecordId(previous.mode, previous.appId) !==
          connectionRecordId(summary.mode, summary.appId)
      ) {
        // The connection this one replaced (practice → real) leaves nothing behind.
        await deleteQuietly(refsOf(previous))
      }
      return ok(undefined)
    },

    async load() {
      const summary = readSummary()
      if (!summary) return err('not-connected', 'connectMain.error.notConnected')
      const [secretRef, tokenRef] = refsOf(summary) as [SecretRef, SecretRef]
      const appSecret = await keychain.get(secretRef)
      if (!appSecret.ok) return appSecret
      const token = await keychain.get(tokenRef)
      if (!token.ok) return token
      if (appSecret.value === null || token.value === null) {
        return err('not-connected', 'connectMain.error.credentialsMissing', {
          hintKey: 'connectMain.hint.signInAgain',
        })
      }
      return ok({ summary, token: token.value, appSecret: appSecret.value })
    },

    update: (summary) => writeSettings('connection', summary),

    async clear() {
      const summary = readSummary()
      if (!summary) return writeSettings('connection', null)
      for (const ref of refsOf(summary)) {
        const removed = await keychain.delete(ref)
        if (!removed.ok) {
          // Keep the summary: the admin can unlock the keychain and try again, nothing is lost.
          log.warn('connect.keychain-delete-failed', { code: removed.error.code })
          return removed
        }
      }
      return writeSettings('connection', null)
    },

    rememberedBusiness: (mode, appId) => {
      const value: unknown = remembered()[connectionRecordId(mode, appId)]
      return typeof value === 'string' ? value : undefined
    },

    rememberBusiness: (mode, appId, businessId) =>
      writeSettings('rememberedBusinesses', {
        ...remembered(),
        [connectionRecordId(mode, appId)]: businessId,
      }),
  }
}
