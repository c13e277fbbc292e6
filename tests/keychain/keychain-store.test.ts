import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Entry } from '@napi-rs/keyring'
import { beforeEach, describe, expect, it } from 'vitest'
import { createKeychainStore, type SecretRef } from '../../src/main/secrets'
import { recordEvidence } from '../fixtures/evidence'
import { makeCanaryAppSecret, makeCanaryToken, scanForCanaries } from '../fixtures/canaries'
import {
  type KeyringSession,
  defaultCollection,
  itemAttributes,
  requireKeyringSession,
  searchSecretService,
} from './keyring-session'

const appId = `sua-keychain-${randomUUID()}`
const store = createKeychainStore({ appId })
const canaries: string[] = []
let session: KeyringSession

const canaryToken = (): string => {
  const token = makeCanaryToken()
  canaries.push(token)
  return token
}
const service = (ref: SecretRef): string => `${appId}.${ref.kind}`
const keyringFiles = (): string[] => {
  const dir = join(session.dataHome, 'keyrings')
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []
}
const digest = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex')

beforeEach(() => {
  session = requireKeyringSession()
})

describe('keychain store against the real Secret Service', () => {
  it('reports the Secret Service as available and leaves no probe entry behind', async () => {
    await expect(store.status()).resolves.toEqual({ available: true, backend: 'secret-service' })
    expect(searchSecretService({ service: `${appId}.probe` })).toEqual({ unlocked: [], locked: [] })
  })

  it('stores, reads and deletes a canary token', async () => {
    const ref: SecretRef = { kind: 'system-user-token', id: `canary-${randomUUID()}` }
    const token = canaryToken()
    await store.set(ref, token)
    await expect(store.get(ref)).resolves.toBe(token)
    await expect(store.delete(ref)).resolves.toBe(true)
    await expect(store.get(ref)).resolves.toBeNull()
  })

  it('completes 20 of 20 round trips', async () => {
    let completed = 0
    for (let round = 0; round < 20; round += 1) {
      const ref: SecretRef = { kind: 'admin-token', id: `round-${round}-${randomUUID()}` }
      const token = canaryToken()
      await store.set(ref, token)
      const read = await store.get(ref)
      const removed = await store.delete(ref)
      if (read === token && removed && (await store.get(ref)) === null) completed += 1
    }
    expect(completed).toBe(20)
    recordEvidence('keychain-round-trips', { roundTrips: `${completed} of 20` })
  })

  it('puts the entry in the Secret Service default collection, visible over D-Bus', async () => {
    const ref: SecretRef = { kind: 'app-secret', id: `dbus-${randomUUID()}` }
    const secret = makeCanaryAppSecret()
    canaries.push(secret)
    await store.set(ref, secret)
    try {
      // Independent of the adapter: the Secret Service's own search, over D-Bus.
      const found = searchSecretService({ service: service(ref), username: ref.id })
      expect(found.locked).toEqual([])
      expect(found.unlocked).toHaveLength(1)
      const [item] = found.unlocked
      // The persistent default collection (login), not the in-memory "session" collection.
      expect(item?.startsWith(`${defaultCollection()}/`)).toBe(true)
      expect(itemAttributes(item ?? '')).toMatchObject({ service: service(ref), username: ref.id })
      // A second, fresh client of the library reads the same value back.
      const fresh = new Entry(service(ref), ref.id, { linux: { store: 'secret-service' } })
      expect(fresh.getPassword()).toBe(secret)
    } finally {
      await store.delete(ref)
    }
    expect(searchSecretService({ service: service(ref), username: ref.id }).unlocked).toEqual([])
  })

  it('keeps a stored canary encrypted in the keyring file on disk', async () => {
    const before = new Map(keyringFiles().map((file) => [file, digest(file)]))
    const ref: SecretRef = { kind: 'system-user-token', id: `disk-${randomUUID()}` }
    const token = canaryToken()
    await store.set(ref, token)
    try {
      // gnome-keyring rewrites the login keyring when an item is added; make sure we scan that write.
      const changed = keyringFiles().filter((file) => before.get(file) !== digest(file))
      expect(changed.some((file) => file.endsWith('login.keyring'))).toBe(true)
      expect(scanForCanaries(join(session.dataHome, 'keyrings'), [token])).toEqual([])
    } finally {
      await store.delete(ref)
    }
  })

  // Runs last (tests in a file run in order): the scan covers every canary stored above.
  it('leaves no canary on disk in any encoding, the keyring file included', () => {
    // SEC-12: the session's data and runtime dirs hold gnome-keyring's files and sockets; the
    // keyring file is encrypted, so a canary found there in any form is a plaintext leak.
    expect(canaries.length).toBeGreaterThanOrEqual(22)
    expect(keyringFiles().length).toBeGreaterThan(0)
    const hits = [session.dataHome, session.runtimeDir].flatMap((dir) =>
      scanForCanaries(dir, canaries),
    )
    expect(hits).toEqual([])
    expect(searchSecretService({ service: `${appId}.system-user-token` }).unlocked).toEqual([])
    expect(searchSecretService({ service: `${appId}.admin-token` }).unlocked).toEqual([])
  })
})
