import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import type { VaultPreferences } from '@shared/ipc/schemas/vault-preferences'
import { err, ok, type Result } from '@shared/result'
import type { AuditAction, AuditOutcome } from '../audit/audit-entry'
import { createAsyncClipboardGuard, type AsyncClipboardGuard } from './async-clipboard-guard'
import { createHandOutLimit, HAND_OUT_LIMIT, type HandOutLimit } from './hand-out-limit'
import { createRevealTimer, type RevealTimer } from './reveal-timer'
import type { VaultDeps } from './vault-deps'
import { createVaultLock, type VaultLock } from './vault-lock'
import {
  memoryPreferencesStore,
  preferencesFromDeps,
  type VaultPreferencesStore,
} from './vault-preferences'

/**
 * What every vault action shares: the ports, the lock, the one reveal timer and the one clipboard
 * guard, plus small helpers for the steps every action repeats (find the record, audit, tell the
 * renderer what changed).
 */
export interface VaultContext {
  readonly deps: VaultDeps
  readonly lock: VaultLock
  readonly reveal: RevealTimer
  readonly clipboard: AsyncClipboardGuard
  /** Reveals and copies left before the vault asks for a fresh unlock (hand-out-limit.ts). */
  readonly handOuts: HandOutLimit
  /** The clear delay in force (follows the preferences). */
  readonly clipboardClearMs: number
  readonly preferences: VaultPreferencesStore
  /** Re-configures the idle lock and the clipboard guard with saved preferences. */
  applyPreferences(preferences: VaultPreferences): void
  now(): number
  find(id: string): Result<VaultRecordSummary>
  audit(
    action: AuditAction,
    outcome: AuditOutcome,
    subject?: AuditSubject,
    detailKey?: string,
  ): boolean
  changed(ids: readonly string[]): void
}

/** What an audit entry is about: a record (its id is the record id), or a system user. */
export interface AuditSubject {
  readonly id?: string
  readonly businessId?: string
  readonly systemUserId?: string | undefined
}

export const DEFAULT_CLIPBOARD_CLEAR_MS = 30_000

export function createVaultContext(deps: VaultDeps): VaultContext {
  // Saved preferences win; without a store (tests, the preview) the explicit deps seed one.
  const preferences = deps.preferences ?? memoryPreferencesStore(preferencesFromDeps(deps))
  const saved = deps.preferences?.get()
  let clipboardClearMs = saved
    ? saved.clipboardClearSeconds * 1000
    : (deps.clipboardClearMs ?? DEFAULT_CLIPBOARD_CLEAR_MS)
  const idleLockSeconds = saved ? saved.idleLockMinutes * 60 : deps.idleLockSeconds
  const reveal = createRevealTimer({
    timers: deps.timers,
    onRevealEnded: (event) => {
      // A replaced reveal is followed at once by the next one, which keeps the protection on.
      if (event.reason !== 'replaced') deps.screenCapture.protect(false)
      deps.emit('vault:reveal-ended', event)
    },
  })
  const clipboard = createAsyncClipboardGuard({
    clipboard: deps.clipboard,
    timers: deps.timers,
    clearDelayMs: clipboardClearMs,
    onAutoClear: (outcome) => deps.log.info('vault.clipboard-auto-clear', { outcome }),
  })
  const lock = createVaultLock({
    secrets: deps.secrets,
    audit: deps.audit,
    emit: deps.emit,
    log: deps.log,
    timers: deps.timers,
    ...(deps.powerMonitor ? { powerMonitor: deps.powerMonitor } : {}),
    ...(idleLockSeconds !== undefined ? { idleLockSeconds } : {}),
  })
  const handOuts = createHandOutLimit(HAND_OUT_LIMIT)
  lock.onLock('reveal', () => reveal.hideAll('lock'))
  lock.onLock('hand-outs', () => handOuts.reset())
  lock.onLock('clipboard', async () => {
    await clipboard.clearNow()
  })

  return {
    deps,
    lock,
    reveal,
    clipboard,
    handOuts,
    get clipboardClearMs() {
      return clipboardClearMs
    },
    preferences,
    applyPreferences(next) {
      clipboard.setClearDelay(next.clipboardClearSeconds * 1000)
      lock.setIdleLimit(next.idleLockMinutes * 60)
      clipboardClearMs = next.clipboardClearSeconds * 1000
    },
    now: () => deps.timers.now(),
    find(id) {
      const record = deps.vault.get(id)
      return record ? ok(record) : err('not-found', 'errors.notFound')
    },
    audit(action, outcome, subject, detailKey) {
      try {
        deps.audit.append({
          action,
          outcome,
          ...(subject?.id ? { recordId: subject.id } : {}),
          ...(subject?.businessId ? { businessId: subject.businessId } : {}),
          ...(subject?.systemUserId ? { systemUserId: subject.systemUserId } : {}),
          ...(detailKey ? { detailKey } : {}),
        })
        return true
      } catch {
        // Reported, not thrown: after a Graph write the action has happened and must not look
        // failed. Reveal and copy check the answer and refuse when they cannot be recorded.
        deps.log.error('vault.audit-append-failed', { action, outcome })
        return false
      }
    },
    changed(ids) {
      deps.emit('vault:changed', { ids: [...ids] })
    },
  }
}
