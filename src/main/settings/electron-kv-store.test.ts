import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { electronFake } from '../../../tests/support/node/electron-fake'
import { createElectronKvStore } from './electron-kv-store'

// electron-store imports electron; vitest.config inlines electron-store so this mock reaches it.
vi.mock('electron', async () => (await import('../../../tests/support/node/electron-fake')).electronModule())

const record: VaultRecordSummary = {
  id: 'rec-1',
  kind: 'system-user',
  practice: true,
  businessId: '100',
  businessName: 'Practice Co',
  appId: '200',
  scopes: ['ads_read'],
  createdAt: '2025-01-01T00:00:00.000Z',
  expiresAt: null,
  fingerprint: 'wxyz',
  lastCheck: null,
}

const dir = mkdtempSync(join(tmpdir(), 'sua-electron-store-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('createElectronKvStore', () => {
  // One test: electron-store keeps module-level state (its IPC listener is added once per
  // module instance, and vi.resetModules does not re-evaluate it), so order must not matter.
  it('persists to <dataDir>/settings.json through real electron-store, which adds a raw IPC listener', () => {
    const store = createElectronKvStore(dir)
    // The reason registerIpcHandlers removes this channel: it bypasses our sender check.
    expect(electronFake.ipcMain.listenerCount('electron-store-get-data')).toBe(1)

    expect(store.get('vaultRecords')).toStrictEqual([])
    store.set('vaultRecords', [record])
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(onDisk.vaultRecords).toStrictEqual([record])
    expect(createElectronKvStore(dir).get('vaultRecords')).toStrictEqual([record])

    // Owner-only, even where the umask would allow more and when an older file was 0644.
    const file = join(dir, 'settings.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    chmodSync(file, 0o644)
    createElectronKvStore(dir).set('vaultRecords', [])
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })
})
