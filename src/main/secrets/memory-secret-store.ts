import { registerSecret } from '../log/redact'
import {
  type SecretRef,
  type SecretStore,
  SecretStoreError,
  type SecretStoreStatus,
} from './secret-store'

/** How the fake keychain should misbehave; every switch can be flipped at any time. */
export interface MemorySecretStoreFaults {
  /** No secure keychain at all (no Secret Service): every call fails, status says why. */
  readonly unavailable?: boolean
  /** The keychain exists but is locked. */
  readonly locked?: boolean
  /** The k-th `set` from now (1-based) fails with keychain-failed and stores nothing (REL-05). */
  readonly failOnWrite?: number
  /** With failOnWrite: keep failing every write after the k-th, not just the k-th. */
  readonly keepFailing?: boolean
}

/** The in-memory SecretStore plus the switches and read-outs tests need. */
export interface MemorySecretStore extends SecretStore {
  /** Replaces the active faults (pass `{}` to heal). Resets the write counter used by failOnWrite. */
  simulate(faults: MemorySecretStoreFaults): void
  /** Successful writes so far, across the store's life. */
  readonly writeCount: number
  /** Writes attempted (refused or failed ones included). */
  readonly writeAttempts: number
  /** Number of stored entries. */
  size(): number
  /** Stored refs, for assertions; never the values. */
  refs(): SecretRef[]
}

const keyOf = (ref: SecretRef): string => `${ref.kind}\u0000${ref.id}`

/**
 * The fake keychain for unit tests. It keeps the real adapter's contract (secret-store-contract.ts
 * runs against both): refusal when unavailable or locked, null for a missing entry, no partial
 * writes. Values stay in this closure only; nothing touches the disk.
 */
export function createMemorySecretStore(initial: MemorySecretStoreFaults = {}): MemorySecretStore {
  const entries = new Map<string, { ref: SecretRef; secret: string }>()
  let faults: MemorySecretStoreFaults = initial
  let writesSinceSimulate = 0
  let writeCount = 0
  let writeAttempts = 0

  const refusal = (): SecretStoreError | undefined => {
    if (faults.unavailable) {
      return new SecretStoreError(
        'keychain-unavailable',
        'errors.keychainUnavailable',
        'simulated: no secret service',
      )
    }
    if (faults.locked) {
      return new SecretStoreError(
        'keychain-unavailable',
        'errors.keychainLocked',
        'simulated: locked',
      )
    }
    return undefined
  }

  const guard = (): void => {
    const error = refusal()
    if (error) throw error
  }

  return {
    status: async (): Promise<SecretStoreStatus> => {
      const error = refusal()
      return error
        ? { available: false, backend: 'memory', problemKey: error.messageKey }
        : { available: true, backend: 'memory' }
    },
    set: async (ref, secret) => {
      // Like the real adapter: a secret we were handed is masked in every log from now on.
      registerSecret(secret)
      writeAttempts += 1
      guard()
      if (ref.id.length === 0) {
        throw new SecretStoreError('keychain-failed', 'errors.keychainFailed', 'empty record id')
      }
      writesSinceSimulate += 1
      const k = faults.failOnWrite
      if (
        k !== undefined &&
        (writesSinceSimulate === k || (faults.keepFailing === true && writesSinceSimulate > k))
      ) {
        throw new SecretStoreError(
          'keychain-failed',
          'errors.keychainFailed',
          `simulated: write ${writesSinceSimulate} failed`,
        )
      }
      entries.set(keyOf(ref), { ref: { kind: ref.kind, id: ref.id }, secret })
      writeCount += 1
    },
    get: async (ref) => {
      guard()
      const secret = entries.get(keyOf(ref))?.secret ?? null
      if (secret !== null) registerSecret(secret)
      return secret
    },
    delete: async (ref) => {
      guard()
      return entries.delete(keyOf(ref))
    },
    simulate: (next) => {
      faults = next
      writesSinceSimulate = 0
    },
    get writeCount() {
      return writeCount
    },
    get writeAttempts() {
      return writeAttempts
    },
    size: () => entries.size,
    refs: () => [...entries.values()].map((entry) => entry.ref),
  }
}
