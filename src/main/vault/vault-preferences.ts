import {
  DEFAULT_VAULT_PREFERENCES,
  VAULT_PREFERENCE_BOUNDS,
  VaultPreferences,
} from '@shared/ipc/schemas/vault-preferences'
import { err, ok, type Result } from '@shared/result'
import type { KvStore } from '../settings/kv-store'
import type { Settings } from '../settings/settings'
import type { VaultContext } from './vault-context'

/** Where the vault's preferences persist: Settings in the app, memory in tests and the preview. */
export interface VaultPreferencesStore {
  get(): VaultPreferences
  set(preferences: VaultPreferences): void
}

/**
 * Reads through the schema: a settings file edited by hand, or written by an older version, must
 * not hand the guards a value they would throw on — it falls back to the defaults instead.
 */
export function settingsPreferencesStore(settings: KvStore<Settings>): VaultPreferencesStore {
  return {
    get() {
      const parsed = VaultPreferences.safeParse(settings.get('vaultPreferences'))
      return parsed.success ? parsed.data : DEFAULT_VAULT_PREFERENCES
    },
    set: (preferences) => settings.set('vaultPreferences', preferences),
  }
}

export function memoryPreferencesStore(initial: VaultPreferences): VaultPreferencesStore {
  let current = initial
  return {
    get: () => current,
    set(preferences) {
      current = preferences
    },
  }
}

const clamp = (value: number, bounds: { readonly min: number; readonly max: number }): number =>
  Math.min(bounds.max, Math.max(bounds.min, Math.round(value)))

/** Expresses explicit deps (seconds / ms, as tests pass them) as preferences. */
export function preferencesFromDeps(deps: {
  readonly idleLockSeconds?: number
  readonly clipboardClearMs?: number
}): VaultPreferences {
  return {
    idleLockMinutes:
      deps.idleLockSeconds === undefined
        ? DEFAULT_VAULT_PREFERENCES.idleLockMinutes
        : clamp(deps.idleLockSeconds / 60, VAULT_PREFERENCE_BOUNDS.idleLockMinutes),
    clipboardClearSeconds:
      deps.clipboardClearMs === undefined
        ? DEFAULT_VAULT_PREFERENCES.clipboardClearSeconds
        : clamp(deps.clipboardClearMs / 1000, VAULT_PREFERENCE_BOUNDS.clipboardClearSeconds),
  }
}

/**
 * `vault:preferences-set`: persist, apply at once (the next idle poll and the next copy use the
 * new values), audit. Refused while locked: the lock guards the open app against a passer-by, who
 * must not be able to stretch the idle lock to 8 hours before walking away.
 */
export function setPreferences(
  context: VaultContext,
  preferences: VaultPreferences,
): Result<{ preferences: VaultPreferences }> {
  if (context.lock.isLocked()) return err('conflict', 'vaultMain.locked')
  // Applied first: should a guard refuse the value, nothing is saved that would fail next start.
  context.applyPreferences(preferences)
  context.preferences.set(preferences)
  context.audit('vault-preferences-changed', 'succeeded')
  return ok({ preferences })
}
