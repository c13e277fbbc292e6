import { ok, type AppError, type Result } from '@shared/result'
import { SecretStoreError, type SecretRef, type SecretStore } from './secret-store'

/**
 * The SecretStore as its callers use it: every answer a `Result`. The port itself throws, so each
 * adapter (the keychain, the memory store, the tests' file store and fault wrappers) stays a thin
 * translation of its library and the contract tests see one shape; the mapping from a thrown
 * `SecretStoreError` to the `AppError` the admin reads is written here once, and the callers
 * (connection store, guided flow, vault) branch on data instead of catching.
 *
 * Codes and message keys pass through unchanged: `keychain-unavailable` with the adapter's own
 * reason (no Secret Service, locked) or `keychain-failed`. The error's `detail` stays behind: the
 * adapter has logged it (redacted) already, and it is never returned
 * (docs/architecture.md › Secrets).
 */
export interface Keychain {
  /** The entry's secret; null when there is no such entry. */
  get(ref: SecretRef): Promise<Result<string | null>>
  set(ref: SecretRef, secret: string): Promise<Result<void>>
  /** True when an entry was removed. */
  delete(ref: SecretRef): Promise<Result<boolean>>
}

/** The keychain answered, but not as asked (an error, or a read-back that differs). */
export const KEYCHAIN_FAILED: AppError = {
  code: 'keychain-failed',
  messageKey: 'errors.keychainFailed',
}

/**
 * A store's throw as the admin's error. Anything but a SecretStoreError is an adapter bug; it is
 * still a keychain failure to the admin, never its text (which could name an entry).
 */
export function keychainError(error: unknown): AppError {
  return error instanceof SecretStoreError
    ? { code: error.code, messageKey: error.messageKey }
    : KEYCHAIN_FAILED
}

const answer = async <T>(call: () => Promise<T>): Promise<Result<T>> => {
  try {
    return ok(await call())
  } catch (error) {
    return { ok: false, error: keychainError(error) }
  }
}

/** The store's reads and writes, answering `Result`s (see Keychain). */
export function keychainOf(store: SecretStore): Keychain {
  return {
    get: (ref) => answer(() => store.get(ref)),
    set: (ref, secret) => answer(() => store.set(ref, secret)),
    delete: (ref) => answer(() => store.delete(ref)),
  }
}
