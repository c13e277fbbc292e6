import { readFileSync } from 'node:fs'
import { writeAtomic } from '../../../src/main/settings/file-kv-store'
import type { SecretRef, SecretStore } from '../../../src/main/secrets/secret-store'

/**
 * TEST ONLY — a SecretStore in a plain JSON file, so the crash-injection test's child process and
 * its parent share one "keychain" across a SIGKILL the way the OS keychain would. Secrets in a
 * plain file are exactly what the app must never do (docs/architecture.md › Secrets); nothing
 * outside tests may import this.
 */
export function createFileSecretStoreForTests(file: string): SecretStore {
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
    } catch {
      return {}
    }
  }
  const keyOf = (ref: SecretRef) => `${ref.kind}/${ref.id}`
  return {
    status: async () => ({ available: true, backend: 'test-file' }),
    set: async (ref, secret) => {
      writeAtomic(file, JSON.stringify({ ...read(), [keyOf(ref)]: secret }))
    },
    get: async (ref) => read()[keyOf(ref)] ?? null,
    delete: async (ref) => {
      const all = read()
      if (!(keyOf(ref) in all)) return false
      delete all[keyOf(ref)]
      writeAtomic(file, JSON.stringify(all))
      return true
    },
  }
}
