/**
 * The vault's public entry for code outside src/main (docs/architecture.md › Import boundaries):
 * the record index, the keychain name of a record's token, and the in-memory host ports the
 * preview, the gates and the bench use instead of the OS clipboard and dialogs.
 */
export { createInMemoryVaultHost } from './memory-host'
export { vaultSecretRef } from './secrets-access'
export { createVaultIndex, type VaultIndex } from './vault-index'
