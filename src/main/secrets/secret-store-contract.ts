import { randomBytes, randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type SecretKind, type SecretRef, type SecretStore, SecretStoreError } from './secret-store'

/**
 * The SecretStore contract, written once and run against every implementation: the in-memory fake
 * (memory-secret-store.test.ts) and the real OS keychain (tests/keychain). If the fake passes and the
 * keychain does not, the fake is lying to every unit test that uses it.
 *
 * Every test uses fresh random record ids and deletes what it stored, so it can run against a real
 * keychain that already holds entries.
 */
export function describeSecretStoreContract(
  name: string,
  factory: () => SecretStore | Promise<SecretStore>,
): void {
  describe(`SecretStore contract: ${name}`, () => {
    let store: SecretStore
    let stored: SecretRef[] = []

    const ref = (kind: SecretKind = 'system-user-token'): SecretRef => ({
      kind,
      id: `contract-${randomUUID()}`,
    })
    const put = async (target: SecretRef, secret: string): Promise<void> => {
      stored.push(target)
      await store.set(target, secret)
    }

    beforeEach(async () => {
      store = await factory()
      stored = []
    })

    afterEach(async () => {
      for (const target of stored) await store.delete(target)
    })

    it('reports an available store and names its back end', async () => {
      const status = await store.status()
      expect(status.available).toBe(true)
      expect(status.backend.length).toBeGreaterThan(0)
      expect(status.problemKey).toBeUndefined()
    })

    it('answers null for an entry that was never stored', async () => {
      await expect(store.get(ref())).resolves.toBeNull()
    })

    it('reads back exactly what it stored, byte for byte', async () => {
      const tokenLike = `EAAG${randomBytes(135).toString('base64url')}`
      const awkward = `1234567890|${randomBytes(16).toString('hex')} "quoted" ünïcødé ✓ =&%`
      const first = ref()
      const second = ref('app-secret')
      await put(first, tokenLike)
      await put(second, awkward)
      await expect(store.get(first)).resolves.toBe(tokenLike)
      await expect(store.get(second)).resolves.toBe(awkward)
    })

    it('overwrites: the second write to a record wins', async () => {
      const target = ref()
      await put(target, 'first-value-0000')
      await put(target, 'second-value-1111')
      await expect(store.get(target)).resolves.toBe('second-value-1111')
    })

    it('deletes once: true, then the entry is gone, then false', async () => {
      const target = ref()
      await put(target, `EAAG${randomBytes(30).toString('base64url')}`)
      await expect(store.delete(target)).resolves.toBe(true)
      await expect(store.get(target)).resolves.toBeNull()
      await expect(store.delete(target)).resolves.toBe(false)
    })

    it('keeps kinds apart for the same record id', async () => {
      const id = `contract-${randomUUID()}`
      const kinds: SecretKind[] = [
        'admin-token',
        'app-secret',
        'system-user-token',
        'imported-token',
      ]
      for (const kind of kinds) await put({ kind, id }, `value-for-${kind}`)
      for (const kind of kinds)
        await expect(store.get({ kind, id })).resolves.toBe(`value-for-${kind}`)
      await store.delete({ kind: 'app-secret', id })
      await expect(store.get({ kind: 'app-secret', id })).resolves.toBeNull()
      await expect(store.get({ kind: 'admin-token', id })).resolves.toBe('value-for-admin-token')
    })

    it('keeps record ids apart within one kind', async () => {
      const a = ref()
      const b = ref()
      await put(a, 'value-of-record-a')
      await put(b, 'value-of-record-b')
      await store.delete(a)
      await expect(store.get(a)).resolves.toBeNull()
      await expect(store.get(b)).resolves.toBe('value-of-record-b')
    })

    it('lands every write of a concurrent burst to different records', async () => {
      const targets = Array.from({ length: 5 }, () => ref())
      await Promise.all(targets.map((target, index) => put(target, `burst-value-${index}`)))
      const values = await Promise.all(targets.map((target) => store.get(target)))
      expect(values).toEqual(targets.map((_, index) => `burst-value-${index}`))
    })

    it('refuses an empty record id without echoing the secret', async () => {
      const empty: SecretRef = { kind: 'system-user-token', id: '' }
      const failure = await store.set(empty, 'never-stored-value').then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(failure).toBeInstanceOf(SecretStoreError)
      expect(String((failure as Error).message)).not.toContain('never-stored-value')
    })
  })
}
