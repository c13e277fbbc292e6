import { z } from 'zod'

/**
 * The vault's two preferences, in the units the admin thinks in. The bounds are the guards'
 * (auto-lock.ts: idle lock 60 s–8 h; async-clipboard-guard.ts: clipboard 10–120 s, SEC-18/19):
 * a schema that allowed more would only move the refusal to a RangeError deeper in main.
 */
export const VAULT_PREFERENCE_BOUNDS = {
  idleLockMinutes: { min: 1, max: 480, default: 5 },
  clipboardClearSeconds: { min: 10, max: 120, default: 30 },
} as const

const bounded = (bounds: { readonly min: number; readonly max: number }) =>
  z.number().int().min(bounds.min).max(bounds.max)

export const VaultPreferences = z.strictObject({
  idleLockMinutes: bounded(VAULT_PREFERENCE_BOUNDS.idleLockMinutes),
  clipboardClearSeconds: bounded(VAULT_PREFERENCE_BOUNDS.clipboardClearSeconds),
})
export type VaultPreferences = z.infer<typeof VaultPreferences>

export const DEFAULT_VAULT_PREFERENCES: VaultPreferences = {
  idleLockMinutes: VAULT_PREFERENCE_BOUNDS.idleLockMinutes.default,
  clipboardClearSeconds: VAULT_PREFERENCE_BOUNDS.clipboardClearSeconds.default,
}

/** `vault:preferences-get` and `vault:preferences-set` both answer with the preferences in force. */
export const VaultPreferencesResponse = z.strictObject({ preferences: VaultPreferences })
