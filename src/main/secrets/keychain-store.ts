import { randomUUID } from 'node:crypto'
import { type Logger, silentLogger } from '../log/logger'
import { redactText, registerSecret } from '../log/redact'
import {
  type KeyringBackend,
  KeyringTimeoutError,
  SECURE_BACKENDS,
  classifyKeyringError,
  napiKeyringBackend,
} from './keyring-backend'
import {
  type SecretRef,
  type SecretStore,
  SecretStoreError,
  type SecretStoreStatus,
} from './secret-store'

/** Everything is optional: the app passes its logger; tests inject a back end and a clock. */
export interface KeychainStoreOptions {
  /** Prefix of every keychain service name: `<appId>.<kind>`. */
  readonly appId?: string
  readonly log?: Logger
  /** The native keyring; tests inject failing ones. Defaults to @napi-rs/keyring pinned to secret-service. */
  readonly backend?: KeyringBackend
  /** How long a successful probe is trusted, so listing status does not hammer D-Bus. */
  readonly statusCacheMs?: number
  /** Upper bound on one keyring call; an unanswered unlock prompt must not hang the app. */
  readonly timeoutMs?: number
  readonly now?: () => number
}

/** Service-name prefix of the app's keychain entries. */
export const DEFAULT_APP_ID = 'system-user-assistant'
const PROBE_ACCOUNT = 'status-probe'

interface ProbeOutcome {
  readonly status: SecretStoreStatus
  readonly at: number
}

/**
 * The SecretStore on the OS keychain. Each secret is one entry: service `<appId>.<kind>`, account =
 * the record id. It never falls back to plaintext or to the kernel keyring: when the probe finds no
 * secure store, `set` refuses (docs/architecture.md › Secrets, SEC-11).
 */
export function createKeychainStore(options: KeychainStoreOptions = {}): SecretStore {
  const appId = options.appId ?? DEFAULT_APP_ID
  const log = options.log ?? silentLogger
  const backend = options.backend ?? napiKeyringBackend()
  const cacheMs = options.statusCacheMs ?? 30_000
  const timeoutMs = options.timeoutMs ?? 30_000
  const now = options.now ?? Date.now

  let cached: ProbeOutcome | undefined
  let inflight: Promise<SecretStoreStatus> | undefined

  const call = async <T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort()
        reject(new KeyringTimeoutError(timeoutMs))
      }, timeoutMs)
    })
    try {
      return await Promise.race([run(controller.signal), timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  const fail = (op: string, error: unknown): SecretStoreError => {
    const message = error instanceof Error ? error.message : String(error)
    const failure = classifyKeyringError(error, redactText(`${op}: ${message}`))
    if (failure.code === 'keychain-unavailable') cached = undefined
    log.warn('keychain.failed', { op, code: failure.code, detail: failure.detail })
    return failure
  }

  const unavailable = (problemKey: string): SecretStoreStatus => ({
    available: false,
    backend: backend.name,
    problemKey,
  })

  const runProbe = async (): Promise<SecretStoreStatus> => {
    if (!SECURE_BACKENDS.has(backend.name)) {
      log.warn('keychain.insecure-backend', { backend: backend.name })
      return unavailable('errors.keychainUnavailable')
    }
    // A harmless round trip: reading alone is not enough, because a locked collection answers
    // "no entry" to a read (measured with gnome-keyring) instead of failing.
    const value = `probe-${randomUUID()}`
    try {
      const entry = backend.open(`${appId}.probe`, PROBE_ACCOUNT)
      await call((signal) => entry.setPassword(value, signal))
      const read = await call((signal) => entry.getPassword(signal))
      const removed = await call((signal) => entry.deleteCredential(signal))
      if (read !== value || !removed) {
        throw new SecretStoreError('keychain-failed', 'errors.keychainFailed', 'probe mismatch')
      }
      return { available: true, backend: backend.name }
    } catch (error) {
      return unavailable(fail('probe', error).messageKey)
    }
  }

  /** One probe at a time: concurrent probes would race on the same probe entry. */
  const probe = (): Promise<SecretStoreStatus> => {
    inflight ??= runProbe()
      .then((status) => {
        // Only success is cached: after a failure the next call probes again, so unlocking the
        // keychain takes effect at once.
        cached = status.available ? { status, at: now() } : undefined
        return status
      })
      .finally(() => {
        inflight = undefined
      })
    return inflight
  }

  const status = async (): Promise<SecretStoreStatus> => {
    if (cached && now() - cached.at < cacheMs) return cached.status
    return probe()
  }

  const entryFor = (ref: SecretRef) => {
    if (ref.id.length === 0) {
      throw new SecretStoreError('keychain-failed', 'errors.keychainFailed', 'empty record id')
    }
    return backend.open(`${appId}.${ref.kind}`, ref.id)
  }

  /** A read or delete that finds nothing is re-checked: locked and daemon-less stores answer "none". */
  const confirmAbsent = async (): Promise<void> => {
    const fresh = await probe()
    if (!fresh.available) {
      throw new SecretStoreError(
        'keychain-unavailable',
        fresh.problemKey ?? 'errors.keychainUnavailable',
        'entry not found while the keychain is unavailable',
      )
    }
  }

  return {
    status,
    set: async (ref, secret) => {
      registerSecret(secret)
      const current = await status()
      if (!current.available) {
        log.warn('keychain.refused-write', { kind: ref.kind, problemKey: current.problemKey })
        throw new SecretStoreError(
          'keychain-unavailable',
          current.problemKey ?? 'errors.keychainUnavailable',
          'no secure keychain: refusing to store',
        )
      }
      try {
        const entry = entryFor(ref)
        // On a timeout the outcome is unknown (the write may still land); the caller is told it
        // failed and records nothing, so at worst an unreferenced entry remains in the keychain.
        await call((signal) => entry.setPassword(secret, signal))
      } catch (error) {
        throw fail('set', error)
      }
    },
    get: async (ref) => {
      let value: string | null
      try {
        const entry = entryFor(ref)
        value = await call((signal) => entry.getPassword(signal))
      } catch (error) {
        throw fail('get', error)
      }
      if (value === null) {
        await confirmAbsent()
        return null
      }
      registerSecret(value)
      return value
    },
    delete: async (ref) => {
      let removed: boolean
      try {
        const entry = entryFor(ref)
        removed = await call((signal) => entry.deleteCredential(signal))
      } catch (error) {
        throw fail('delete', error)
      }
      if (!removed) await confirmAbsent()
      return removed
    },
  }
}
