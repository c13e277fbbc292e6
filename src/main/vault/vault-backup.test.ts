import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Channel } from '@shared/ipc/channels'
import { CONTRACT } from '@shared/ipc/contract'
import { makeCanaryToken, scanForCanaries } from '../../../tests/fixtures/canaries'
import { vaultSecretRef } from './secrets-access'
import {
  addRecord,
  createKit,
  noSession,
  secretsInResponses,
  type VaultKit,
} from '../../../tests/support/node/vault-kit'

/** The encrypted backup, its restore, the inventory, and the canary scans of a whole run. */
const kits: VaultKit[] = []
afterEach(async () => {
  for (const kit of kits.splice(0)) await kit.close()
})

const newKit = (): VaultKit => {
  const kit = createKit({ session: noSession })
  kits.push(kit)
  return kit
}

const PASSWORD = 'correct horse battery staple'
const canaries = [makeCanaryToken(11), makeCanaryToken(12), makeCanaryToken(13)]

async function filledKit(): Promise<VaultKit> {
  const kit = newKit()
  await addRecord(kit, { id: 'a', systemUserName: 'Orders' }, canaries[0])
  await addRecord(kit, { id: 'b', kind: 'admin-system-user', notes: '=cmd|calc' }, canaries[1])
  await addRecord(kit, { id: 'c', kind: 'imported', label: 'Shop' }, canaries[2])
  return kit
}

const exportsOf = (kit: VaultKit): string[] =>
  readdirSync(join(kit.dir, 'exports')).map((name) => join(kit.dir, 'exports', name))

describe('encrypted backup', () => {
  it('writes a file with 0 canaries that restores every record and token elsewhere', async () => {
    const source = await filledKit()
    const saved = await source.call('vault:backup-create', { password: PASSWORD })
    expect(saved.ok && saved.value).toMatchObject({ outcome: 'saved', count: 3 })
    const [file] = exportsOf(source)
    expect(scanForCanaries(file!, canaries)).toEqual([])

    const target = newKit()
    mkdirSync(join(target.dir, 'exports'), { recursive: true })
    copyFileSync(file!, join(target.dir, 'exports', 'backup.suavault'))
    const restored = await target.call('vault:backup-restore', { password: PASSWORD })
    expect(restored).toEqual({ ok: true, value: { outcome: 'restored', added: 3, replaced: 0 } })
    expect(target.index.list()).toEqual(source.index.list())
    for (const record of source.index.list()) {
      expect(await target.secrets.inner.get(vaultSecretRef(record))).toBe(
        await source.secrets.inner.get(vaultSecretRef(record)),
      )
    }
  })

  it('refuses a short password before reading a single token', async () => {
    const kit = await filledKit()
    const answer = await kit.call('vault:backup-create', { password: 'short' })
    expect(answer.ok ? null : answer.error).toMatchObject({
      messageKey: 'vaultMain.backup.passwordTooShort',
      params: { min: 12 },
    })
    expect(kit.secrets.reads).toBe(0)
  })

  it('refuses a wrong password and a tampered file with a clear message, changing nothing', async () => {
    const source = await filledKit()
    await source.call('vault:backup-create', { password: PASSWORD })
    const [file] = exportsOf(source)
    const target = newKit()
    mkdirSync(join(target.dir, 'exports'), { recursive: true })
    const copy = join(target.dir, 'exports', 'backup.suavault')
    copyFileSync(file!, copy)
    const wrong = await target.call('vault:backup-restore', { password: 'not the password at all' })
    expect(wrong.ok ? null : wrong.error.messageKey).toBe('vaultMain.backup.wrongPassword')

    const text = readFileSync(copy, 'utf8')
    const at = text.indexOf('"data":"') + 20
    const flipped = text[at] === 'A' ? 'B' : 'A'
    writeFileSync(copy, `${text.slice(0, at)}${flipped}${text.slice(at + 1)}`)
    const tampered = await target.call('vault:backup-restore', { password: PASSWORD })
    expect(tampered.ok).toBe(false)
    expect(target.index.list()).toEqual([])
    expect(target.secrets.inner.size()).toBe(0)
  })

  it('says "cancelled" when there is no file to restore', async () => {
    const kit = newKit()
    expect(await kit.call('vault:backup-restore', { password: PASSWORD })).toEqual({
      ok: true,
      value: { outcome: 'cancelled' },
    })
  })
})

describe('a whole run leaves secrets nowhere but the keychain and the reveal answer', () => {
  it('reveal, copy, lock, unlock, backup, restore, inventory, audit: 0 canaries on disk and in answers', async () => {
    const kit = await filledKit()
    await kit.call('vault:records-list', { query: 'orders' })
    await kit.call('vault:record-get', { id: 'a' })
    const revealed = await kit.call('vault:secret-reveal', { id: 'a' })
    expect(revealed.ok && revealed.value.outcome).toBe('revealed')
    await kit.call('vault:reveal-end', { id: 'a', reason: 'navigation' })
    await kit.call('vault:secret-copy', { id: 'b', confirmAdmin: true })
    await kit.call('vault:lock', {})
    await kit.call('vault:secret-reveal', { id: 'a' })
    await kit.call('vault:unlock', {})
    await kit.call('vault:record-note-set', { id: 'c', note: 'used by the shop' })
    await kit.call('vault:backup-create', { password: PASSWORD })
    const inventory = await kit.call('vault:inventory-export', {})
    expect(inventory.ok && inventory.value).toMatchObject({ outcome: 'saved', count: 3 })
    await kit.call('vault:backup-restore', { password: PASSWORD })
    await kit.call('vault:reminders', {})
    await kit.call('vault:audit-list', {})
    await kit.call('vault:state-get', {})
    await kit.call('vault:record-remove', { id: 'c' })

    expect(scanForCanaries(kit.dir, canaries)).toEqual([])
    // Every successful answer passes its channel's strict response schema (as the dispatcher checks).
    const rejected = kit.responses.filter(({ channel, text }) => {
      const result = JSON.parse(text) as { ok: boolean; value?: unknown }
      return result.ok && !CONTRACT[channel as Channel].response.safeParse(result.value).success
    })
    expect(rejected.map((r) => r.channel)).toEqual([])
    const scan = secretsInResponses(kit, canaries)
    expect(scan.scanned).toBe(kit.responses.length - 2)
    expect(scan.leaks).toEqual([])
    // The scan can find one: the reveal answer does carry its token.
    const reveal = kit.responses.find((r) => r.channel === 'vault:secret-reveal')
    expect(reveal?.text).toContain(canaries[0])
    // And the audit log names every action, never a value.
    const actions = kit.audit.read({ limit: 100 }).entries.map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'token-revealed',
        'token-copied',
        'vault-locked',
        'vault-exported',
        'inventory-exported',
        'vault-imported',
        'record-removed',
      ]),
    )
  })

  it('writes the inventory as CSV with metadata only and formulas neutralised', async () => {
    const kit = await filledKit()
    await kit.call('vault:inventory-export', {})
    const [file] = exportsOf(kit)
    const csv = readFileSync(file!, 'utf8')
    expect(csv.split('\r\n')).toHaveLength(5)
    expect(csv).toContain("'=cmd|calc")
    expect(scanForCanaries(csv, canaries)).toEqual([])
  })
})
