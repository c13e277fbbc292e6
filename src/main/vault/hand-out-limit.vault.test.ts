import { describe, expect, it } from 'vitest'
import { makeCanaryToken } from '../../../tests/fixtures/canaries'
import {
  addRecord,
  kitEachTest,
  noSession,
  type VaultKit,
} from '../../../tests/support/node/vault-kit'
import { HAND_OUT_LIMIT } from './hand-out-limit'

/**
 * SEC-25: a compromised renderer asks for every token as fast as it can. Main hands out at most
 * the limit, then locks the vault; every attempt is in the audit log, the value in none.
 */
const kits = kitEachTest()

/** Every entry of the kit's audit log, oldest first (the log reads newest first, in pages). */
function allEntries(k: VaultKit) {
  const entries = []
  let before: number | undefined
  for (;;) {
    const page = k.audit.read({ limit: 500, ...(before !== undefined ? { before } : {}) })
    entries.push(...page.entries)
    if (page.nextBefore === null) return entries.reverse()
    before = page.nextBefore
  }
}

const outcomeOf = (result: unknown) =>
  (result as { ok: boolean; value?: { outcome?: string } }).value?.outcome ?? 'error'

describe('reveals and copies past the hand-out limit', () => {
  it('1,000 scripted reveals and copies: at most the limit, then a lock, each one audited', async () => {
    const k = kits.start({ session: noSession })
    const tokens = Array.from({ length: 20 }, (_, n) => makeCanaryToken(400 + n))
    for (const [n, token] of tokens.entries()) await addRecord(k, { id: `r${n}` }, token)

    const outcomes: string[] = []
    for (let attempt = 0; attempt < 1_000; attempt += 1) {
      const request = { id: `r${attempt % tokens.length}` }
      const channel = attempt % 2 === 0 ? 'vault:secret-reveal' : 'vault:secret-copy'
      outcomes.push(outcomeOf(await k.call(channel, request)))
    }

    const handedOut = outcomes.filter((outcome) => outcome === 'revealed' || outcome === 'copied')
    expect(handedOut).toHaveLength(HAND_OUT_LIMIT.count)
    expect(outcomes.slice(HAND_OUT_LIMIT.count).every((outcome) => outcome === 'locked')).toBe(true)
    expect(k.emitted.filter((e) => e.event === 'vault:locked')).toEqual([
      {
        event: 'vault:locked',
        payload: { reason: 'hand-out-limit', messageKey: 'vaultMain.lock.reason.hand-out-limit' },
      },
    ])
    // Only the handed-out ones were read from the keychain.
    expect(k.secrets.reads).toBe(HAND_OUT_LIMIT.count)

    const entries = allEntries(k)
    const attempts = entries.filter(
      (e) => e.action === 'token-revealed' || e.action === 'token-copied',
    )
    expect(attempts).toHaveLength(1_000)
    expect(attempts.filter((e) => e.outcome === 'succeeded')).toHaveLength(HAND_OUT_LIMIT.count)
    expect(attempts[HAND_OUT_LIMIT.count]).toMatchObject({
      outcome: 'refused',
      detailKey: 'vaultMain.handOutLimit',
    })
    expect(
      attempts.slice(HAND_OUT_LIMIT.count + 1).every((e) => e.detailKey === 'vaultMain.locked'),
    ).toBe(true)
    expect(entries.filter((e) => e.action === 'vault-locked')).toHaveLength(1)
  })

  it('after the lock, an unlock gives the whole budget again', async () => {
    const k = kits.start({ session: noSession })
    await addRecord(k, { id: 'r1' }, makeCanaryToken(450))
    for (let n = 0; n < HAND_OUT_LIMIT.count; n += 1)
      await k.call('vault:secret-copy', { id: 'r1' })
    expect(outcomeOf(await k.call('vault:secret-copy', { id: 'r1' }))).toBe('locked')
    expect(await k.call('vault:unlock', {})).toEqual({ ok: true, value: { locked: false } })
    expect(outcomeOf(await k.call('vault:secret-reveal', { id: 'r1' }))).toBe('revealed')
  })

  it('an admin who copies a few tokens a minute never meets it', async () => {
    const k = kits.start({ session: noSession })
    await addRecord(k, { id: 'r1' }, makeCanaryToken(451))
    const outcomes: string[] = []
    for (let minute = 0; minute < 30; minute += 1) {
      for (let n = 0; n < HAND_OUT_LIMIT.count; n += 1) {
        outcomes.push(outcomeOf(await k.call('vault:secret-copy', { id: 'r1' })))
      }
      k.timers.advance(HAND_OUT_LIMIT.windowMs)
    }
    expect(outcomes.every((outcome) => outcome === 'copied')).toBe(true)
    expect(k.emitted.filter((e) => e.event === 'vault:locked')).toEqual([])
  })
})
