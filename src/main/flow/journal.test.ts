import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RUN_ACTION_KINDS } from '@shared/ipc/schemas/flow'
import { silentLogger } from '../log/logger'
import { createJournal } from './journal'
import { createJournalLock } from './journal-lock'
import { actionOf, withAction, type JournalRun } from './journal-run'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sua-journal-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const run = (runId: string, createdAt = '2026-12-01T10:00:00.000Z'): JournalRun => ({
  version: 2,
  runId,
  createdAt,
  updatedAt: createdAt,
  practice: true,
  businessId: '104000000000001',
  businessName: 'Harbour Lane Bakery',
  appId: '104000000000002',
  name: 'Reports server',
  role: 'EMPLOYEE',
  goalId: 'read-ad-reports',
  pageVocabulary: 'sdk',
  scopes: ['ads_read'],
  warnings: [],
  expiry: '60-days',
  assignments: [{ kind: 'ad-account', tasks: ['ANALYZE'], assetIds: ['act_1'] }],
  vaultRecordId: 'f3a1c0de-0000-4000-8000-000000000001',
  status: 'planned',
  actions: RUN_ACTION_KINDS.map((kind) => ({ kind, state: 'planned', done: 0, total: 1 })),
  adopted: false,
  differences: [],
  orphans: [],
})

const runsDir = () => join(dataDir, 'runs')

/** A journal file as the build before `actions` wrote it: version 1, the actions under `steps`. */
const VERSION_1_FILE = resolve(
  import.meta.dirname,
  '../../../tests/fixtures/journal/run-v1-paused.json',
)
const versionOne = () => JSON.parse(readFileSync(VERSION_1_FILE, 'utf8')) as Record<string, unknown>

describe('the journal', () => {
  it('writes a run durably and reads back exactly what was written, write by write', () => {
    const journal = createJournal(dataDir, silentLogger)
    let current = run('run-a')
    expect(journal.save(current).ok).toBe(true)
    for (const state of ['in-flight', 'done'] as const) {
      current = withAction({ ...current, systemUserId: '42' }, 'find-or-create', { state })
      expect(journal.save(current).ok).toBe(true)
      const loaded = journal.load('run-a')
      expect(loaded.ok && actionOf(loaded.value, 'find-or-create').state).toBe(state)
      expect(loaded).toEqual({ ok: true, value: current })
    }
    // Atomic writes leave no temp file behind.
    expect(readdirSync(runsDir()).sort()).toEqual(['.lock', 'run-run-a.json'])
  })

  it('reports a torn file as unreadable and leaves it out of the list, ignoring temp files', () => {
    const journal = createJournal(dataDir, silentLogger)
    journal.save(run('good', '2026-12-01T10:00:00.000Z'))
    journal.save(run('newer', '2026-12-02T10:00:00.000Z'))
    const torn = readFileSync(join(runsDir(), 'run-good.json'), 'utf8').slice(0, 80)
    writeFileSync(join(runsDir(), 'run-good.json'), torn)
    writeFileSync(join(runsDir(), 'run-temp.json.123.tmp'), '{')
    expect(journal.load('good')).toMatchObject({ ok: false, error: { code: 'storage-failed' } })
    expect(journal.list().map((r) => r.runId)).toEqual(['newer'])
  })

  it('refuses a file that parses but is not a run, and unknown or unsafe ids', () => {
    const journal = createJournal(dataDir, silentLogger)
    writeFileSync(join(runsDir(), 'run-odd.json'), JSON.stringify({ runId: 'odd' }))
    expect(journal.load('odd')).toMatchObject({ ok: false, error: { code: 'storage-failed' } })
    expect(journal.load('missing')).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(journal.load('../settings')).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(journal.save(run('../escape')).ok).toBe(false)
  })

  it('never writes a token-shaped value: the run names the vault record only', () => {
    const journal = createJournal(dataDir, silentLogger)
    const invalid = { ...run('run-b'), token: 'EAAB-secret' } as unknown as JournalRun
    expect(journal.save(invalid)).toMatchObject({ ok: false, error: { code: 'storage-failed' } })
    expect(readdirSync(runsDir()).filter((name) => name.startsWith('run-'))).toEqual([])
  })

  it('removes a run', () => {
    const journal = createJournal(dataDir, silentLogger)
    journal.save(run('run-c'))
    expect(journal.remove('run-c')).toEqual({ ok: true, value: true })
    expect(journal.remove('run-c')).toEqual({ ok: true, value: false })
  })
})

