import { create } from 'zustand'
import {
  VAULT_PREFERENCE_BOUNDS,
  type VaultPreferences,
} from '@shared/ipc/schemas/vault-preferences'
import type { AppError } from '@shared/result'
import type { MessageKey } from '../i18n/message-key'
import { callApi } from './load-state'

export type PreferenceField = keyof VaultPreferences

export interface VaultSettingsState {
  readonly phase: 'idle' | 'loading' | 'ready' | 'saving'
  /** What the admin typed, as typed: validated on Save, not while typing. */
  readonly drafts: Readonly<Record<PreferenceField, string>>
  readonly problems: Readonly<Partial<Record<PreferenceField, MessageKey>>>
  readonly error: AppError | null
  readonly notice: MessageKey | null
}

export interface VaultSettingsActions {
  readonly settingsRequested: () => Promise<void>
  readonly draftChanged: (field: PreferenceField, value: string) => void
  readonly saveRequested: () => Promise<void>
  readonly reset: () => void
}

const PROBLEM_KEYS: Readonly<Record<PreferenceField, MessageKey>> = {
  idleLockMinutes: 'vault.settings.idle.problem',
  clipboardClearSeconds: 'vault.settings.clipboard.problem',
}

export const INITIAL_VAULT_SETTINGS_STATE: VaultSettingsState = {
  phase: 'idle',
  drafts: { idleLockMinutes: '', clipboardClearSeconds: '' },
  problems: {},
  error: null,
  notice: null,
}

const asDrafts = (preferences: VaultPreferences): VaultSettingsState['drafts'] => ({
  idleLockMinutes: String(preferences.idleLockMinutes),
  clipboardClearSeconds: String(preferences.clipboardClearSeconds),
})

/** A whole number within the field's bounds, or null (the same bounds main's schema enforces). */
export function parsePreference(field: PreferenceField, text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,4}$/.test(trimmed)) return null
  const value = Number(trimmed)
  const bounds = VAULT_PREFERENCE_BOUNDS[field]
  return value >= bounds.min && value <= bounds.max ? value : null
}

/** The vault's settings panel: idle lock and clipboard clear delay. */
export const useVaultSettingsStore = create<VaultSettingsState & VaultSettingsActions>()(
  (set, get) => ({
    ...INITIAL_VAULT_SETTINGS_STATE,
    settingsRequested: async () => {
      set({ ...INITIAL_VAULT_SETTINGS_STATE, phase: 'loading' })
      const result = await callApi(() => window.api.getVaultPreferences())
      if (result.ok) set({ phase: 'ready', drafts: asDrafts(result.value.preferences) })
      else set({ phase: 'ready', error: result.error })
    },
    draftChanged: (field, value) =>
      set((state) => ({
        drafts: { ...state.drafts, [field]: value },
        problems: { ...state.problems, [field]: undefined },
        notice: null,
      })),
    saveRequested: async () => {
      if (get().phase !== 'ready') return
      const { drafts } = get()
      const idleLockMinutes = parsePreference('idleLockMinutes', drafts.idleLockMinutes)
      const clipboardClearSeconds = parsePreference(
        'clipboardClearSeconds',
        drafts.clipboardClearSeconds,
      )
      const problems: Partial<Record<PreferenceField, MessageKey>> = {}
      if (idleLockMinutes === null) problems.idleLockMinutes = PROBLEM_KEYS.idleLockMinutes
      if (clipboardClearSeconds === null)
        problems.clipboardClearSeconds = PROBLEM_KEYS.clipboardClearSeconds
      if (idleLockMinutes === null || clipboardClearSeconds === null) {
        set({ problems, error: null, notice: null })
        return
      }
      set({ phase: 'saving', problems: {}, error: null, notice: null })
      const result = await callApi(() =>
        window.api.setVaultPreferences({ idleLockMinutes, clipboardClearSeconds }),
      )
      if (result.ok) {
        set({
          phase: 'ready',
          drafts: asDrafts(result.value.preferences),
          notice: 'vault.settings.saved',
        })
      } else {
        set({ phase: 'ready', error: result.error })
      }
    },
    reset: () => set(INITIAL_VAULT_SETTINGS_STATE),
  }),
)
