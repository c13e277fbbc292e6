/**
 * The SecretStore port: the only way main persists a secret. Implementations: the OS keychain
 * (keychain-store.ts) and an in-memory fake for unit tests. Each secret is one entry, addressed by
 * a kind (becomes the keychain "service") and a stable record id (the "account").
 */
export type SecretKind =
  | 'admin-token'
  | 'app-secret'
  | 'system-user-token'
  | 'imported-token'
  // The audit log's head, kept apart from the log file (src/main/audit/audit-anchor.ts).
  | 'audit-anchor'

export interface SecretRef {
  readonly kind: SecretKind
  readonly id: string
}

export interface SecretStoreStatus {
  readonly available: boolean
  /** The back end that answered, e.g. "secret-service". */
  readonly backend: string
  /** i18n key explaining why it is unavailable. */
  readonly problemKey?: string
}

/** Thrown by stores; callers map it to an AppError of the same code. */
export class SecretStoreError extends Error {
  constructor(
    readonly code: 'keychain-unavailable' | 'keychain-failed',
    readonly messageKey: string,
    /** Low-level detail for the (redacted) log only, never shown or returned. */
    readonly detail?: string,
  ) {
    super(`${code}: ${messageKey}`)
    this.name = 'SecretStoreError'
  }
}

export interface SecretStore {
  status(): Promise<SecretStoreStatus>
  set(ref: SecretRef, secret: string): Promise<void>
  /** Null when there is no such entry. */
  get(ref: SecretRef): Promise<string | null>
  /** True when an entry was removed. */
  delete(ref: SecretRef): Promise<boolean>
}
