import { describe, expect, it } from 'vitest'
import { redactText } from '../log/redact'
import { createMemorySecretStore } from './memory-secret-store'
import { SecretStoreError } from './secret-store'
import { describeSecretStoreContract } from './secret-store-contract'

describeSecretStoreContract('in-memory fake', () => createMemorySecretStore())

const ref = (id: string) => ({ kind: 'system-user-token' as const, id })

const failureOf = async (run: () => Promise<unknown>): Promise<SecretStoreError> => {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof SecretStoreError))
    throw new Error(`expected a SecretStoreError, got ${String(error)}`)
  return error
}

describe('memory secret store faults', () => {
  it('when unavailable: status says why, and set, get and delete refuse', async () => {
    const store = createMemorySecretStore({ unavailable: true })
    await expect(store.status()).resolves.toEqual({
      available: false,
      backend: 'memory',
      problemKey: 'errors.keychainUnavailable',
    })
    const failure = await failureOf(() => store.set(ref('a'), 'secret-value-1'))
    expect([failure.code, failure.messageKey]).toEqual([
      'keychain-unavailable',
      'errors.keychainUnavailable',
    ])
    await expect(store.get(ref('a'))).rejects.toBeInstanceOf(SecretStoreError)
    await expect(store.delete(ref('a'))).rejects.toBeInstanceOf(SecretStoreError)
    expect(store.size()).toBe(0)
    expect(store.writeCount).toBe(0)
    expect(store.writeAttempts).toBe(1)
  })

  it('when locked: refuses with the locked message and keeps existing entries', async () => {
    const store = createMemorySecretStore()
    await store.set(ref('kept'), 'kept-secret-value')
    store.simulate({ locked: true })
    await expect(store.status()).resolves.toMatchObject({
      available: false,
      problemKey: 'errors.keychainLocked',
    })
    const failure = await failureOf(() => store.get(ref('kept')))
    expect([failure.code, failure.messageKey]).toEqual([
      'keychain-unavailable',
      'errors.keychainLocked',
    ])
    store.simulate({})
    await expect(store.get(ref('kept'))).resolves.toBe('kept-secret-value')
  })

  it('fails exactly the k-th write and stores nothing for it', async () => {
    const store = createMemorySecretStore({ failOnWrite: 3 })
    await store.set(ref('1'), 'value-number-1')
    await store.set(ref('2'), 'value-number-2')
    const failure = await failureOf(() => store.set(ref('3'), 'value-number-3'))
    expect(failure.code).toBe('keychain-failed')
    expect(failure.message).not.toContain('value-number-3')
    await store.set(ref('4'), 'value-number-4')
    await expect(store.get(ref('3'))).resolves.toBeNull()
    expect(store.refs().map((r) => r.id)).toEqual(['1', '2', '4'])
    expect(store.writeCount).toBe(3)
    expect(store.writeAttempts).toBe(4)
  })

  it('with keepFailing, every write from the k-th on fails', async () => {
    const store = createMemorySecretStore()
    await store.set(ref('before'), 'value-before-0')
    store.simulate({ failOnWrite: 1, keepFailing: true })
    for (const id of ['x', 'y', 'z']) {
      await expect(store.set(ref(id), `value-${id}-000`)).rejects.toBeInstanceOf(SecretStoreError)
    }
    expect(store.refs().map((r) => r.id)).toEqual(['before'])
  })

  it('masks the values it holds in logs, like the real adapter', async () => {
    const store = createMemorySecretStore()
    const secret = 'plain-looking-value-9f2k'
    await store.set(ref('masked'), secret)
    expect(redactText(`leaked ${secret} here`)).toBe('leaked [redacted] here')
  })
})
