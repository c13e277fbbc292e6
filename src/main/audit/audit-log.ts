import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import {
  GENESIS,
  hashLine,
  parseEntry,
  splitLines,
  verifyLines,
  type AuditHead,
  type AuditVerification,
} from './audit-chain'
import { guardAuditInput, type AuditEntry, type AuditInput } from './audit-entry'

/**
 * The local audit log: `<dataDir>/audit/audit.log`, one JSON entry per line, append-only and
 * hash-chained (audit-chain.ts). The directory is 0700 and the file 0600, like every other file
 * of the vault. Writes are synchronous and fsynced, so an entry that `append` returned is on disk
 * and entries never interleave; a crash mid-append leaves at most one partial last line, which
 * reading skips and the next append cuts off (it was never acknowledged, so no entry is lost).
 */

export interface AuditLogOptions {
  readonly dataDir: string
  /** Clock for `at`, ms since the epoch. */
  readonly now?: () => number
  /**
   * Told the new head after each entry is on disk, so an anchor kept elsewhere can follow it
   * (anchored-audit-log.ts). Called after the fsync: the file is always at or ahead of an anchor.
   */
  readonly onAppend?: (head: AuditHead) => void
}

/** An entry with its position in the file (0-based), the cursor for paging. */
export type IndexedAuditEntry = AuditEntry & { readonly index: number }

export interface AuditPage {
  /** Newest first. */
  readonly entries: readonly IndexedAuditEntry[]
  /** Pass as `before` for the next (older) page; null when there is none. */
  readonly nextBefore: number | null
}

export interface AuditReadOptions {
  /** How many entries, 1–500; 50 by default. */
  readonly limit?: number
  /** Only entries with an index below this (from a previous page's `nextBefore`). */
  readonly before?: number
}

export interface AuditLog {
  /** Writes one entry (or a redacted marker, see audit-entry.ts) and returns what was written. */
  append(input: AuditInput): AuditEntry
  read(options?: AuditReadOptions): AuditPage
  /** Checks the chain; with `expectedHead`, also that no entry after that head was cut off. */
  verify(expectedHead?: AuditHead): AuditVerification
  /** The current head, to keep elsewhere as an anchor for `verify`. */
  head(): AuditHead
}

export const AUDIT_READ_LIMIT = { default: 50, max: 500 } as const

/** Opens (lazily) the audit log under `dataDir`. Nothing touches the disk until first use. */
export function createAuditLog(options: AuditLogOptions): AuditLog {
  const dir = join(options.dataDir, 'audit')
  const file = auditLogPath(options.dataDir)
  const now = options.now ?? Date.now
  // The chain's end, known after the first append; dropped after a failed write so the next
  // append reads the file again (and cuts off whatever partial line the failure left).
  let tail: AuditHead | null = null

  const readContent = (): string => readAuditFile(file)

  const prepare = (): AuditHead => {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    chmodSync(dir, 0o700)
    const content = readContent()
    const { lines, tornTail } = splitLines(content)
    if (tornTail) truncateSync(file, Buffer.byteLength(content, 'utf8') - tornBytes(content))
    const last = lines[lines.length - 1]
    return { entries: lines.length, hash: last === undefined ? GENESIS : hashLine(last) }
  }

  return {
    append(input) {
      const at = new Date(now()).toISOString()
      const body = guardAuditInput(input, at)
      const prepared = tail === null
      const current = tail ?? prepare()
      const entry: AuditEntry = { ...body, prev: current.hash }
      const line = JSON.stringify(entry)
      tail = null
      const fd = openSync(file, 'a', 0o600)
      try {
        writeSync(fd, `${line}\n`)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      // openSync's mode applies only when it creates the file (and through the umask): set it
      // exactly once per (re)open, which also fixes a file left with looser permissions.
      if (prepared) chmodSync(file, 0o600)
      tail = { entries: current.entries + 1, hash: hashLine(line) }
      options.onAppend?.(tail)
      return entry
    },

    read(readOptions = {}) {
      const limit = Math.min(
        Math.max(1, Math.floor(readOptions.limit ?? AUDIT_READ_LIMIT.default)),
        AUDIT_READ_LIMIT.max,
      )
      const { lines } = splitLines(readContent())
      const before = Math.min(readOptions.before ?? lines.length, lines.length)
      const entries: IndexedAuditEntry[] = []
      let index = before - 1
      for (; index >= 0 && entries.length < limit; index -= 1) {
        const entry = parseEntry(lines[index] ?? '')
        // A line that is not a valid entry is skipped here; verify() reports it.
        if (entry) entries.push({ ...entry, index })
      }
      return { entries, nextBefore: index >= 0 ? index + 1 : null }
    },

    verify(expectedHead) {
      const { lines, tornTail } = splitLines(readContent())
      return verifyLines(lines, tornTail, expectedHead)
    },

    head() {
      const { lines } = splitLines(readContent())
      const last = lines[lines.length - 1]
      return { entries: lines.length, hash: last === undefined ? GENESIS : hashLine(last) }
    },
  }
}

/** Where the log of `dataDir` lives. */
export function auditLogPath(dataDir: string): string {
  return join(dataDir, 'audit', 'audit.log')
}

/** The log file's text; '' when there is none yet. */
export function readAuditFile(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
    throw error
  }
}

/** Bytes of the partial line after the last newline. */
function tornBytes(content: string): number {
  return Buffer.byteLength(content.slice(content.lastIndexOf('\n') + 1), 'utf8')
}
