import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring'
import { SecretStoreError } from './secret-store'

/**
 * The native keyring behind the keychain adapter, reduced to what the adapter needs, so tests can
 * inject failing back ends (no D-Bus, no daemon, locked, kernel keyring) without touching the OS.
 */
export interface KeyringEntry {
  setPassword(secret: string, signal?: AbortSignal): Promise<void>
  /** Null when there is no such entry (and, on Linux, when the collection is locked: see below). */
  getPassword(signal?: AbortSignal): Promise<string | null>
  deleteCredential(signal?: AbortSignal): Promise<boolean>
}

export interface KeyringBackend {
  /** The store every entry lives in, e.g. "secret-service"; reported by status(). */
  readonly name: string
  open(service: string, account: string): KeyringEntry
}

/**
 * Stores that keep a secret encrypted at rest and across reboots. Anything else is refused:
 * SEC-11 forbids writes to `basic_text`/`keyutils`, and the kernel keyring loses every entry on
 * reboot, so a token "saved" there would silently vanish.
 */
export const SECURE_BACKENDS: ReadonlySet<string> = new Set([
  'secret-service',
  'macos-keychain',
  'windows-credential-manager',
])

/** The store @napi-rs/keyring uses on each platform once the Linux store is pinned. */
export function backendNameFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macos-keychain'
  if (platform === 'win32') return 'windows-credential-manager'
  return 'secret-service'
}

/**
 * Pins Linux (and FreeBSD) to the Secret Service. Without this, @napi-rs/keyring 2.x falls back to
 * the kernel keyutils store when no Secret Service answers: measured here, with no D-Bus session
 * the default entry fails with "AccessDenied" from keyutils, and an entry pinned to keyutils even
 * succeeds, which would lose the token at the next reboot. Ignored on macOS and Windows.
 */
export const PINNED_ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } }

/**
 * The real back end: AsyncEntry, so a slow D-Bus round trip (or an unlock prompt) runs off the
 * main thread instead of freezing every window.
 */
export function napiKeyringBackend(platform: NodeJS.Platform = process.platform): KeyringBackend {
  return {
    name: backendNameFor(platform),
    open: (service, account) => {
      const entry = new AsyncEntry(service, account, PINNED_ENTRY_OPTIONS)
      return {
        setPassword: (secret, signal) => entry.setPassword(secret, signal),
        getPassword: (signal) => entry.getPassword(signal),
        deleteCredential: (signal) => entry.deleteCredential(signal),
      }
    },
  }
}

/** Raised by the adapter's own guard when the keyring does not answer in time. */
export class KeyringTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`keyring did not answer within ${timeoutMs} ms`)
    this.name = 'KeyringTimeoutError'
  }
}

/*
 * The failure texts below were measured with @napi-rs/keyring 2.1.2 on Linux (see
 * docs/toolchain.md §5): a locked login collection gives "Secret Service: unlock prompt was
 * dismissed"; a bus whose auto-activated gnome-keyring cannot prompt gives "Secret Service: no result
 * found"; no session bus gives "Platform failure: DBus error: …" when pinned ("AccessDenied" from the
 * keyutils fallback when not); a dead bus socket gives "DBus error: Failed to connect to socket …".
 */
const LOCKED = /unlock prompt was dismissed|locked collection|is locked|\blocked\b/i
const UNAVAILABLE =
  /AccessDenied|DBus error|no result found|platform storage|NoStorageAccess|ServiceUnknown|org\.freedesktop\.DBus\.Error|not available|unavailable/i

/**
 * Maps a native keyring failure to the port's error. The native text goes to `detail` only (the
 * caller redacts it); the message shown to the admin is always one of our i18n keys.
 */
export function classifyKeyringError(error: unknown, detail: string): SecretStoreError {
  if (error instanceof SecretStoreError) return error
  if (error instanceof KeyringTimeoutError) {
    // A hung call is most often an unlock prompt nobody answered; the admin's fix is the same.
    return new SecretStoreError('keychain-failed', 'errors.keychainFailed', detail)
  }
  // napi-rs puts the back end's own text in `cause` as an Error.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : ''
  const text = error instanceof Error ? `${error.message} ${cause}` : ''
  if (LOCKED.test(text)) {
    return new SecretStoreError('keychain-unavailable', 'errors.keychainLocked', detail)
  }
  if (UNAVAILABLE.test(text)) {
    return new SecretStoreError('keychain-unavailable', 'errors.keychainUnavailable', detail)
  }
  return new SecretStoreError('keychain-failed', 'errors.keychainFailed', detail)
}
