import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { makeCanaryAppSecret, makeCanaryToken } from '../../../tests/fixtures/canaries'
import { createLogger, memorySink } from '../log/logger'
import { createMemorySecretStore, type MemorySecretStore } from '../secrets/memory-secret-store'
import { verificationMessage } from './audit-chain'
import type { AuditInput } from './audit-entry'
import { auditLogPath, createAuditLog, type AuditLog } from './audit-log'
import { auditAnchorRef, startAnchoredAuditLog } from './anchored-audit-log'

/**
 * The anchor at start: each edit the chain alone cannot see — cutting the end off, rewriting the
 * file as a fresh valid chain, swapping in another valid log — is found at the next start, and an
 * intact (or merely longer) log passes.
 */

let dataDir = ''
let store: MemorySecretStore
let sink: ReturnType<typeof memorySink>
let clock = Date.UTC(2026, 2, 1, 9, 0, 0)

const logFile = () => auditLogPath(dataDir)
const fileLines = () => readFileSync(logFile(), 'utf8').split('\n').slice(0, -1)
const writeLines = (lines: readonly string[]) =>
  writeFileSync(logFile(), lines.map((line) => `${line}\n`).join(''))

const sample = (index: number): AuditInput => ({
  action: index % 2 === 0 ? 'token-copied' : 'token-revealed',
  outcome: 'succeeded',
  recordId: randomUUID(),
  businessId: '1234567890123456',
  systemUserId: `6100${index}`,
})

/** One start of the app: the log, its start check finished. */
async function start() {
  const log = startAnchoredAuditLog({
    dataDir,
    secrets: store,
    log: createLogger([sink]),
    now: () => (clock += 1_000),
  })
  await log.checked()
  return log
}

async function startAndAppend(count: number) {
  const log = await start()
  for (let index = 0; index < count; index += 1) log.append(sample(index))
  await log.settled()
  return log
}

/** A valid log written elsewhere, as another install (or an attacker's script) would. */
function otherValidLog(count: number): string[] {
  const elsewhere = mkdtempSync(join(tmpdir(), 'sua-other-'))
  try {
    const other = createAuditLog({ dataDir: elsewhere, now: () => (clock += 7_000) })
    for (let index = 0; index < count; index += 1) other.append(sample(index + 100))
    return readFileSync(auditLogPath(elsewhere), 'utf8').split('\n').slice(0, -1)
  } finally {
    rmSync(elsewhere, { recursive: true, force: true })
  }
}

/** What the audit view would show: 'ok' or the problem found. */
const problemOf = (log: AuditLog) => {
  const result = log.verify()
  return result.ok ? 'ok' : result.problem
}

