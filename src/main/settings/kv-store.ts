/**
 * A small typed key-value port for non-secret data (settings, the vault index, remembered choices).
 * electron-store backs it in the app; a JSON file in a temp dir (file-kv-store.ts) in tests and
 * the preview. Never given a secret.
 */
export interface KvStore<T extends Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K]
  set<K extends keyof T>(key: K, value: T[K]): void
}
