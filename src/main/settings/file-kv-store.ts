import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import type { KvStore } from './kv-store'

/**
 * A JSON-file KvStore for tests and the browser preview. Writes are atomic (temp file, fsync,
 * rename) so a crash leaves either the old or the new file, never half of one.
 */
export function createFileKvStore<T extends Record<string, unknown>>(
  file: string,
  defaults: T,
): KvStore<T> {
  let data: T = { ...defaults, ...readJson(file) }
  return {
    get: (key) => data[key],
    set: (key, value) => {
      data = { ...data, [key]: value }
      writeAtomic(file, JSON.stringify(data, null, 2))
    },
  }
}

function readJson(file: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {}
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
}

export function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const temp = `${file}.${process.pid}.tmp`
  const fd = openSync(temp, 'w', 0o600)
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
}
