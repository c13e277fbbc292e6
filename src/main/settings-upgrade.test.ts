import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { DEFAULT_VAULT_PREFERENCES } from '@shared/ipc/schemas/vault-preferences'
import { makeCanaryAppSecret, makeCanaryToken } from '../../tests/fixtures/canaries'
import { createConnectionStore } from './connect/connection-store'
import { silentLogger } from './log/logger'
import { createMemorySecretStore } from './secrets/memory-secret-store'
import type { SecretRef } from './secrets/secret-store'
import { createElectronKvStore } from './settings/electron-kv-store'
import { createFileKvStore } from './settings/file-kv-store'
import type { KvStore } from './settings/kv-store'
import { DEFAULT_SETTINGS, type Settings } from './settings/settings'
import { isAdminRecord } from './vault/secrets-access'
import { createVaultIndex } from './vault/vault-index'

// electron-store imports electron; vitest.config inlines electron-store so this mock reaches it.
vi.mock('electron', async () =>
  (await import('../../tests/support/node/electron-fake')).electronModule(),
)

/**
 * A `settings.json` as the versions before `target` became `mode`, and before vault records spelled
 * the role `'EMPLOYEE' | 'ADMIN'`, wrote it, read by today's code through both adapters
 * (electron-store in the app, the JSON file in the preview). Nothing an admin had may be lost: the
 * connection, its keychain entries, the remembered businesses, the vault index and every other key.
 */
const APP_ID = '123456789012345'
const OLD_CONNECTION = {
  target: 'real',
  appId: APP_ID,
  appName: 'Bakery Tools',
  userId: '42',
  userName: 'Ada',
  tokenKind: 'user',
  expiresAt: null,
  scopes: ['business_management'],
  connectedAt: '2026-11-30T09:00:00.000Z',
  businessId: '555',
  businessName: 'Harbour Lane Bakery',
}
const { target: _target, ...unchanged } = OLD_CONNECTION
const OLD_REMEMBERED = { [`real:${APP_ID}`]: '555', 'practice:999': '777' }
const OLD_PREFERENCES = { idleLockMinutes: 15, clipboardClearSeconds: 60 }
const oldRecord = (id: string, extra: object) => ({
  id,
  practice: false,
  businessId: '555',
  businessName: 'Harbour Lane Bakery',
  appId: APP_ID,
  appName: 'Bakery Tools',
  scopes: ['ads_read'],
  createdAt: '2026-11-30T09:00:00.000Z',
  expiresAt: null,
  fingerprint: 'wxyz',
  lastCheck: null,
  ...extra,
})
const SYSTEM_USER = { systemUserId: '61000001', systemUserName: 'Reports reader' }
const OLD_RECORDS = [
  oldRecord('rec-employee', { kind: 'system-user', ...SYSTEM_USER, systemUserRole: 'employee' }),
  oldRecord('rec-admin', { kind: 'admin-system-user', ...SYSTEM_USER, systemUserRole: 'admin' }),
  oldRecord('rec-imported', { kind: 'imported', label: 'Pasted token', notes: 'from the CRM' }),
]
/** The same records as today's code reads and writes them. */
const NEW_RECORDS = [
  { ...OLD_RECORDS[0], systemUserRole: 'EMPLOYEE' },
  { ...OLD_RECORDS[1], systemUserRole: 'ADMIN' },
  OLD_RECORDS[2],
]
const oldSettings = (connection: object) => ({
  vaultRecords: OLD_RECORDS,
  connection,
  rememberedBusinesses: OLD_REMEMBERED,
  vaultPreferences: OLD_PREFERENCES,
})

/** The keychain ids the older version wrote: `<target>:<appId>`, spelled out, not computed. */
const oldRef = (kind: SecretRef['kind'], id: string): SecretRef => ({ kind, id })

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const ADAPTERS: readonly [string, (dir: string) => KvStore<Settings>][] = [
  ['electron-store', (dir) => createElectronKvStore(dir)],
  ['the JSON file', (dir) => createFileKvStore(join(dir, 'settings.json'), DEFAULT_SETTINGS)],
]

