import type { MemorySecretStore, SecretRef, SecretStore } from '../../../src/main/secrets'

/**
 * The keychain's failure modes as the drill injects them, on top of the in-memory store's own
 * switches (memory-secret-store.ts), so every mode fails exactly the way that store's contract
 * says the real adapter does.
 *
 * `from-start`: the keychain is already broken when the action begins (reads fail too, so most
 * actions stop at their first keychain read). `at-write`: it breaks at the action's first write
 * (a screen lock between reading the session and saving), so the write path itself answers.
 */
export const FAILURE_MODES = ['unavailable', 'locked', 'fail-write'] as const
export type FailureMode = (typeof FAILURE_MODES)[number]

export interface Fault {
  readonly mode: FailureMode
  readonly timing: 'from-start' | 'at-write'
  /** fail-write: the k-th write from now fails (1-based). */
  readonly k?: number
  /** fail-write: every write after the k-th fails too. */
  readonly keepFailing?: boolean
}

export const describeFault = (fault: Fault): string =>
  fault.mode === 'fail-write'
    ? `fail-write k=${fault.k ?? 1}${fault.keepFailing ? ' keep-failing' : ''}`
    : `${fault.mode} ${fault.timing}`

/** One store call that threw, and how many requests the simulator had seen at that moment. */
export interface StoreFailure {
  readonly op: 'status' | 'set' | 'get' | 'delete'
  readonly requestsSeen: number
}

export interface FaultableStore extends SecretStore {
  arm(fault: Fault): void
  /** Back to a working keychain (the admin unlocked or repaired it). */
  heal(): void
  /** Failures since the last arm(). */
  readonly failures: readonly StoreFailure[]
  /** Writes attempted since the last arm(). */
  readonly writesSinceArm: number
}

const switchesOf = (fault: Fault) =>
  fault.mode === 'unavailable'
    ? { unavailable: true }
    : fault.mode === 'locked'
      ? { locked: true }
      : { failOnWrite: fault.k ?? 1, ...(fault.keepFailing ? { keepFailing: true } : {}) }

/**
 * Wraps the memory store: applies a fault now or at the next write, and notes every call that
 * throws together with the simulator's request count (so "nothing sent after the failure" can be
 * checked against the simulator's log). `requestsSeen` is read lazily: the simulator starts late.
 */
export function createFaultableStore(
  memory: MemorySecretStore,
  requestsSeen: () => number,
): FaultableStore {
  let pending: Fault | undefined
  let failures: StoreFailure[] = []
  let writes = 0

  const noted = async <T>(op: StoreFailure['op'], run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      failures.push({ op, requestsSeen: requestsSeen() })
      throw error
    }
  }

  return {
    status: async () => {
      const status = await memory.status()
      // A refusal by status (no keychain to store in) is the failure too, though nothing threw.
      if (!status.available) failures.push({ op: 'status', requestsSeen: requestsSeen() })
      return status
    },
    set: (ref: SecretRef, secret: string) => {
      writes += 1
      if (pending) {
        memory.simulate(switchesOf(pending))
        pending = undefined
      }
      return noted('set', () => memory.set(ref, secret))
    },
    get: (ref) => noted('get', () => memory.get(ref)),
    delete: (ref) => noted('delete', () => memory.delete(ref)),
    arm: (fault) => {
      failures = []
      writes = 0
      pending = undefined
      if (fault.timing === 'at-write' && fault.mode !== 'fail-write') pending = fault
      else memory.simulate(switchesOf(fault))
    },
    heal: () => {
      pending = undefined
      memory.simulate({})
    },
    get failures() {
      return failures
    },
    get writesSinceArm() {
      return writes
    },
  }
}