describe('the anchored audit log', () => {
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sua-anchor-'))
    store = createMemorySecretStore()
    sink = memorySink()
  })
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('passes an intact log at the next start, and a longer one (a crash before the anchor write)', async () => {
    await startAndAppend(5)
    const again = await start()
    expect(again.verify()).toMatchObject({ ok: true, head: { entries: 5 } })
    expect(verificationMessage(again.verify()).messageKey).toBe('vaultMain.audit.chain.ok')

    // An entry written while the anchor was not updated (the app stopped in between).
    createAuditLog({ dataDir }).append(sample(9))
    const longer = await start()
    expect(problemOf(longer)).toBe('ok')
  })

  it('finds a truncated log at the next start', async () => {
    await startAndAppend(5)
    writeLines(fileLines().slice(0, 3))
    const next = await start()
    expect(next.verify()).toStrictEqual({ ok: false, problem: 'anchor-truncated', line: 5 })
  })

  it('finds a deleted log (truncated to nothing) at the next start', async () => {
    await startAndAppend(4)
    rmSync(logFile())
    expect(problemOf(await start())).toBe('anchor-truncated')
  })

  it('finds a log rewritten whole as a fresh valid chain at the next start', async () => {
    await startAndAppend(5)
    // Same length, every entry new and correctly chained: the chain alone says "ok".
    writeLines(otherValidLog(5))
    expect(createAuditLog({ dataDir }).verify().ok).toBe(true)
    const next = await start()
    expect(next.verify()).toStrictEqual({ ok: false, problem: 'anchor-replaced', line: 5 })
  })

  it('finds a log replaced by another, longer valid log at the next start', async () => {
    await startAndAppend(3)
    writeLines(otherValidLog(12))
    expect(problemOf(await start())).toBe('anchor-replaced')
  })

  it('finds a log rechained after its first entry at the next start', async () => {
    await startAndAppend(5)
    const [first = ''] = fileLines()
    // Keep entry 1, drop the rest and chain new entries after it.
    writeLines([first])
    const forger = createAuditLog({ dataDir, now: () => (clock += 3_000) })
    for (let index = 0; index < 6; index += 1) forger.append(sample(index + 50))
    expect(forger.verify().ok).toBe(true)
    expect(problemOf(await start())).toBe('anchor-rewritten')
  })

  it('keeps reporting a finding at later starts, and keeps anchoring new entries', async () => {
    await startAndAppend(5)
    writeLines(fileLines().slice(0, 2))
    const found = await start()
    found.append(sample(1))
    await found.settled()
    const later = await start()
    expect(later.verify()).toStrictEqual({ ok: false, problem: 'anchor-truncated', line: 5 })
    // New entries after the finding are protected too: cutting them off is caught as well.
    expect(fileLines()).toHaveLength(3)
  })

  it('reports an edit made while the app runs, without waiting for the next start', async () => {
    const log = await startAndAppend(4)
    writeLines(fileLines().slice(0, 1))
    expect(problemOf(log)).toBe('anchor-truncated')
  })

  it('treats a missing anchor with an empty log as the first start: silent, then anchored', async () => {
    const first = await start()
    expect(problemOf(first)).toBe('ok')
    first.append(sample(0))
    await first.settled()
    expect(await store.get(auditAnchorRef(dataDir))).not.toBeNull()
  })

  it('keeps one anchor per data folder: a second folder on the same keychain starts clean', async () => {
    await startAndAppend(4)
    const first = dataDir
    dataDir = mkdtempSync(join(tmpdir(), 'sua-second-'))
    try {
      const second = await start()
      expect(problemOf(second)).toBe('ok')
      second.append(sample(0))
      await second.settled()
      expect(auditAnchorRef(dataDir)).not.toStrictEqual(auditAnchorRef(first))
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
      dataDir = first
    }
    expect(problemOf(await start())).toBe('ok')
  })

  it('says plainly when the anchor was lost from a non-empty log, once, then anchors it', async () => {
    await startAndAppend(3)
    await store.delete(auditAnchorRef(dataDir))
    const lost = await start()
    expect(lost.verify()).toStrictEqual({ ok: false, problem: 'anchor-missing', line: 3 })
    await lost.settled()
    expect(problemOf(await start())).toBe('ok')
  })

  it('with the keychain locked at start: says it could not check, writes no anchor, checks once unlocked', async () => {
    await startAndAppend(5)
    writeLines(fileLines().slice(0, 2))
    store.simulate({ locked: true })
    const writes = store.writeAttempts
    const locked = await start()
    expect(locked.verify()).toStrictEqual({ ok: false, problem: 'anchor-unreadable', line: 2 })
    locked.append(sample(7))
    await locked.settled()
    // Anchoring the unchecked file would bless the cut: nothing is written until a check ran.
    expect(store.writeAttempts).toBe(writes)

    store.simulate({})
    locked.verify() // asks for a check again
    await locked.checked()
    expect(problemOf(locked)).toBe('anchor-truncated')
  })

  it('has a plain message with a next step for every anchor problem', () => {
    const messages = en as Record<string, string>
    for (const problem of ['truncated', 'rewritten', 'replaced', 'missing', 'unreadable']) {
      const text = messages[`vaultMain.audit.chain.anchor-${problem}`]
      expect(text, problem).toBeTruthy()
      expect(text?.length, problem).toBeGreaterThan(60)
    }
  })

  it('never writes a secret to the log file, the anchor or main’s log', async () => {
    const token = makeCanaryToken()
    const secret = makeCanaryAppSecret()
    const log = await start()
    log.append({ action: 'token-copied', outcome: 'succeeded', recordId: token })
    log.append({ action: 'token-revealed', outcome: 'failed', detailKey: secret })
    log.append(sample(1))
    await log.settled()
    writeLines(fileLines().slice(0, 1))
    await start()

    const anchor = (await store.get(auditAnchorRef(dataDir))) ?? ''
    expect(JSON.parse(anchor)).toMatchObject({ v: 1, entries: 1 })
    expect(Object.keys(JSON.parse(anchor) as object).sort()).toStrictEqual([
      'entries',
      'finding',
      'first',
      'head',
      'v',
    ])
    for (const place of [readFileSync(logFile(), 'utf8'), anchor, sink.lines.join('\n')]) {
      expect(place).not.toContain(token)
      expect(place).not.toContain(secret)
    }
    // The anchor is the only keychain entry the log keeps, under its own name.
    expect(store.refs()).toStrictEqual([auditAnchorRef(dataDir)])
  })
})
