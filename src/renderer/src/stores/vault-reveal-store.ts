import { create } from 'zustand'
import type { CopyResponse, RevealResponse } from '@shared/ipc/schemas/vault'
import type { AppError } from '@shared/result'
import { callApi } from './load-state'
import { useVaultViewStore } from './vault-view-store'

/**
 * The longest a value may stay on screen, whatever main says (SEC-10; 30 s as peers do,
 * docs/user-research.md §4).
 */
export const REVEAL_LIMIT_MS = 30_000

export type RevealHideReason = 'blur' | 'navigation' | 'user'

export interface RevealedToken {
  readonly recordId: string
  /**
   * The token itself. It lives here only between a reveal and its end — 30 s at most, less on
   * blur, navigation or lock — and is never persisted (no storage middleware, no localStorage).
   */
  readonly value: string
  /** When it hides itself, ms since the epoch (for the countdown). */
  readonly hidesAt: number
  /** False where the OS cannot keep it out of screenshots and screen sharing (Linux, a browser). */
  readonly captureBlocked: boolean
}

/** Admin tokens reach the whole business: showing or copying one is confirmed first. */
export interface AdminConfirmation {
  readonly recordId: string
  readonly action: 'reveal' | 'copy'
}

export interface VaultRevealState {
  readonly revealed: RevealedToken | null
  readonly confirming: AdminConfirmation | null
  /** After a copy: which record, and when the clipboard empties itself. */
  readonly copied: { readonly recordId: string; readonly clearsInSeconds: number } | null
  readonly busy: boolean
  readonly error: AppError | null
}

export interface VaultRevealActions {
  readonly revealRequested: (recordId: string, confirmAdmin?: boolean) => Promise<void>
  readonly copyRequested: (recordId: string, confirmAdmin?: boolean) => Promise<void>
  readonly adminConfirmed: () => Promise<void>
  readonly adminDeclined: () => void
  /** The admin pressed Hide, the window lost focus, or the admin left the token's page. */
  readonly hideRequested: (reason: RevealHideReason) => void
  /** Main ended the reveal (its own timer, lock, another reveal). */
  readonly revealEnded: (recordId: string) => void
  /** The vault locked: drop everything at once. */
  readonly vaultLocked: () => void
  readonly copyNoticeDismissed: () => void
  readonly reset: () => void
}

export const INITIAL_VAULT_REVEAL_STATE: VaultRevealState = {
  revealed: null,
  confirming: null,
  copied: null,
  busy: false,
  error: null,
}

/** Reveal and copy of one token at a time. Main owns the real timer; this one only mirrors it. */
export const useVaultRevealStore = create<VaultRevealState & VaultRevealActions>()((set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  // Bumped whenever a reveal ends, so an answer that arrives after a hide never shows a value.
  let generation = 0

  const clearTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  const drop = (): void => {
    generation += 1
    clearTimer()
    set({ revealed: null })
  }

  /**
   * Reveal and copy take one path: both may need the admin's confirmation first, both find the
   * vault locked the same way, and only their success differs (a value to show, or a clipboard
   * that clears itself).
   */
  const secretRequested = async (
    action: AdminConfirmation['action'],
    recordId: string,
    confirmAdmin = false,
  ): Promise<void> => {
    if (get().busy) return
    // Showing a value hides the one on screen first; copying leaves it where it is.
    if (action === 'reveal') drop()
    const request = generation
    set({ busy: true, error: null, confirming: null, copied: null })
    const asked = confirmAdmin ? { id: recordId, confirmAdmin } : { id: recordId }
    const result = await callApi<RevealResponse | CopyResponse>(() =>
      action === 'reveal' ? window.api.revealSecret(asked) : window.api.copySecret(asked),
    )
    set({ busy: false })
    // A reveal hidden while its answer was on the way must never show the value. A copy's answer
    // carries no value, so it always lands.
    if (action === 'reveal' && request !== generation) return
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    const answer = result.value
    switch (answer.outcome) {
      case 'confirm-admin':
        set({ confirming: { recordId, action } })
        return
      case 'locked': {
        // Main's vault:locked event, when it came first, already said why (the hand-out limit, say).
        const view = useVaultViewStore.getState()
        if (!view.locked) view.vaultLocked('vaultMain.lock.reason.manual')
        return
      }
      case 'revealed': {
        // Never longer than the limit, even if main's clock says otherwise.
        const now = Date.now()
        const hidesAt = Math.min(answer.hidesAt, now + REVEAL_LIMIT_MS)
        set({
          revealed: {
            recordId,
            value: answer.value,
            hidesAt,
            captureBlocked: answer.captureBlocked,
          },
        })
        timer = setTimeout(drop, Math.max(0, hidesAt - now))
        return
      }
      case 'copied':
        set({ copied: { recordId, clearsInSeconds: answer.clearsInSeconds } })
        return
    }
  }

  return {
    ...INITIAL_VAULT_REVEAL_STATE,
    revealRequested: (recordId, confirmAdmin) => secretRequested('reveal', recordId, confirmAdmin),
    copyRequested: (recordId, confirmAdmin) => secretRequested('copy', recordId, confirmAdmin),
    adminConfirmed: async () => {
      const confirming = get().confirming
      if (!confirming) return
      set({ confirming: null })
      await secretRequested(confirming.action, confirming.recordId, true)
    },
    adminDeclined: () => set({ confirming: null }),
    hideRequested: (reason) => {
      const revealed = get().revealed
      drop()
      // The value is gone from the renderer already; telling main lets it log and stop its timer.
      if (revealed) void callApi(() => window.api.endReveal({ id: revealed.recordId, reason }))
    },
    revealEnded: (recordId) => {
      if (get().revealed?.recordId === recordId) drop()
    },
    vaultLocked: () => {
      drop()
      set({ confirming: null, copied: null, busy: false })
    },
    copyNoticeDismissed: () => set({ copied: null }),
    reset: () => {
      drop()
      set(INITIAL_VAULT_REVEAL_STATE)
    },
  }
})
