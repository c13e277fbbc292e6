/**
 * The settings area's public entry for code outside src/main (docs/architecture.md › Import boundaries)
 *: the non-secret store, its JSON-file adapter and the defaults.
 */
export { createFileKvStore, writeAtomic } from './file-kv-store'
export type { KvStore } from './kv-store'
export { DEFAULT_SETTINGS, type Settings } from './settings'