describe.each(ADAPTERS)('a settings.json of the older shape, through %s', (_, open) => {
  const upgrade = (stored: object) => {
    const dir = mkdtempSync(join(tmpdir(), 'sua-upgrade-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(stored, null, '\t'))
    const read = () => JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Settings
    return { settings: open(dir), read, secrets: createMemorySecretStore() }
  }

  it('reads a stored `target` as `mode`, with its keychain entries and remembered businesses', async () => {
    const { settings, secrets } = upgrade(oldSettings(OLD_CONNECTION))
    const token = makeCanaryToken()
    const appSecret = makeCanaryAppSecret()
    await secrets.set(oldRef('admin-token', `real:${APP_ID}`), token)
    await secrets.set(oldRef('app-secret', `real:${APP_ID}`), appSecret)
    const store = createConnectionStore({ secrets, settings, log: silentLogger })

    expect(store.summary()).toStrictEqual({ mode: 'real', ...unchanged })
    expect(await store.load()).toStrictEqual({
      ok: true,
      value: { summary: { mode: 'real', ...unchanged }, token, appSecret },
    })
    expect(store.rememberedBusiness('real', APP_ID)).toBe('555')
    expect(store.rememberedBusiness('practice', '999')).toBe('777')
    expect(settings.get('vaultPreferences')).toStrictEqual(OLD_PREFERENCES)
  })

  it('loses nothing when it next writes: the new shape, and every other key as it was', async () => {
    const { settings, secrets, read } = upgrade(oldSettings(OLD_CONNECTION))
    const store = createConnectionStore({ secrets, settings, log: silentLogger })
    const summary = store.summary()
    expect(summary).not.toBeNull()
    expect(store.update({ ...summary!, businessName: 'Harbour Lane Bakery Ltd' }).ok).toBe(true)
    expect(store.rememberBusiness('real', '777777777', '888').ok).toBe(true)

    expect(read()).toStrictEqual({
      vaultRecords: OLD_RECORDS,
      connection: { mode: 'real', ...unchanged, businessName: 'Harbour Lane Bakery Ltd' },
      rememberedBusinesses: { ...OLD_REMEMBERED, 'real:777777777': '888' },
      vaultPreferences: OLD_PREFERENCES,
    })
    expect(OLD_PREFERENCES).not.toStrictEqual(DEFAULT_VAULT_PREFERENCES)
  })

  it('still drops an older practice connection at start, with its `practice:<appId>` entries', async () => {
    const { settings, secrets, read } = upgrade(
      oldSettings({ ...OLD_CONNECTION, target: 'practice', appId: '999' }),
    )
    await secrets.set(oldRef('admin-token', 'practice:999'), makeCanaryToken())
    await secrets.set(oldRef('app-secret', 'practice:999'), makeCanaryAppSecret())
    const store = createConnectionStore({ secrets, settings, log: silentLogger })

    expect(store.summary()).toBeNull()
    await expect.poll(() => secrets.size()).toBe(0)
    expect(read()).toMatchObject({ connection: null, rememberedBusinesses: OLD_REMEMBERED })
  })

  it('reads the vault index with the role in upper case, every other field as it was', () => {
    const { settings, read } = upgrade(oldSettings(OLD_CONNECTION))
    const index = createVaultIndex(settings)

    expect(index.list()).toStrictEqual(NEW_RECORDS)
    // As main answers them over IPC: the strict response schema takes them.
    expect(VaultRecordSummary.array().parse(index.list())).toStrictEqual(NEW_RECORDS)
    expect(index.get('rec-admin')?.systemUserRole).toBe('ADMIN')
    expect(index.list('reports').map((record) => record.id)).toStrictEqual([
      'rec-employee',
      'rec-admin',
    ])
    expect(index.list().map(isAdminRecord)).toStrictEqual([false, true, false])
    // Reading changes nothing on disk.
    expect(read().vaultRecords).toStrictEqual(OLD_RECORDS)
  })

  it('writes the whole index in the new shape on its next change, losing no record', () => {
    const { settings, read } = upgrade(oldSettings(OLD_CONNECTION))
    const index = createVaultIndex(settings)
    expect(index.update('rec-imported', { notes: 'from the CRM, rotated' })).toBeDefined()

    expect(read()).toStrictEqual({
      vaultRecords: [
        NEW_RECORDS[0],
        NEW_RECORDS[1],
        { ...NEW_RECORDS[2], notes: 'from the CRM, rotated' },
      ],
      connection: OLD_CONNECTION,
      rememberedBusinesses: OLD_REMEMBERED,
      vaultPreferences: OLD_PREFERENCES,
    })
    expect(createVaultIndex(open(dirs.at(-1)!)).list()).toStrictEqual(
      VaultRecordSummary.array().parse(read().vaultRecords),
    )
  })
})
