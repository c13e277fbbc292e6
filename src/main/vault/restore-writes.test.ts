import { describe, expect, it } from 'vitest'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { makeCanaryToken } from '../../../tests/fixtures/canaries'
import { createMemorySecretStore } from '../secrets/memory-secret-store'
import type { KvStore } from '../settings/kv-store'
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings'
import { restoreFailureAnswer, writeRestoredRecords } from './restore-writes'
import { vaultSecretRef } from './secrets-access'
import { createVaultIndex } from './vault-index'

/** A restore is all or nothing: a keychain refusal half way undoes what was already written. */
const memoryKv = (): KvStore<Settings> => {
  let data: Settings = { ...DEFAULT_SETTINGS }
  return {
    get: (key) => data[key],
    set: (key, value) => {
      data = { ...data, [key]: value }
    },
  }
}

const record = (id: string, change: Partial<VaultRecordSummary> = {}): VaultRecordSummary => ({
  id,
  kind: 'system-user',
  practice: true,
  businessId: '100',
  businessName: 'Harbour Lane Bakery',
  systemUserId: '200',
  systemUserName: `Server ${id}`,
  appId: '300',
  appName: 'Harbour Lane Orders',
  scopes: ['ads_read'],
  createdAt: '2026-11-29T10:00:00.000Z',
  expiresAt: null,
  fingerprint: 'a1b2',
  lastCheck: null,
  ...change,
})

function world() {
  const secrets = createMemorySecretStore()
  const vault = createVaultIndex(memoryKv())
  return { secrets, vault }
}

describe('writing a restored backup', () => {
  it('writes every token and record, counting added and replaced', async () => {
    const deps = world()
    deps.vault.put(record('a', { systemUserName: 'Newer name' }))
    const tokens = { a: makeCanaryToken(), b: makeCanaryToken() }
    const outcome = await writeRestoredRecords(deps, [record('a'), record('b')], tokens)
    expect(outcome).toEqual({
      ok: true,
      value: { added: 1, replaced: 1, restored: ['a', 'b'] },
    })
    expect(await deps.secrets.get(vaultSecretRef(record('b')))).toBe(tokens.b)
    expect(deps.vault.get('a')?.systemUserName).toBe('Server a')
  })

  it('a refusal on the 2nd write puts the 1st record and its newer token back', async () => {
    const deps = world()
    const newer = makeCanaryToken()
    deps.vault.put(record('a', { systemUserName: 'Refreshed since the backup' }))
    await deps.secrets.set(vaultSecretRef(record('a')), newer)
    deps.secrets.simulate({ failOnWrite: 2 })

    const outcome = await writeRestoredRecords(deps, [record('a'), record('b')], {
      a: makeCanaryToken(),
      b: makeCanaryToken(),
    })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.failure.notUndone).toEqual([])
    expect(restoreFailureAnswer(outcome.failure).ok).toBe(false)
    expect(await deps.secrets.get(vaultSecretRef(record('a')))).toBe(newer)
    expect(deps.vault.get('a')?.systemUserName).toBe('Refreshed since the backup')
    expect(deps.vault.get('b')).toBeUndefined()
    expect(deps.secrets.size()).toBe(1)
  })

  it('removes a newly added record and its entry when a later write is refused', async () => {
    const deps = world()
    deps.secrets.simulate({ failOnWrite: 2 })
    const outcome = await writeRestoredRecords(deps, [record('new'), record('next')], {
      new: makeCanaryToken(),
      next: makeCanaryToken(),
    })
    expect(outcome.ok).toBe(false)
    expect(deps.vault.list()).toEqual([])
    expect(deps.secrets.size()).toBe(0)
  })

  it('never deletes the entry of a record the backup held no token for', async () => {
    const deps = world()
    const kept = makeCanaryToken()
    deps.vault.put(record('a'))
    await deps.secrets.set(vaultSecretRef(record('a')), kept)
    deps.secrets.simulate({ failOnWrite: 1 })
    const outcome = await writeRestoredRecords(deps, [record('a'), record('b')], {
      b: makeCanaryToken(),
    })
    expect(outcome.ok).toBe(false)
    expect(await deps.secrets.get(vaultSecretRef(record('a')))).toBe(kept)
  })

  it('stops before touching anything when the token held now cannot be read', async () => {
    const deps = world()
    deps.vault.put(record('a'))
    await deps.secrets.set(vaultSecretRef(record('a')), makeCanaryToken())
    deps.secrets.simulate({ locked: true })
    const outcome = await writeRestoredRecords(deps, [record('a')], { a: makeCanaryToken() })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.failure.error.messageKey).toBe('errors.keychainLocked')
    expect(deps.secrets.writeAttempts).toBe(1)
  })

  it('keeps a record as restored, index and keychain agreeing, when its undo is refused too', async () => {
    const deps = world()
    deps.vault.put(record('a', { fingerprint: 'new1' }))
    await deps.secrets.set(vaultSecretRef(record('a')), makeCanaryToken())
    deps.secrets.simulate({ failOnWrite: 2, keepFailing: true })
    const restoredToken = makeCanaryToken()
    const outcome = await writeRestoredRecords(deps, [record('a'), record('b')], {
      a: restoredToken,
      b: makeCanaryToken(),
    })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.failure.notUndone).toEqual(['a'])
    expect(await deps.secrets.get(vaultSecretRef(record('a')))).toBe(restoredToken)
    expect(deps.vault.get('a')?.fingerprint).toBe('a1b2')
    const answer = restoreFailureAnswer(outcome.failure)
    expect(answer.ok ? null : answer.error).toMatchObject({
      code: 'keychain-failed',
      messageKey: 'vaultMain.restore.partial',
    })
  })

  it('reads the keychain entry it overwrites even when the index has no line for it', async () => {
    const deps = world()
    const unlisted = makeCanaryToken()
    await deps.secrets.set(vaultSecretRef(record('a')), unlisted)
    deps.secrets.simulate({ failOnWrite: 2 })
    const outcome = await writeRestoredRecords(deps, [record('a'), record('b')], {
      a: makeCanaryToken(),
      b: makeCanaryToken(),
    })
    expect(outcome.ok).toBe(false)
    expect(await deps.secrets.get(vaultSecretRef(record('a')))).toBe(unlisted)
    expect(deps.vault.get('a')).toBeUndefined()
  })

  it('undoes the tokens already written when the index file cannot be written', async () => {
    const deps = world()
    const held = makeCanaryToken()
    deps.vault.put(record('a', { fingerprint: 'new1' }))
    await deps.secrets.set(vaultSecretRef(record('a')), held)
    const put = deps.vault.put.bind(deps.vault)
    let puts = 0
    deps.vault.put = (next) => {
      puts += 1
      if (puts === 2) throw new Error('ENOSPC: no space left on device')
      put(next)
    }
    const outcome = await writeRestoredRecords(deps, [record('a'), record('b')], {
      a: makeCanaryToken(),
      b: makeCanaryToken(),
    })
    expect(outcome.ok ? null : outcome.failure.error.code).toBe('storage-failed')
    expect(await deps.secrets.get(vaultSecretRef(record('a')))).toBe(held)
    expect(await deps.secrets.get(vaultSecretRef(record('b')))).toBeNull()
    expect(deps.vault.get('a')?.fingerprint).toBe('new1')
  })
})
