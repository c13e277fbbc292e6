import { create } from 'zustand'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import type { AppError, Result } from '@shared/result'
import type { MessageKey } from '../i18n/message-key'
import { callApi, IDLE, LOADING, settle, type LoadState } from './load-state'
import { useVaultListStore } from './vault-list-store'
import { useVaultViewStore } from './vault-view-store'

/** The confirmation or guide open over the detail, if any (one at a time). */
export type RecordDialog = 'revoke' | 'revoke-all' | 'remove' | 'rotate' | null

/**
 * Guided rotation (SEC-17; docs/user-research.md §5 row 18): generate the new token, the
 * admin confirms the software uses it, then the old one is revoked. `started` holds the new
 * record between the two steps; main keeps both tokens until the admin confirms.
 */
export type RotationStep =
  | { readonly step: 'intro' }
  | { readonly step: 'generated'; readonly newRecord: VaultListItem }
  | { readonly step: 'done'; readonly newRecord: VaultListItem; readonly verified: boolean }

export type RecordActivity =
  'idle' | 'checking' | 'refreshing' | 'rotating' | 'revoking' | 'removing' | 'saving-note'

export interface VaultRecordState {
  readonly record: LoadState<VaultListItem>
  readonly activity: RecordActivity
  readonly error: AppError | null
  /** A calm result of the last action, for the polite live region. */
  readonly notice: MessageKey | null
  readonly dialog: RecordDialog
  readonly rotation: RotationStep
  readonly noteDraft: string
}

export interface VaultRecordActions {
  readonly recordRequested: (id: string) => Promise<void>
  /**
   * Main says the vault changed (`vault:changed`): re-read the shown record in place. Unlike
   * recordRequested it keeps the action under way, its notice and any open dialog — the change
   * is often that very action's own, and its answer must not be dropped as stale.
   */
  readonly recordChanged: () => Promise<void>
  readonly checkRequested: () => Promise<void>
  readonly refreshRequested: () => Promise<void>
  readonly dialogOpened: (dialog: Exclude<RecordDialog, null>) => void
  readonly dialogClosed: () => void
  readonly rotationStartRequested: () => Promise<void>
  /** "I've updated the software that uses it": revoke the old token. */
  readonly rotationConfirmed: () => Promise<void>
  readonly revokeConfirmed: () => Promise<void>
  /** Revoke EVERY token of the record's system user at Meta, then re-read the record. */
  readonly revokeAllConfirmed: () => Promise<void>
  readonly removeConfirmed: () => Promise<void>
  readonly noteChanged: (note: string) => void
  readonly noteSaveRequested: () => Promise<void>
  readonly reset: () => void
}

export const INITIAL_VAULT_RECORD_STATE: VaultRecordState = {
  record: IDLE,
  activity: 'idle',
  error: null,
  notice: null,
  dialog: null,
  rotation: { step: 'intro' },
  noteDraft: '',
}

