import type { ReactNode } from 'react'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import { ErrorNotice } from '../components/error-notice'
import { useT } from '../i18n/use-t'
import { useVaultRecordStore } from '../stores/vault-record-store'
import { RotationDialog } from './rotation-dialog'
import { VaultDialog } from './vault-dialog'
import { recordName } from './vault-format'

/** Revoke: the token stops working at Meta for every program that uses it (oauth/revoke). */
function RevokeDialog(): ReactNode {
  const t = useT()
  const activity = useVaultRecordStore((state) => state.activity)
  const error = useVaultRecordStore((state) => state.error)
  const dialogClosed = useVaultRecordStore((state) => state.dialogClosed)
  const revokeConfirmed = useVaultRecordStore((state) => state.revokeConfirmed)
  return (
    <VaultDialog labelledBy="revoke-title" describedBy="revoke-body" onCancel={dialogClosed}>
      <h2 id="revoke-title">{t('vault.revoke.title')}</h2>
      <p id="revoke-body">{t('vault.revoke.body')}</p>
      <p>{t('vault.revoke.after')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        <button type="button" className="button button--secondary" autoFocus onClick={dialogClosed}>
          {t('vault.dialog.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={activity !== 'idle'}
          onClick={() => void revokeConfirmed()}
        >
          {t(activity === 'revoking' ? 'vault.revoke.working' : 'vault.revoke.confirm')}
        </button>
      </div>
    </VaultDialog>
  )
}

/**
 * Revoke all: `DELETE /{system-user}/access_tokens` invalidates every token of the system user,
 * including ones this vault never saw and ones other software relies on — so the dialog says so.
 */
function RevokeAllDialog(props: { readonly record: VaultListItem }): ReactNode {
  const t = useT()
  const activity = useVaultRecordStore((state) => state.activity)
  const error = useVaultRecordStore((state) => state.error)
  const dialogClosed = useVaultRecordStore((state) => state.dialogClosed)
  const revokeAllConfirmed = useVaultRecordStore((state) => state.revokeAllConfirmed)
  return (
    <VaultDialog
      labelledBy="revoke-all-title"
      describedBy="revoke-all-body"
      onCancel={dialogClosed}
    >
      <h2 id="revoke-all-title">
        {t('vault.revokeAll.title', { name: recordName(props.record, t) })}
      </h2>
      <p id="revoke-all-body">{t('vault.revokeAll.body')}</p>
      <p>{t('vault.revokeAll.others')}</p>
      <p>{t('vault.revokeAll.after')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        <button type="button" className="button button--secondary" autoFocus onClick={dialogClosed}>
          {t('vault.dialog.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={activity !== 'idle'}
          onClick={() => void revokeAllConfirmed()}
        >
          {t(activity === 'revoking' ? 'vault.revokeAll.working' : 'vault.revokeAll.confirm')}
        </button>
      </div>
    </VaultDialog>
  )
}

/** Remove: the record and its keychain entry go; the token itself stays valid at Meta. */
function RemoveDialog(): ReactNode {
  const t = useT()
  const activity = useVaultRecordStore((state) => state.activity)
  const error = useVaultRecordStore((state) => state.error)
  const dialogClosed = useVaultRecordStore((state) => state.dialogClosed)
  const removeConfirmed = useVaultRecordStore((state) => state.removeConfirmed)
  return (
    <VaultDialog labelledBy="remove-title" describedBy="remove-body" onCancel={dialogClosed}>
      <h2 id="remove-title">{t('vault.remove.title')}</h2>
      <p id="remove-body">{t('vault.remove.body')}</p>
      <p>{t('vault.remove.stillValid')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        <button type="button" className="button button--secondary" autoFocus onClick={dialogClosed}>
          {t('vault.dialog.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={activity !== 'idle'}
          onClick={() => void removeConfirmed()}
        >
          {t('vault.remove.confirm')}
        </button>
      </div>
    </VaultDialog>
  )
}

/** Check, refresh, replace, revoke and remove — each says what it does before it does it. */
export function RecordActions(props: { readonly record: VaultListItem }): ReactNode {
  const t = useT()
  const { record } = props
  const activity = useVaultRecordStore((state) => state.activity)
  const dialog = useVaultRecordStore((state) => state.dialog)
  const checkRequested = useVaultRecordStore((state) => state.checkRequested)
  const refreshRequested = useVaultRecordStore((state) => state.refreshRequested)
  const dialogOpened = useVaultRecordStore((state) => state.dialogOpened)
  const idle = activity === 'idle'
  const revoked = record.lastCheck?.outcome === 'revoked'
  // Only a 60-day token can be refreshed; a never-expiring one must never be turned into a
  // 60-day one by accident (reference/users-and-peers.md §6.3: treat expires_at 0 as permanent).
  const refreshable = record.expiresAt !== null && !revoked
  return (
    <section className="card record-actions" aria-labelledby="record-actions-heading">
      <h3 id="record-actions-heading">{t('vault.actions.heading')}</h3>
      <ul className="record-actions__list">
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={!idle}
            onClick={() => void checkRequested()}
          >
            {t('vault.actions.check')}
          </button>
          <p>{t('vault.actions.checkHelp')}</p>
        </li>
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={!idle || !refreshable}
            aria-describedby="refresh-help"
            onClick={() => void refreshRequested()}
          >
            {t('vault.actions.refresh')}
          </button>
          <p id="refresh-help">
            {t(
              record.expiresAt === null
                ? 'vault.actions.refreshNever'
                : 'vault.actions.refreshHelp',
            )}
          </p>
        </li>
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={!idle || revoked || record.kind === 'admin-user'}
            onClick={() => dialogOpened('rotate')}
          >
            {t('vault.actions.rotate')}
          </button>
          <p>{t('vault.actions.rotateHelp')}</p>
        </li>
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={!idle || revoked}
            onClick={() => dialogOpened('revoke')}
          >
            {t('vault.actions.revoke')}
          </button>
          <p>{t('vault.actions.revokeHelp')}</p>
        </li>
        {record.systemUserId ? (
          <li>
            <button
              type="button"
              className="button button--secondary"
              disabled={!idle}
              aria-describedby="revoke-all-help"
              onClick={() => dialogOpened('revoke-all')}
            >
              {t('vault.actions.revokeAll')}
            </button>
            <p id="revoke-all-help">{t('vault.actions.revokeAllHelp')}</p>
          </li>
        ) : null}
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={!idle}
            onClick={() => dialogOpened('remove')}
          >
            {t('vault.actions.remove')}
          </button>
          <p>{t('vault.actions.removeHelp')}</p>
        </li>
      </ul>
      {dialog === 'revoke' ? <RevokeDialog /> : null}
      {dialog === 'revoke-all' ? <RevokeAllDialog record={record} /> : null}
      {dialog === 'remove' ? <RemoveDialog /> : null}
      {dialog === 'rotate' ? <RotationDialog /> : null}
    </section>
  )
}
