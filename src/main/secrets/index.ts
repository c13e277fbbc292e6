/**
 * The secret store's public entry for code outside src/main (docs/architecture.md › Import boundaries)
 *: the port, the real keychain adapter and the in-memory store practice and the
 * gates use. The shared contract suite (secret-store-contract.ts) is test code and stays out.
 */
export { createKeychainStore } from './keychain-store'
export { createMemorySecretStore, type MemorySecretStore } from './memory-secret-store'
export type { SecretRef, SecretStore } from './secret-store'
