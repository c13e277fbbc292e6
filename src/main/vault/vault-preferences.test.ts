import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_VAULT_PREFERENCES, VaultPreferences } from '@shared/ipc/schemas/vault-preferences'
import { ok } from '@shared/result'
import { makeCanaryToken } from '../../../tests/fixtures/canaries'
import { createFileKvStore } from '../settings/file-kv-store'
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings'
import type { PowerMonitorPort } from './auto-lock'
import { addRecord, createKit, noSession, type VaultKit } from '../../../tests/support/node/vault-kit'
import { settingsPreferencesStore } from './vault-preferences'

let kit: VaultKit | undefined
let dir: string | undefined
afterEach(async () => {
  await kit?.close()
  kit = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

const settingsIn = (path: string) =>
  createFileKvStore<Settings>(join(path, 'settings.json'), DEFAULT_SETTINGS)

/** A powerMonitor whose idle time the test sets. */
function idleMonitor(): PowerMonitorPort & { idleSeconds: number } {
  const monitor = {
    idleSeconds: 0,
    getSystemIdleTime: () => monitor.idleSeconds,
    on: () => undefined,
    removeListener: () => undefined,
  }
  return monitor
}

const flush = async (): Promise<void> => {
  for (let n = 0; n < 5; n += 1) await Promise.resolve()
}

describe('vault preferences', () => {
  it('applies a new clipboard delay to the next copy at once, and audits the change', async () => {
    kit = createKit({ session: noSession })
    await addRecord(kit, { id: 'r1' }, makeCanaryToken(7))
    expect(await kit.call('vault:preferences-get', {})).toEqual(
      ok({ preferences: DEFAULT_VAULT_PREFERENCES }),
    )
    const next = { idleLockMinutes: 5, clipboardClearSeconds: 15 }
    expect(await kit.call('vault:preferences-set', next)).toEqual(ok({ preferences: next }))

    expect(await kit.call('vault:secret-copy', { id: 'r1' })).toEqual(
      ok({ outcome: 'copied', clearsInSeconds: 15 }),
    )
    kit.timers.advance(14_999)
    await flush()
    expect(kit.clipboard.peek()).not.toBe('')
    kit.timers.advance(1)
    await flush()
    expect(kit.clipboard.peek()).toBe('')
    const state = await kit.call('vault:state-get', {})
    expect(state.ok && state.value.clipboardClearSeconds).toBe(15)
    const entries = kit.audit.read({ limit: 10 }).entries.map((e) => [e.action, e.outcome])
    expect(entries).toContainEqual(['vault-preferences-changed', 'succeeded'])
  })

  it('applies a shorter idle lock from the next idle poll on', async () => {
    const monitor = idleMonitor()
    kit = createKit({ session: noSession, deps: { powerMonitor: monitor } })
    monitor.idleSeconds = 150
    kit.timers.advance(30_000)
    await flush()
    // 150 s idle is under the default 5 minutes.
    const before = await kit.call('vault:state-get', {})
    expect(before.ok && before.value.locked).toBe(false)
    expect(kit.emitted.map((e) => e.event)).not.toContain('vault:locked')

    await kit.call('vault:preferences-set', { idleLockMinutes: 2, clipboardClearSeconds: 30 })
    kit.timers.advance(30_000)
    await flush()
    expect(kit.emitted).toContainEqual({
      event: 'vault:locked',
      payload: { reason: 'idle', messageKey: 'vaultMain.lock.reason.idle' },
    })
  })

  it('persists in Settings and a restarted vault starts with the saved values', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vault-prefs-'))
    const first = createKit({
      session: noSession,
      deps: { preferences: settingsPreferencesStore(settingsIn(dir)) },
    })
    kit = first
    const saved = { idleLockMinutes: 480, clipboardClearSeconds: 120 }
    await first.call('vault:preferences-set', saved)
    expect(settingsIn(dir).get('vaultPreferences')).toEqual(saved)
    await first.close()

    kit = createKit({
      session: noSession,
      deps: { preferences: settingsPreferencesStore(settingsIn(dir)) },
    })
    await addRecord(kit, { id: 'r1' }, makeCanaryToken(8))
    expect(await kit.call('vault:preferences-get', {})).toEqual(ok({ preferences: saved }))
    expect(await kit.call('vault:secret-copy', { id: 'r1' })).toEqual(
      ok({ outcome: 'copied', clearsInSeconds: 120 }),
    )
  })

  it('falls back to the defaults when the stored value is out of bounds', () => {
    dir = mkdtempSync(join(tmpdir(), 'vault-prefs-'))
    const settings = settingsIn(dir)
    settings.set('vaultPreferences', { idleLockMinutes: 0, clipboardClearSeconds: 5 })
    expect(settingsPreferencesStore(settings).get()).toEqual(DEFAULT_VAULT_PREFERENCES)
  })

  it('refuses a change while the vault is locked and keeps the old values', async () => {
    kit = createKit({ session: noSession })
    await kit.call('vault:lock', {})
    const answer = await kit.call('vault:preferences-set', {
      idleLockMinutes: 480,
      clipboardClearSeconds: 120,
    })
    expect(answer.ok ? null : answer.error.code).toBe('conflict')
    expect(await kit.call('vault:preferences-get', {})).toEqual(
      ok({ preferences: DEFAULT_VAULT_PREFERENCES }),
    )
  })

  it('accepts only whole numbers within the bounds, and no other fields', () => {
    const valid = (value: unknown) => VaultPreferences.safeParse(value).success
    expect(valid({ idleLockMinutes: 1, clipboardClearSeconds: 10 })).toBe(true)
    expect(valid({ idleLockMinutes: 480, clipboardClearSeconds: 120 })).toBe(true)
    expect(valid({ idleLockMinutes: 0, clipboardClearSeconds: 30 })).toBe(false)
    expect(valid({ idleLockMinutes: 481, clipboardClearSeconds: 30 })).toBe(false)
    expect(valid({ idleLockMinutes: 5, clipboardClearSeconds: 9 })).toBe(false)
    expect(valid({ idleLockMinutes: 5, clipboardClearSeconds: 121 })).toBe(false)
    expect(valid({ idleLockMinutes: 2.5, clipboardClearSeconds: 30 })).toBe(false)
    expect(valid({ idleLockMinutes: 5, clipboardClearSeconds: 30, extra: 1 })).toBe(false)
  })
})