/** One token's details and every action on it. */
export const useVaultRecordStore = create<VaultRecordState & VaultRecordActions>()((set, get) => {
  let generation = 0

  const currentId = (): string | null => {
    const record = get().record
    return record.phase === 'loaded' ? record.value.id : null
  }

  /** Runs one action on the current record; the answer's record replaces the shown one. */
  const act = async <T>(
    activity: Exclude<RecordActivity, 'idle'>,
    call: (id: string) => Promise<Result<T>>,
    done: (value: T) => Partial<VaultRecordState>,
  ): Promise<void> => {
    const id = currentId()
    if (id === null || get().activity !== 'idle') return
    const request = generation
    set({ activity, error: null, notice: null })
    const result = await callApi(() => call(id))
    if (request !== generation) return
    if (result.ok) set({ activity: 'idle', ...done(result.value) })
    else set({ activity: 'idle', error: result.error })
    void useVaultListStore.getState().recordsChanged()
  }

  return {
    ...INITIAL_VAULT_RECORD_STATE,
    recordRequested: async (id) => {
      generation += 1
      const request = generation
      set({ ...INITIAL_VAULT_RECORD_STATE, record: LOADING })
      const result = await callApi(() => window.api.getVaultRecord({ id }))
      if (request !== generation) return
      set({
        record: settle(result.ok ? { ok: true, value: result.value.record } : result),
        noteDraft: result.ok ? (result.value.record.notes ?? '') : '',
      })
    },
    recordChanged: async () => {
      const id = currentId()
      if (id === null) return
      const request = generation
      const result = await callApi(() => window.api.getVaultRecord({ id }))
      // Another record was opened meanwhile, or this one was left: the answer is stale.
      if (request !== generation || currentId() !== id || !result.ok) return
      set({ record: { phase: 'loaded', value: result.value.record } })
    },
    checkRequested: () =>
      // A check of one record runs as a background job; its result arrives as `vault:changed`.
      act(
        'checking',
        (id) => window.api.checkTokenHealth({ ids: [id] }),
        () => ({ notice: 'vault.detail.check.started' }),
      ),
    refreshRequested: () =>
      act(
        'refreshing',
        (id) => window.api.refreshToken({ id }),
        (value) => ({
          record: { phase: 'loaded', value: value.record },
          notice: 'vault.detail.refresh.done',
        }),
      ),
    dialogOpened: (dialog) => set({ dialog, error: null, rotation: { step: 'intro' } }),
    dialogClosed: () => {
      const rotation = get().rotation
      set({ dialog: null, rotation: { step: 'intro' } })
      // After a rotation the old record is gone: the page follows the new one.
      if (rotation.step === 'done') useVaultViewStore.getState().recordOpened(rotation.newRecord.id)
    },
    rotationStartRequested: () =>
      act(
        'rotating',
        (id) => window.api.startRotation({ id }),
        (value) => ({ rotation: { step: 'generated', newRecord: value.record } }),
      ),
    rotationConfirmed: async () => {
      const rotation = get().rotation
      if (rotation.step !== 'generated' || get().activity !== 'idle') return
      const request = generation
      set({ activity: 'rotating', error: null })
      const result = await callApi(() => window.api.confirmRotation({ id: rotation.newRecord.id }))
      if (request !== generation) return
      if (result.ok) {
        set({
          activity: 'idle',
          record: { phase: 'loaded', value: result.value.record },
          rotation: {
            step: 'done',
            newRecord: result.value.record,
            verified: result.value.oldRevokedVerified,
          },
        })
      } else {
        set({ activity: 'idle', error: result.error })
      }
      void useVaultListStore.getState().recordsChanged()
    },
    revokeConfirmed: () =>
      act(
        'revoking',
        (id) => window.api.revokeToken({ id }),
        (value) => ({
          dialog: null,
          record: { phase: 'loaded', value: value.record },
          notice: value.verified
            ? 'vault.detail.revoke.verified'
            : 'vault.detail.revoke.unverified',
        }),
      ),
    revokeAllConfirmed: async () => {
      const record = get().record
      const systemUserId = record.phase === 'loaded' ? record.value.systemUserId : undefined
      if (!systemUserId) return
      await act(
        'revoking',
        () => window.api.revokeAllTokens({ systemUserId }),
        (value) => ({
          dialog: null,
          // `verified` covers only the tokens this vault holds; with none, nothing was checked.
          notice:
            value.revokedIds.length === 0
              ? 'vault.detail.revokeAll.noneSaved'
              : value.verified
                ? 'vault.detail.revokeAll.verified'
                : 'vault.detail.revokeAll.unverified',
        }),
      )
      // The shown record was among those switched off: show its new status at once.
      await get().recordChanged()
    },
    removeConfirmed: async () => {
      const id = currentId()
      if (id === null || get().activity !== 'idle') return
      set({ activity: 'removing', error: null })
      const result = await callApi(() => window.api.removeVaultRecord({ id }))
      if (result.ok) {
        generation += 1
        set(INITIAL_VAULT_RECORD_STATE)
        useVaultViewStore.getState().listRequested('vault.detail.remove.done')
        void useVaultListStore.getState().recordsChanged()
      } else {
        set({ activity: 'idle', error: result.error })
      }
    },
    noteChanged: (noteDraft) => set({ noteDraft }),
    noteSaveRequested: () =>
      act(
        'saving-note',
        (id) => window.api.setVaultRecordNote({ id, note: get().noteDraft.trim() }),
        (value) => ({
          record: { phase: 'loaded', value: value.record },
          noteDraft: value.record.notes ?? '',
          notice: 'vault.detail.notes.saved',
        }),
      ),
    reset: () => {
      generation += 1
      set(INITIAL_VAULT_RECORD_STATE)
    },
  }
})
