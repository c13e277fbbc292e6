import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { err, ok, type Result } from '@shared/result'
import type { Logger } from '../log/logger'
import { writeAtomic } from '../settings/file-kv-store'
import { createJournalLock, type JournalLockOptions } from './journal-lock'
import { JournalRun, JournalRunOnDisk } from './journal-run'

/**
 * The crash-safe journal of the guided flow (REL-03, docs/security-requirements.md §6.2): one JSON
 * file per run under `<dataDir>/runs/`, each write atomic (temp file, fsync, rename —
 * `writeAtomic`), so after a crash a run is either in its previous state or its next one, never
 * half of each. Every write takes the journal lock first (REL-08). Files are validated on read; a
 * file that does not parse is reported, never guessed at.
 */
export interface Journal {
  /** Writes the run durably, or answers why not (`conflict`: another copy holds the lock). */
  save(run: JournalRun): Result<void>
  load(runId: string): Result<JournalRun>
  /** Every readable run, newest first; unreadable files are logged and skipped. */
  list(): JournalRun[]
  remove(runId: string): Result<boolean>
  /** Lets another process write (on quit). */
  release(): void
}

const RUN_ID = /^[A-Za-z0-9-]{1,64}$/
const fileOf = (dir: string, runId: string) => join(dir, `run-${runId}.json`)

export function createJournal(
  dataDir: string,
  log: Logger,
  lockOptions: JournalLockOptions = {},
): Journal {
  const dir = join(dataDir, 'runs')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const lock = createJournalLock(join(dir, '.lock'), lockOptions)

  const locked = (): Result<void> =>
    lock.acquire() ? ok(undefined) : err('conflict', 'flowMain.journal.locked')

  const read = (file: string): Result<JournalRun> => {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return err('not-found', 'flowMain.run.notFound')
      }
      log.error('flowHome.journal-read-failed', { error })
      return err('storage-failed', 'flowMain.journal.unreadable')
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      log.error('flowHome.journal-torn', { file, bytes: text.length })
      return err('storage-failed', 'flowMain.journal.unreadable')
    }
    // An older version is read as the current one (JournalRunOnDisk); writes are the current one.
    const run = JournalRunOnDisk.safeParse(parsed)
    if (!run.success) {
      log.error('flowHome.journal-invalid', { file })
      return err('storage-failed', 'flowMain.journal.unreadable')
    }
    return ok(run.data)
  }

  return {
    save(run) {
      if (!RUN_ID.test(run.runId)) return err('invalid-input', 'errors.invalidInput')
      const held = locked()
      if (!held.ok) return held
      try {
        writeAtomic(fileOf(dir, run.runId), JSON.stringify(JournalRun.parse(run), null, 2))
        return ok(undefined)
      } catch (error) {
        log.error('flowHome.journal-write-failed', { error })
        return err('storage-failed', 'flowMain.journal.writeFailed')
      }
    },
    load(runId) {
      if (!RUN_ID.test(runId)) return err('not-found', 'flowMain.run.notFound')
      return read(fileOf(dir, runId))
    },
    list() {
      const runs: JournalRun[] = []
      for (const name of readdirSync(dir)) {
        // Temp files of an interrupted write are ignored: the rename never happened.
        if (!/^run-[A-Za-z0-9-]+\.json$/.test(name)) continue
        const run = read(join(dir, name))
        if (run.ok) runs.push(run.value)
      }
      return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },
    remove(runId) {
      if (!RUN_ID.test(runId)) return ok(false)
      const held = locked()
      if (!held.ok) return held
      try {
        unlinkSync(fileOf(dir, runId))
        return ok(true)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(false)
        log.error('flowHome.journal-remove-failed', { error })
        return err('storage-failed', 'flowMain.journal.writeFailed')
      }
    },
    release: () => lock.release(),
  }
}
