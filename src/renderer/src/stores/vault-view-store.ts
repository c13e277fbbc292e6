import { create } from 'zustand'
import type { AppError } from '@shared/result'
import type { MessageKey } from '../i18n/message-key'
import { callApi } from './load-state'

/** The vault's tools, each a view of its own (the toolbar opens them). */
export type VaultTool = 'audit' | 'import' | 'backup' | 'settings' | 'print'

/** What the vault home shows: the list, one token's details, or one of the tools. */
export type VaultView =
  | { readonly name: 'list' }
  | { readonly name: 'detail'; readonly recordId: string }
  | { readonly name: VaultTool }

export interface VaultViewState {
  readonly view: VaultView
  readonly locked: boolean
  /** i18n key main sent with the lock (why it locked), shown on the locked screen. */
  readonly lockMessageKey: string | null
  readonly unlocking: boolean
  readonly lockError: AppError | null
  /** Set when the view changed: the new view's heading takes focus (WCAG 2.4.3), then clears it. */
  readonly focusPending: boolean
  /** A calm one-off announcement after an action that left the detail (e.g. "Removed"). */
  readonly notice: MessageKey | null
}

export interface VaultViewActions {
  readonly recordOpened: (recordId: string) => void
  readonly listRequested: (notice?: MessageKey) => void
  readonly toolOpened: (tool: VaultTool) => void
  /** Asks main whether the vault is locked (on open). */
  readonly lockStateRequested: () => Promise<void>
  readonly lockRequested: () => Promise<void>
  readonly unlockRequested: () => Promise<void>
  /** Main locked the vault (idle, screen lock, sleep, or the button). */
  readonly vaultLocked: (messageKey: string) => void
  /** The admin left the vault home: next time it opens on the list, with no focus move pending. */
  readonly vaultLeft: () => void
  readonly focusHandled: () => void
  readonly noticeShown: () => void
  readonly reset: () => void
}

export const INITIAL_VAULT_VIEW_STATE: VaultViewState = {
  view: { name: 'list' },
  locked: false,
  lockMessageKey: null,
  unlocking: false,
  lockError: null,
  focusPending: false,
  notice: null,
}

/** Which vault screen is on show, and whether the vault is locked. */
export const useVaultViewStore = create<VaultViewState & VaultViewActions>()((set, get) => ({
  ...INITIAL_VAULT_VIEW_STATE,
  recordOpened: (recordId) =>
    set({ view: { name: 'detail', recordId }, focusPending: true, notice: null }),
  listRequested: (notice) =>
    set({ view: { name: 'list' }, focusPending: true, notice: notice ?? null }),
  toolOpened: (tool) => set({ view: { name: tool }, focusPending: true, notice: null }),
  lockStateRequested: async () => {
    const result = await callApi(() => window.api.getVaultState())
    if (result.ok && result.value.locked && !get().locked) {
      set({ locked: true, lockMessageKey: 'vaultMain.lock.reason.manual' })
    }
  },
  lockRequested: async () => {
    const result = await callApi(() => window.api.lockVault())
    // Main also sends `vault:locked`; locking here too keeps the screen right if that is lost.
    if (result.ok) get().vaultLocked('vaultMain.lock.reason.manual')
    else set({ lockError: result.error })
  },
  unlockRequested: async () => {
    if (get().unlocking) return
    set({ unlocking: true, lockError: null })
    const result = await callApi(() => window.api.unlockVault())
    if (result.ok) {
      set({ locked: false, unlocking: false, lockMessageKey: null, focusPending: true })
    } else {
      set({ unlocking: false, lockError: result.error })
    }
  },
  vaultLocked: (lockMessageKey) =>
    // Back to the list: nothing about one token stays on screen behind the lock.
    set({
      locked: true,
      lockMessageKey,
      view: { name: 'list' },
      focusPending: true,
      notice: null,
      lockError: null,
    }),
  vaultLeft: () => set({ view: { name: 'list' }, focusPending: false, notice: null }),
  focusHandled: () => set({ focusPending: false }),
  noticeShown: () => set({ notice: null }),
  reset: () => set(INITIAL_VAULT_VIEW_STATE),
}))
