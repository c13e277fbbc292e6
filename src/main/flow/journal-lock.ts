import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'

/**
 * One writer per journal (REL-08): an exclusive lock file holding the owner's pid. The file is
 * created with O_EXCL, so two processes can never both create it. A lock whose pid is no longer
 * running (a crash, a SIGKILL) or whose content is torn is stale and taken over — otherwise a
 * crashed run could never be resumed, which is the whole point of the journal (REL-03).
 */
export interface JournalLock {
  /** True when this process holds the lock (taking it if free or stale). */
  acquire(): boolean
  release(): void
}

export interface JournalLockOptions {
  readonly pid?: number
  /** Whether a process is running; injectable for tests. */
  readonly isAlive?: (pid: number) => boolean
}

/** signal 0 checks existence only; EPERM means it exists but belongs to someone else. */
export const processIsAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function tryCreate(file: string, pid: number): boolean {
  let fd: number
  try {
    fd = openSync(file, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, String(pid))
  } finally {
    closeSync(fd)
  }
  return true
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10)
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

export function createJournalLock(file: string, options: JournalLockOptions = {}): JournalLock {
  const pid = options.pid ?? process.pid
  const isAlive = options.isAlive ?? processIsAlive
  let held = false
  return {
    acquire() {
      if (held) return true
      if (tryCreate(file, pid)) return (held = true)
      const owner = ownerOf(file)
      if (owner === pid) return (held = true)
      if (owner !== undefined && isAlive(owner)) return false
      // Stale (dead owner) or torn (no pid): remove and race for it once more. If another
      // process wins that race, O_EXCL makes us lose cleanly.
      try {
        unlinkSync(file)
      } catch {
        // Someone else removed it first.
      }
      return (held = tryCreate(file, pid))
    },
    release() {
      if (!held) return
      held = false
      if (ownerOf(file) === pid) {
        try {
          unlinkSync(file)
        } catch {
          // Already gone.
        }
      }
    },
  }
}