describe('a journal file of version 1 (before actions were named)', () => {
  it('reads it as the current run, lists it, and writes it back as version 2', () => {
    const journal = createJournal(dataDir, silentLogger)
    const old = versionOne()
    const runId = old.runId as string
    writeFileSync(join(runsDir(), `run-${runId}.json`), readFileSync(VERSION_1_FILE, 'utf8'))
    const { steps, ...rest } = old
    const current = { ...rest, version: 2, actions: steps }

    const loaded = journal.load(runId)
    expect(loaded).toEqual({ ok: true, value: current })
    expect(loaded.ok && actionOf(loaded.value, 'find-or-create').state).toBe('in-flight')
    expect(journal.list()).toEqual([current])

    expect(loaded.ok && journal.save(loaded.value).ok).toBe(true)
    const rewritten: unknown = JSON.parse(
      readFileSync(join(runsDir(), `run-${runId}.json`), 'utf8'),
    )
    expect(rewritten).toEqual(current)
    expect(rewritten).not.toHaveProperty('steps')
  })

  it('is as strict as the current version: no unknown field, no mix of the two shapes', () => {
    const journal = createJournal(dataDir, silentLogger)
    const { steps, ...rest } = versionOne()
    const odd = {
      'v1-token': { ...versionOne(), token: 'EAAB-secret' },
      'v1-actions': { ...rest, actions: steps },
      'v2-steps': { ...rest, version: 2, steps },
      v3: { ...rest, version: 3, actions: steps },
    }
    for (const [runId, content] of Object.entries(odd)) {
      writeFileSync(join(runsDir(), `run-${runId}.json`), JSON.stringify({ ...content, runId }))
      expect(journal.load(runId), runId).toMatchObject({
        ok: false,
        error: { code: 'storage-failed' },
      })
    }
    expect(journal.list()).toEqual([])
  })
})

describe('the journal lock (REL-08)', () => {
  it('lets one writer in while its owner runs', () => {
    const first = createJournal(dataDir, silentLogger, { pid: 1001, isAlive: () => true })
    const second = createJournal(dataDir, silentLogger, { pid: 1002, isAlive: () => true })
    expect(first.save(run('run-a')).ok).toBe(true)
    expect(second.save(run('run-b'))).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(second.list().map((r) => r.runId)).toEqual(['run-a'])
    first.release()
    expect(second.save(run('run-b')).ok).toBe(true)
  })

  it('takes over a lock whose owner died (a crash) or whose file is torn', () => {
    const lockFile = join(dataDir, 'lock')
    writeFileSync(lockFile, '999999')
    const alive = new Set<number>()
    const taker = createJournalLock(lockFile, { pid: 2001, isAlive: (pid) => alive.has(pid) })
    expect(taker.acquire()).toBe(true)
    expect(readFileSync(lockFile, 'utf8')).toBe('2001')
    taker.release()

    writeFileSync(lockFile, '')
    expect(createJournalLock(lockFile, { pid: 2002, isAlive: () => true }).acquire()).toBe(true)
  })

  it('does not take a lock held by a live process', () => {
    const lockFile = join(dataDir, 'lock')
    expect(createJournalLock(lockFile, { pid: process.pid }).acquire()).toBe(true)
    // The real liveness check: this test process is alive.
    expect(createJournalLock(lockFile, { pid: 3001 }).acquire()).toBe(false)
  })
})
