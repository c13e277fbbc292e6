import { randomUUID } from 'node:crypto'
import {
  appendFileSync,
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  makeCanaryAppSecret,
  makeCanaryToken,
  scanForCanaries,
} from '../../../tests/fixtures/canaries'
import { en } from '@shared/i18n/en'
import { GENESIS, hashLine, verificationMessage } from './audit-chain'
import {
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  REDACTED_DETAIL_KEY,
  auditActionKey,
  auditOutcomeKey,
  type AuditInput,
} from './audit-entry'
import { createAuditLog } from './audit-log'

const START = Date.UTC(2026, 2, 1, 9, 0, 0)

let dataDir = ''
const logFile = () => join(dataDir, 'audit', 'audit.log')
const lines = () => readFileSync(logFile(), 'utf8').split('\n').slice(0, -1)

function openLog() {
  let clock = START
  return createAuditLog({ dataDir, now: () => (clock += 1_000) })
}

const sample = (index: number): AuditInput => ({
  action: index % 2 === 0 ? 'token-copied' : 'token-revealed',
  outcome: 'succeeded',
  recordId: randomUUID(),
  businessId: '1234567890123456',
  systemUserId: `6100${index}`,
})

describe('the audit log', () => {
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sua-audit-'))
  })
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('appends chained JSON lines to <dataDir>/audit/audit.log, dir 0700 and file 0600', () => {
    const log = openLog()
    const first = log.append({
      action: 'system-user-created',
      outcome: 'succeeded',
      businessId: '1234567890',
      systemUserId: '61000001',
    })
    const second = log.append({
      action: 'token-saved',
      outcome: 'failed',
      detailKey: 'errors.keychainFailed',
    })
    expect(first).toEqual({
      at: new Date(START + 1_000).toISOString(),
      action: 'system-user-created',
      businessId: '1234567890',
      systemUserId: '61000001',
      outcome: 'succeeded',
      prev: GENESIS,
    })
    const written = lines()
    expect(written.map((line) => JSON.parse(line) as unknown)).toEqual([first, second])
    expect(second.prev).toBe(hashLine(written[0] ?? ''))
    expect(statSync(join(dataDir, 'audit')).mode & 0o777).toBe(0o700)
    expect(statSync(logFile()).mode & 0o777).toBe(0o600)
  })

  it('tightens the permissions of a file that already existed', () => {
    openLog().append(sample(0))
    chmodSync(logFile(), 0o644)
    openLog().append(sample(1))
    expect(statSync(logFile()).mode & 0o777).toBe(0o600)
  })

  it('writes a redacted marker instead of any entry holding something token-like', () => {
    const token = makeCanaryToken(21)
    const secret = makeCanaryAppSecret(22)
    const log = openLog()
    const refused: AuditInput[] = [
      { action: 'token-saved', outcome: 'succeeded', recordId: token },
      { action: 'token-copied', outcome: 'succeeded', businessId: `id ${token} id` },
      { action: 'connect', outcome: 'failed', systemUserId: `123456789|${secret}` },
      { action: 'connect', outcome: 'failed', detailKey: `errors.${secret}` },
      { action: 'connect', outcome: 'failed', detailKey: `access_token=${token.slice(3)}` },
      { action: 'token-saved', outcome: 'succeeded', recordId: 'line\nbreak' },
    ]
    for (const input of refused) {
      expect(log.append(input)).toMatchObject({
        action: input.action,
        outcome: input.outcome,
        detailKey: REDACTED_DETAIL_KEY,
        redacted: true,
      })
    }
    // A property the entry does not know is dropped, not written.
    const extra = { ...sample(0), token } as AuditInput
    expect(log.append(extra)).not.toHaveProperty('token')
    expect(scanForCanaries(dataDir, [token, secret, token.slice(3)])).toEqual([])
    expect(log.verify()).toMatchObject({ ok: true, head: { entries: 7 } })
  })

  it('keeps 0 canaries on disk whatever text they hide in (property)', () => {
    const canaries = [makeCanaryToken(31), makeCanaryToken(32), makeCanaryAppSecret(33)]
    const log = openLog()
    const hidden = fc
      .tuple(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(...canaries),
        fc.string({ maxLength: 12 }),
      )
      .map(([before, canary, after]) => `${before}${canary}${after}`)
    fc.assert(
      fc.property(
        fc.constantFrom('recordId', 'businessId', 'systemUserId', 'detailKey'),
        hidden,
        (field, text) => {
          const entry = log.append({ action: 'token-copied', outcome: 'succeeded', [field]: text })
          expect(entry.redacted).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
    expect(scanForCanaries(dataDir, canaries)).toEqual([])
    // The scan itself can find a canary here: plant one beside the log and look again.
    writeFileSync(join(dataDir, 'planted.txt'), canaries[0] ?? '')
    expect(scanForCanaries(dataDir, canaries)).toHaveLength(1)
  })

  it('reads newest first, a page at a time', () => {
    const log = openLog()
    for (let index = 0; index < 7; index += 1) log.append(sample(index))
    const first = log.read({ limit: 3 })
    expect(first.entries.map((entry) => entry.index)).toEqual([6, 5, 4])
    expect(first.nextBefore).toBe(4)
    const second = log.read({ limit: 3, before: first.nextBefore ?? 0 })
    expect(second.entries.map((entry) => entry.index)).toEqual([3, 2, 1])
    const last = log.read({ limit: 3, before: second.nextBefore ?? 0 })
    expect(last.entries.map((entry) => entry.index)).toEqual([0])
    expect(last.nextBefore).toBeNull()
    expect(log.read().entries).toHaveLength(7)
    expect(createAuditLog({ dataDir: join(dataDir, 'none') }).read()).toEqual({
      entries: [],
      nextBefore: null,
    })
  })

  it('tolerates a torn last line (crash mid-append) and cuts it off on the next append', () => {
    const log = openLog()
    for (let index = 0; index < 3; index += 1) log.append(sample(index))
    const torn = lines()[2]?.slice(0, 40) ?? ''
    appendFileSync(logFile(), torn)
    const restarted = openLog()
    expect(restarted.read().entries.map((entry) => entry.index)).toEqual([2, 1, 0])
    expect(restarted.verify()).toMatchObject({ ok: true, tornTail: true, head: { entries: 3 } })
    restarted.append(sample(3))
    expect(lines()).toHaveLength(4)
    expect(restarted.verify()).toMatchObject({ ok: true, tornTail: false, head: { entries: 4 } })
  })

  it('continues the chain after a restart', () => {
    openLog().append(sample(0))
    openLog().append(sample(1))
    expect(openLog().verify()).toMatchObject({ ok: true, head: { entries: 2 } })
  })

  describe('verify', () => {
    const build = (count: number) => {
      const log = openLog()
      for (let index = 0; index < count; index += 1) log.append(sample(index))
      return log
    }
    const rewrite = (edit: (all: string[]) => string[]) =>
      writeFileSync(logFile(), `${edit(lines()).join('\n')}\n`)

    it('detects an edited line in the middle, at the line after it', () => {
      const log = build(5)
      rewrite((all) =>
        all.map((line, index) => (index === 2 ? line.replace('succeeded', 'failed') : line)),
      )
      expect(log.verify()).toEqual({ ok: false, line: 4, problem: 'chain-broken' })
    })

    it('detects a removed, an inserted and a swapped line', () => {
      const log = build(5)
      const original = lines()
      rewrite((all) => all.filter((_, index) => index !== 1))
      expect(log.verify()).toMatchObject({ ok: false, line: 2, problem: 'chain-broken' })
      writeFileSync(logFile(), `${original.join('\n')}\n`)
      rewrite((all) => [...all.slice(0, 3), all[1] ?? '', ...all.slice(3)])
      expect(log.verify()).toMatchObject({ ok: false, problem: 'chain-broken' })
      writeFileSync(logFile(), `${original.join('\n')}\n`)
      rewrite((all) => [all[0] ?? '', all[2] ?? '', all[1] ?? '', ...all.slice(3)])
      expect(log.verify()).toMatchObject({ ok: false, line: 2, problem: 'chain-broken' })
    })

    it('detects any single changed character in any line but the last', () => {
      const log = build(4)
      const original = lines()
      const lastStart = original.slice(0, -1).join('\n').length + 1
      fc.assert(
        fc.property(
          fc.nat({ max: lastStart - 2 }),
          fc.string({ minLength: 1, maxLength: 1 }),
          (position, replacement) => {
            const text = `${original.join('\n')}\n`
            fc.pre(
              text[position] !== replacement && text[position] !== '\n' && replacement !== '\n',
            )
            writeFileSync(
              logFile(),
              text.slice(0, position) + replacement + text.slice(position + 1),
            )
            expect(log.verify().ok).toBe(false)
          },
        ),
        { numRuns: 300 },
      )
    })

    it('reports a line that is not an entry as malformed', () => {
      const log = build(3)
      rewrite((all) => [all[0] ?? '', 'not json', ...all.slice(1)])
      expect(log.verify()).toEqual({ ok: false, line: 2, problem: 'malformed' })
    })

    it('misses lines cut off the end on its own, and catches it against a kept head', () => {
      const log = build(5)
      const head = log.head()
      rewrite((all) => all.slice(0, 3))
      expect(log.verify()).toMatchObject({ ok: true, head: { entries: 3 } })
      expect(log.verify(head)).toEqual({ ok: false, line: 3, problem: 'truncated' })
    })

    it('misses a rewritten chain on its own, and catches it against a kept head', () => {
      const log = build(3)
      const head = log.head()
      rmSync(logFile())
      const forger = openLog()
      for (let index = 0; index < 3; index += 1)
        forger.append({ ...sample(index), outcome: 'failed' })
      expect(log.verify()).toMatchObject({ ok: true })
      expect(log.verify(head)).toMatchObject({ ok: false, problem: 'chain-broken' })
    })

    it('accepts entries appended after a kept head', () => {
      const log = build(3)
      const head = log.head()
      log.append(sample(3))
      log.append(sample(4))
      expect(log.verify(head)).toMatchObject({ ok: true, head: { entries: 5 } })
    })
  })

  it('refuses an action or outcome outside the closed lists (a programming error)', () => {
    const log = openLog()
    expect(() =>
      log.append({ action: 'nope', outcome: 'succeeded' } as unknown as AuditInput),
    ).toThrow(RangeError)
    expect(() =>
      log.append({ action: 'connect', outcome: 'meh' } as unknown as AuditInput),
    ).toThrow(RangeError)
  })

  it('has a plain-language label for every action, outcome and verification result', () => {
    const keys = [
      ...AUDIT_ACTIONS.map(auditActionKey),
      ...AUDIT_OUTCOMES.map(auditOutcomeKey),
      REDACTED_DETAIL_KEY,
      ...(['malformed', 'chain-broken', 'truncated'] as const).map(
        (problem) => verificationMessage({ ok: false, line: 1, problem }).messageKey,
      ),
      verificationMessage({ ok: true, head: { entries: 0, hash: GENESIS }, tornTail: false })
        .messageKey,
    ]
    expect(keys.filter((key) => !(key in en))).toEqual([])
  })
})
