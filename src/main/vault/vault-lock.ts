import { err, ok, type Result } from '@shared/result'
import type { AuditLog } from '../audit/audit-log'
import type { Logger } from '../log/logger'
import type { SecretStore } from '../secrets/secret-store'
import {
  createAutoLock,
  lockReasonKey,
  type AutoLock,
  type LockReason,
  type PowerMonitorPort,
} from './auto-lock'
import type { VaultEmit } from './vault-deps'
import type { Timers } from './timers'

/**
 * The vault's lock (SEC-19), wired to auto-lock.ts. Locking wipes, in one tick: the revealed value
 * (main's reveal timer ends it and tells the renderer), the clipboard if it still holds our copy,
 * any running background job that reads secrets, then tells the renderer `vault:locked`.
 *
 * What "unlock" means, honestly: this app has no master password — the secrets live in the OS
 * keychain, which the OS account's login already unlocks, and a second password we invented would
 * add a thing to forget without adding protection against anyone who has the account. So the lock
 * guards the OPEN app against a passer-by (hidden values, empty clipboard, reveal and copy refused)
 * and "Unlock" is a deliberate action that asks the keychain again: if the keychain is locked or
 * gone (the OS locked it on sleep, say), the vault stays locked; on macOS the keychain may prompt
 * for the account password itself. It is not a cryptographic barrier, and the UI must not claim one.
 */

/** Tells a wipe to run when the vault locks. */
export type Wipe = (reason: LockReason) => void | Promise<void>

export interface VaultLock {
  isLocked(): boolean
  lock(reason: LockReason): Promise<void>
  unlock(): Promise<Result<{ locked: false }>>
  onLock(name: string, wipe: Wipe): void
  /** Applies a new idle limit (seconds, 60–28,800) from the next idle poll on. */
  setIdleLimit(seconds: number): void
  /** Stops the idle poll and the power listeners (on quit). */
  stop(): void
}

/** Used where there is no powerMonitor (the preview): never idle, never a screen lock. */
const NO_POWER_MONITOR: PowerMonitorPort = {
  getSystemIdleTime: () => 0,
  on: () => undefined,
  removeListener: () => undefined,
}

export function createVaultLock(options: {
  readonly secrets: SecretStore
  readonly audit: AuditLog
  readonly emit: VaultEmit
  readonly log: Logger
  readonly timers: Timers
  readonly powerMonitor?: PowerMonitorPort
  readonly idleLockSeconds?: number
}): VaultLock {
  const autoLock: AutoLock = createAutoLock({
    powerMonitor: options.powerMonitor ?? NO_POWER_MONITOR,
    timers: options.timers,
    ...(options.idleLockSeconds !== undefined ? { idleLimitSeconds: options.idleLockSeconds } : {}),
    onLocked: (report) => {
      options.audit.append({
        action: 'vault-locked',
        outcome: report.failed.length === 0 ? 'succeeded' : 'failed',
        detailKey: lockReasonKey(report.reason),
      })
      if (report.failed.length > 0)
        options.log.warn('vault.lock-wipes-failed', {
          reason: report.reason,
          failed: report.failed.join(','),
        })
    },
  })
  // The renderer is told first, so a revealed value leaves the screen before anything async runs.
  autoLock.onLock('renderer', (reason) =>
    options.emit('vault:locked', { reason, messageKey: lockReasonKey(reason) }),
  )
  if (options.powerMonitor) autoLock.start()

  return {
    isLocked: () => autoLock.isLocked(),
    async lock(reason) {
      await autoLock.lock(reason)
    },
    async unlock() {
      if (!autoLock.isLocked()) return ok({ locked: false as const })
      let available: boolean
      try {
        available = (await options.secrets.status()).available
      } catch {
        available = false
      }
      if (!available) return err('keychain-unavailable', 'vaultMain.unlock.keychainUnavailable')
      autoLock.unlocked()
      return ok({ locked: false as const })
    },
    onLock(name, wipe) {
      autoLock.onLock(name, wipe)
    },
    stop: () => autoLock.stop(),
    setIdleLimit: (seconds) => autoLock.setIdleLimit(seconds),
  }
}
