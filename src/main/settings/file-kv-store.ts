import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import type { Logger } from '../log/logger'
import { silentLogger } from '../log/logger'
import type { KvStore } from './kv-store'

export interface FileKvStoreOptions {
  /** Where a corrupt file is reported. */
  readonly log?: Logger
  /** Clock for the `<file>.corrupt-<timestamp>` name. */
  readonly now?: () => number
}

/**
 * A JSON-file KvStore for tests and the browser preview. Writes are atomic (temp file, fsync,
 * rename) so a crash leaves either the old or the new file, never half of one. A file that is not
 * a JSON object is moved aside (never deleted: it may be the only copy of the admin's vault index)
 * and the store starts from the defaults.
 */
export function createFileKvStore<T extends Record<string, unknown>>(
  file: string,
  defaults: T,
  options: FileKvStoreOptions = {},
): KvStore<T> {
  let data: T = { ...defaults, ...readJson(file, options) }
  return {
    get: (key) => data[key],
    set: (key, value) => {
      data = { ...data, [key]: value }
      writeAtomic(file, JSON.stringify(data, null, 2))
    },
  }
}

type ReadOutcome = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string }

function parseObject(text: string): ReadOutcome {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    // The parser's message quotes the file's content; the reason alone is enough for the log.
    return { ok: false, reason: 'invalid-json' }
  }
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? { ok: true, value: parsed as Record<string, unknown> }
    : { ok: false, reason: 'not-an-object' }
}

function readJson(file: string, options: FileKvStoreOptions): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    // Unreadable (permissions, a directory in the way): moving it aside would not help, and
    // starting from defaults would overwrite data we could not even look at.
    throw error
  }
  const outcome = parseObject(text)
  if (outcome.ok) return outcome.value
  const movedTo = moveAside(file, (options.now ?? Date.now)())
  ;(options.log ?? silentLogger).error('settings.corrupt-file-moved', {
    file,
    movedTo,
    reason: outcome.reason,
    bytes: Buffer.byteLength(text),
  })
  return {}
}

function moveAside(file: string, at: number): string {
  // No ":" in the name: it is not allowed in Windows file names.
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-')
  let target = `${file}.corrupt-${stamp}`
  for (let n = 1; existsSync(target); n += 1) target = `${file}.corrupt-${stamp}-${n}`
  renameSync(file, target)
  return target
}

/** Writes a whole file or nothing: temp file in the same directory, fsync, rename over the target. */
export function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const temp = `${file}.${process.pid}.tmp`
  try {
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, text)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (error) {
    removeQuietly(temp)
    throw error
  }
  syncDirectory(dirname(file))
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // Nothing to clean up, or not a file we made.
  }
}

/** Makes the rename itself durable (POSIX); Windows cannot open a directory for fsync. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
