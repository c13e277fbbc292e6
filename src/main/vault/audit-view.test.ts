import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { CONTRACT } from '@shared/ipc/contract'
import { makeCanaryToken, scanForCanaries } from '../../../tests/fixtures/canaries'
import { addRecord, createKit, noSession, type VaultKit } from '../../../tests/support/node/vault-kit'

/** The activity log: filtered by action, outcome and time, and exported as CSV without a secret. */
let kit: VaultKit | undefined
afterEach(async () => {
  await kit?.close()
  kit = undefined
})

const HOUR = 60 * 60 * 1000

/** 30 entries, one an hour: reveal (succeeded), copy (refused), lock (succeeded), in turn. */
function seedLog(k: VaultKit): void {
  for (let n = 0; n < 30; n++) {
    const kind = n % 3
    k.audit.append({
      action: kind === 0 ? 'token-revealed' : kind === 1 ? 'token-copied' : 'vault-locked',
      outcome: kind === 1 ? 'refused' : 'succeeded',
      recordId: `r${n}`,
    })
    k.timers.advance(HOUR)
  }
}

describe('the activity log view', () => {
  it('filters by action, outcome and time range, and pages within the filter', async () => {
    kit = createKit({ session: noSession })
    const start = kit.timers.now()
    seedLog(kit)
    const reveals = await kit.call('vault:audit-list', { action: 'token-revealed', limit: 4 })
    expect(reveals.ok && reveals.value.entries.map((e) => e.recordId)).toEqual([
      'r27',
      'r24',
      'r21',
      'r18',
    ])
    const next = reveals.ok ? reveals.value.nextBefore : null
    expect(next).toBe(18)
    const older = await kit.call('vault:audit-list', {
      action: 'token-revealed',
      limit: 4,
      before: next ?? 0,
    })
    expect(older.ok && older.value.entries.map((e) => e.recordId)).toEqual([
      'r15',
      'r12',
      'r9',
      'r6',
    ])
    const refused = await kit.call('vault:audit-list', { outcome: 'refused', limit: 500 })
    expect(refused.ok && refused.value.entries).toHaveLength(10)
    expect(refused.ok && refused.value.nextBefore).toBeNull()
    // Hours 5 to 9 (from inclusive, to exclusive).
    const range = await kit.call('vault:audit-list', {
      from: new Date(start + 5 * HOUR).toISOString(),
      to: new Date(start + 10 * HOUR).toISOString(),
    })
    expect(range.ok && range.value.entries.map((e) => e.recordId)).toEqual([
      'r9',
      'r8',
      'r7',
      'r6',
      'r5',
    ])
    const none = await kit.call('vault:audit-list', { action: 'connect' })
    expect(none.ok && [none.value.entries, none.value.nextBefore]).toEqual([[], null])
    expect(none.ok && none.value.chain.ok).toBe(true)
  })

  it('exports the matching entries as CSV, oldest first, with labels and no secret', async () => {
    kit = createKit({ session: noSession })
    const token = makeCanaryToken(7)
    await addRecord(kit, { id: 'r1', notes: '=HYPERLINK("x")' }, token)
    expect((await kit.call('vault:secret-reveal', { id: 'r1' })).ok).toBe(true)
    expect((await kit.call('vault:secret-copy', { id: 'r1' })).ok).toBe(true)
    seedLog(kit)
    const saved = await kit.call('vault:audit-export', { action: 'token-copied' })
    if (!saved.ok || saved.value.outcome !== 'saved') throw new Error('the export was not saved')
    expect(saved.value.count).toBe(11)
    const text = readFileSync(saved.value.location, 'utf8')
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^line,time \(UTC\),action,what happened,outcome,result,record id/)
    expect(lines).toHaveLength(12)
    expect(lines[1]).toMatch(/^\d+,[^,]+,token-copied,[^,]+,succeeded,[^,]+,r1,/)
    expect(lines.at(-1)).toMatch(/,token-copied,[^,]+,refused,[^,]+,r28,/)
    // Metadata only: the token is in no form in the exported file, nor in the whole data dir's exports.
    expect(scanForCanaries(text, [token])).toEqual([])
    expect(scanForCanaries(kit.dir, [token])).toEqual([])
    // The export is itself audited.
    const last = kit.audit.read({ limit: 1 }).entries[0]
    expect([last?.action, last?.outcome]).toEqual(['audit-exported', 'succeeded'])
  })

  it('refuses an unknown filter field, action or outcome, and a date that is not an instant', () => {
    const request = CONTRACT['vault:audit-export'].request
    expect(request.safeParse({ action: 'token-copied' }).success).toBe(true)
    expect(request.safeParse({ action: 'token-stolen' }).success).toBe(false)
    expect(request.safeParse({ outcome: 'maybe' }).success).toBe(false)
    expect(request.safeParse({ from: '2026-01-01' }).success).toBe(false)
    expect(request.safeParse({ secret: 'x' }).success).toBe(false)
  })
})
