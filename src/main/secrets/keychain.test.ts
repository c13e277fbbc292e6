import { describe, expect, it } from 'vitest'
import { keychainOf } from './keychain'
import { createMemorySecretStore } from './memory-secret-store'
import type { SecretStore } from './secret-store'

const ref = { kind: 'imported-token' as const, id: 'record-1' }

describe('keychainOf', () => {
  it('answers the store’s values as ok results', async () => {
    const keychain = keychainOf(createMemorySecretStore())
    expect(await keychain.get(ref)).toStrictEqual({ ok: true, value: null })
    expect(await keychain.set(ref, 'secret-value-1')).toStrictEqual({ ok: true, value: undefined })
    expect(await keychain.get(ref)).toStrictEqual({ ok: true, value: 'secret-value-1' })
    expect(await keychain.delete(ref)).toStrictEqual({ ok: true, value: true })
  })

  it('keeps the store’s code and reason for each refusal', async () => {
    const store = createMemorySecretStore({ locked: true })
    const keychain = keychainOf(store)
    const locked = {
      ok: false,
      error: { code: 'keychain-unavailable', messageKey: 'errors.keychainLocked' },
    }
    expect(await keychain.set(ref, 'secret-value-2')).toStrictEqual(locked)
    expect(await keychain.get(ref)).toStrictEqual(locked)
    expect(await keychain.delete(ref)).toStrictEqual(locked)
    store.simulate({ failOnWrite: 1 })
    expect(await keychain.set(ref, 'secret-value-3')).toStrictEqual({
      ok: false,
      error: { code: 'keychain-failed', messageKey: 'errors.keychainFailed' },
    })
  })

  it('makes any other throw a keychain failure without its text', async () => {
    const broken: SecretStore = {
      status: async () => ({ available: true, backend: 'broken' }),
      set: async () => Promise.reject(new Error('entry record-1 said secret-value-4')),
      get: async () => Promise.reject(new Error('boom')),
      delete: async () => Promise.reject(new Error('boom')),
    }
    const answer = await keychainOf(broken).set(ref, 'secret-value-4')
    expect(answer).toStrictEqual({
      ok: false,
      error: { code: 'keychain-failed', messageKey: 'errors.keychainFailed' },
    })
  })
})
