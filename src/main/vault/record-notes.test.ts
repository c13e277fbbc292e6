import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeCanaryToken } from '../../../tests/fixtures/canaries'
import {
  addRecord,
  kitEachTest,
  noSession,
  type VaultKit,
} from '../../../tests/support/node/vault-kit'

/** Notes live in settings.json in plain text: a token or secret pasted into one is refused. */
const kits = kitEachTest()

const settingsText = (k: VaultKit) => readFileSync(join(k.dir, 'settings.json'), 'utf8')

describe('notes on a token', () => {
  it('refuses a note holding a token or an app secret, and stores nothing of it', async () => {
    const k = kits.start({ session: noSession })
    await addRecord(k, { id: 'r1' }, makeCanaryToken(470))
    const pasted = [
      `server A uses ${makeCanaryToken(471)}`,
      // Built at run time: a secret-shaped literal in the repository would fail the secret scan.
      `app secret ${'0123456789abcdef'.repeat(2)}`,
      `app token 123456789012|${'abcdefghijk'.repeat(2)}`,
    ]
    for (const note of pasted) {
      expect(await k.call('vault:record-note-set', { id: 'r1', note })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', messageKey: 'vaultMain.note.looksLikeSecret' },
      })
    }
    const stored = settingsText(k)
    for (const note of pasted) expect(stored).not.toContain(note.split(' ').at(-1))
  })

  it('refuses a secret the app has handled this session, even when it matches no pattern', async () => {
    const k = kits.start({ session: noSession })
    const unusual = 'plain-looking-value-QmZ7-unique'
    await addRecord(k, { id: 'r1' }, unusual)
    expect(
      await k.call('vault:record-note-set', { id: 'r1', note: `it is ${unusual}` }),
    ).toMatchObject({
      ok: false,
    })
  })

  it('keeps ordinary notes, words like "token" and "secret" included', async () => {
    const k = kits.start({ session: noSession })
    await addRecord(k, { id: 'r1' }, makeCanaryToken(472))
    const note = 'Token for the shop server; the secret rotation is due in May (ask Sam).'
    const saved = await k.call('vault:record-note-set', { id: 'r1', note })
    expect(saved.ok && saved.value.record.notes).toBe(note)
    expect(settingsText(k)).toContain('ask Sam')
  })
})
