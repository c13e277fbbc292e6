import type { ReactNode } from 'react'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import { useT } from '../i18n/use-t'
import { useVaultRecordStore } from '../stores/vault-record-store'
import { ConfirmDialog } from './confirm-dialog'
import { RotationDialog } from './rotation-dialog'
import { systemUserNameOf } from './vault-format'

/** Revoke: the token stops working at Meta for every program that uses it (oauth/revoke). */
function RevokeDialog(): ReactNode {
  const activity = useVaultRecordStore((state) => state.activity)
  const error = useVaultRecordStore((state) => state.error)
  const dialogClosed = useVaultRecordStore((state) => state.dialogClosed)
  const revokeConfirmed = useVaultRecordStore((state) => state.revokeConfirmed)
  return (
    <ConfirmDialog
      idPrefix="revoke"
      titleKey="vault.revoke.title"
      bodyKey="vault.revoke.body"
      extraKeys={['vault.revoke.after']}
      confirmKey="vault.revoke.confirm"
      workingKey="vault.revoke.working"
      busy={activity !== 'idle'}
      working={activity === 'revoking'}
      error={error}
      onCancel={dialogClosed}
      onConfirm={() => void revokeConfirmed()}
    />
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
    <ConfirmDialog
      idPrefix="revoke-all"
      titleKey="vault.revokeAll.title"
      titleParams={{ name: systemUserNameOf(props.record, t) }}
      bodyKey="vault.revokeAll.body"
      extraKeys={['vault.revokeAll.others', 'vault.revokeAll.after']}
      confirmKey="vault.revokeAll.confirm"
      workingKey="vault.revokeAll.working"
      busy={activity !== 'idle'}
      working={activity === 'revoking'}
      error={error}
      onCancel={dialogClosed}
      onConfirm={() => void revokeAllConfirmed()}
    />
  )
}

/** Remove: the record and its keychain entry go; the token itself stays valid at Meta. */
function RemoveDialog(): ReactNode {
  const activity = useVaultRecordStore((state) => state.activity)
  const error = useVaultRecordStore((state) => state.error)
  const dialogClosed = useVaultRecordStore((state) => state.dialogClosed)
  const removeConfirmed = useVaultRecordStore((state) => state.removeConfirmed)
  return (
    <ConfirmDialog
      idPrefix="remove"
      titleKey="vault.remove.title"
      bodyKey="vault.remove.body"
      extraKeys={['vault.remove.stillValid']}
      confirmKey="vault.remove.confirm"
      busy={activity !== 'idle'}
      error={error}
      onCancel={dialogClosed}
      onConfirm={() => void removeConfirmed()}
    />
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
  // 60-day one by accident (docs/user-research.md §6.3: treat expires_at 0 as permanent).
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
