import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

/**
 * Counts durable writes and the time spent in fsync while a scenario runs, without touching the
 * code under test: the app's modules import `fsyncSync`/`renameSync` from node:fs, whose ESM
 * bindings follow the CommonJS object after `syncBuiltinESMExports()`. Every atomic write of the
 * journal or the vault index (`writeAtomic`: temp file, fsync, rename, fsync of the directory) is
 * one rename and two fsyncs.
 */
export interface FsyncMeter {
  /** Renames so far: one per atomic write. */
  readonly writes: number
  /** Wall time spent inside fsyncSync so far (ms). */
  readonly fsyncMs: number
  stop(): void
}

export function meterFsync(): FsyncMeter {
  const originalFsync = fs.fsyncSync
  const originalRename = fs.renameSync
  let writes = 0
  let fsyncMs = 0
  fs.fsyncSync = (fd) => {
    const start = performance.now()
    try {
      originalFsync(fd)
    } finally {
      fsyncMs += performance.now() - start
    }
  }
  fs.renameSync = (from, to) => {
    writes += 1
    originalRename(from, to)
  }
  syncBuiltinESMExports()
  return {
    get writes() {
      return writes
    },
    get fsyncMs() {
      return fsyncMs
    },
    stop() {
      fs.fsyncSync = originalFsync
      fs.renameSync = originalRename
      syncBuiltinESMExports()
    },
  }
}
