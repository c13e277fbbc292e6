import type { Channel } from '@shared/ipc/channels'
import type { HandlerTable } from '@shared/ipc/contract'
import { err, ok } from '@shared/result'
import { exportAudit } from './audit-export'
import { listAudit } from './audit-view'
import type { LockReason } from './auto-lock'
import { createHealthJobs, type HealthJobs } from './health-jobs'
import { exportInventory } from './inventory'
import { createVaultBackup, restoreVaultBackup } from './vault-backup'
import { importToken, removeRecord, setNote } from './record-actions'
import { collectReminders, createReminderStore, REMINDER_POLL_MS } from './reminders'
import { REVEAL_DURATION_MS } from './reveal-timer'
import { copySecret, endReveal, revealSecret } from './reveal-copy'
import { confirmRotation, startRotation } from './rotation'
import { refresh, revoke, revokeAll } from './token-actions'
import { createVaultContext } from './vault-context'
import { setPreferences } from './vault-preferences'
import type { VaultDeps } from './vault-deps'
import { listPage, toListItem } from './vault-view'

/**
 * The vault's IPC handlers, built from its ports (vault-deps.ts). `services.ts` spreads
 * `createVault(deps).handlers` into the handler table; `dispose()` runs on quit (clears the
 * clipboard if it still holds our copy, stops timers), `lock()` is what the host calls when it
 * wants to lock from outside (a menu item, say).
 */

export type VaultChannel = Extract<Channel, `vault:${string}`>
export type VaultHandlers = Pick<HandlerTable, VaultChannel>

export interface Vault {
  readonly handlers: VaultHandlers
  lock(reason: LockReason): Promise<void>
  /** On quit: clear our clipboard copy, hide any revealed value, stop jobs and timers. */
  dispose(): Promise<void>
  /** Background health checks (tests and quit wait for them). */
  readonly health: HealthJobs
}

export function createVault(deps: VaultDeps): Vault {
  const context = createVaultContext(deps)
  const health = createHealthJobs(context)
  const reminders = createReminderStore(deps.dataDir)
  context.lock.onLock('health-jobs', () => health.cancelAll())
  // Reminders while the app runs; the handler below covers the moment the vault is opened.
  const poll = deps.timers.setInterval(() => {
    try {
      collectReminders(context, reminders)
    } catch {
      deps.log.warn('vault.reminder-poll-failed')
    }
  }, REMINDER_POLL_MS)

  const handlers: VaultHandlers = {
    'vault:records-list': async (request) =>
      ok(listPage(deps.vault.list(), request, context.now())),
    'vault:record-get': async ({ id }) => {
      const found = context.find(id)
      return found.ok ? ok({ record: toListItem(found.value, context.now()) }) : found
    },
    'vault:state-get': async () =>
      ok({
        locked: context.lock.isLocked(),
        clipboardClearSeconds: Math.round(context.clipboardClearMs / 1000),
        revealSeconds: Math.round(REVEAL_DURATION_MS / 1000),
      }),
    'vault:secret-reveal': (request) => revealSecret(context, request),
    'vault:reveal-end': async (request) => endReveal(context, request),
    'vault:secret-copy': (request) => copySecret(context, request),
    'vault:lock': async () => {
      await context.lock.lock('manual')
      return ok({ locked: true as const })
    },
    'vault:unlock': () => context.lock.unlock(),
    'vault:health-check': async (request) => {
      if (context.lock.isLocked()) return err('conflict', 'vaultMain.locked')
      return health.start('all' in request ? 'all' : request.ids)
    },
    'vault:health-cancel': async ({ jobId }) => ok({ cancelled: health.cancel(jobId) }),
    'vault:refresh': ({ id }) => refresh(context, id),
    'vault:rotation-start': ({ id }) => startRotation(context, id),
    'vault:rotation-confirm': ({ id }) => confirmRotation(context, id),
    'vault:revoke': ({ id }) => revoke(context, id),
    'vault:revoke-all': ({ systemUserId }) => revokeAll(context, systemUserId),
    'vault:record-remove': ({ id }) => removeRecord(context, id),
    'vault:record-note-set': async ({ id, note }) => setNote(context, id, note),
    'vault:import': (request) => importToken(context, request),
    'vault:backup-create': ({ password }) => createVaultBackup(context, password),
    'vault:backup-restore': ({ password }) => restoreVaultBackup(context, password),
    'vault:inventory-export': () => exportInventory(context),
    'vault:audit-list': async (request) => listAudit(context, request),
    'vault:audit-export': (request) => exportAudit(context, request),
    'vault:reminders': async () => ok(collectReminders(context, reminders)),
    'vault:preferences-get': async () => ok({ preferences: context.preferences.get() }),
    'vault:preferences-set': async (request) => setPreferences(context, request),
  }

  return {
    handlers,
    health,
    lock: (reason) => context.lock.lock(reason),
    async dispose() {
      deps.timers.clearInterval(poll)
      context.lock.stop()
      health.cancelAll()
      context.reveal.hideAll('lock')
      await context.clipboard.clearNow()
      await health.idle()
    },
  }
}
