import { describe, expect, it } from 'vitest'
import type { ConnectionSummary } from '@shared/ipc/schemas/connect'
import type { AppMode } from '@shared/ipc/schemas/mode'
import { createLogger, memorySink } from '../log/logger'
import { createMemorySecretStore } from '../secrets/memory-secret-store'
import type { KvStore } from '../settings/kv-store'
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings'
import { adminTokenRef, appSecretRef } from './app-credentials'
import { createConnectionStore } from './connection-store'

const summary = (mode: AppMode, appId = '123456789'): ConnectionSummary => ({
  mode,
  appId,
  userId: '42',
  userName: 'Ada',
  tokenKind: 'user',
  expiresAt: null,
  scopes: ['business_management'],
  connectedAt: '2026-11-30T09:00:00.000Z',
})

function memorySettings(initial: Partial<Settings> = {}) {
  let data: Settings = { ...DEFAULT_SETTINGS, ...initial }
  let failWrites = false
  const store: KvStore<Settings> & { failWrites(on: boolean): void } = {
    get: (key) => data[key],
    set: (key, value) => {
      if (failWrites) throw new Error('disk full')
      data = { ...data, [key]: value }
    },
    failWrites: (on) => {
      failWrites = on
    },
  }
  return store
}

const setup = (initial: Partial<Settings> = {}) => {
  const secrets = createMemorySecretStore()
  const settings = memorySettings(initial)
  const sink = memorySink()
  return { secrets, settings, sink, log: createLogger([sink]) }
}

describe('createConnectionStore', () => {
  it('drops a practice connection left from an earlier session, with its keychain entries', async () => {
    const deps = setup({ connection: summary('practice') })
    await deps.secrets.set(adminTokenRef('practice', '123456789'), 'EAAold')
    await deps.secrets.set(appSecretRef('practice', '123456789'), 'f'.repeat(32))
    const store = createConnectionStore(deps)
    expect(store.summary()).toBeNull()
    await expect.poll(() => deps.secrets.size()).toBe(0)
  })

  it('keeps a real connection across sessions', () => {
    const deps = setup({ connection: summary('real') })
    expect(createConnectionStore(deps).summary()).toStrictEqual(summary('real'))
  })

  it('treats a hand-edited summary it cannot read as no connection', async () => {
    const deps = setup({ connection: { mode: 'real', appId: 7 } as unknown as ConnectionSummary })
    const store = createConnectionStore(deps)
    expect(store.summary()).toBeNull()
    expect(await store.load()).toMatchObject({ ok: false, error: { code: 'not-connected' } })
  })

  it('a failed settings write puts the keychain back as it was', async () => {
    const deps = setup()
    const store = createConnectionStore(deps)
    deps.settings.failWrites(true)
    const saved = await store.save(summary('real'), { token: 'EAAnew', appSecret: 'a'.repeat(32) })
    expect(saved).toMatchObject({ ok: false, error: { code: 'storage-failed' } })
    expect(deps.secrets.size()).toBe(0)
    expect(deps.sink.lines.join('\n')).not.toContain('EAAnew')
  })

  it('load says when the keychain entry has gone missing', async () => {
    const deps = setup()
    const store = createConnectionStore(deps)
    expect(
      (await store.save(summary('real'), { token: 'EAAx', appSecret: 'a'.repeat(32) })).ok,
    ).toBe(true)
    await deps.secrets.delete(adminTokenRef('real', '123456789'))
    expect(await store.load()).toMatchObject({
      ok: false,
      error: { code: 'not-connected', messageKey: 'connectMain.error.credentialsMissing' },
    })
  })

  it('clear with a locked keychain keeps the summary, so nothing is lost and it can be retried', async () => {
    const deps = setup()
    const store = createConnectionStore(deps)
    await store.save(summary('real'), { token: 'EAAx', appSecret: 'a'.repeat(32) })
    deps.secrets.simulate({ locked: true })
    expect(await store.clear()).toMatchObject({
      ok: false,
      error: { code: 'keychain-unavailable', messageKey: 'errors.keychainLocked' },
    })
    expect(store.summary()).toStrictEqual(summary('real'))
    deps.secrets.simulate({})
    expect((await store.clear()).ok).toBe(true)
    expect(store.summary()).toBeNull()
    expect(deps.secrets.size()).toBe(0)
  })

  it('remembers the business per mode and app', () => {
    const store = createConnectionStore(setup())
    expect(store.rememberBusiness('real', '1234567', '555').ok).toBe(true)
    expect(store.rememberedBusiness('real', '1234567')).toBe('555')
    expect(store.rememberedBusiness('practice', '1234567')).toBeUndefined()
  })
})
