import type { ReactNode } from 'react'
import type { AppError, MessageParams } from '@shared/result'
import { ErrorNotice } from '../components/error-notice'
import type { MessageKey } from '../i18n/message-key'
import { useT } from '../i18n/use-t'
import { VaultDialog } from './vault-dialog'

/**
 * A destructive confirmation (revoke, revoke all, remove): title and first paragraph name the
 * dialog for assistive tech (`${idPrefix}-title` / `${idPrefix}-body`), Cancel takes focus as the
 * safe choice, and the danger button is disabled while an action runs so it cannot fire twice.
 */
export function ConfirmDialog(props: {
  readonly idPrefix: string
  readonly titleKey: MessageKey
  readonly titleParams?: MessageParams
  readonly bodyKey: MessageKey
  /** Further paragraphs after the body, in order. */
  readonly extraKeys: readonly MessageKey[]
  readonly confirmKey: MessageKey
  /** Shown on the confirm button instead of `confirmKey` while `working`. */
  readonly workingKey?: MessageKey
  /** Disables the confirm button (any action under way). */
  readonly busy: boolean
  /** This dialog's own action is under way: show `workingKey`. */
  readonly working?: boolean
  readonly error: AppError | null
  readonly onCancel: () => void
  readonly onConfirm: () => void
}): ReactNode {
  const t = useT()
  const titleId = `${props.idPrefix}-title`
  const bodyId = `${props.idPrefix}-body`
  const label =
    props.working === true && props.workingKey !== undefined ? props.workingKey : props.confirmKey
  return (
    <VaultDialog labelledBy={titleId} describedBy={bodyId} onCancel={props.onCancel}>
      <h2 id={titleId}>{t(props.titleKey, props.titleParams)}</h2>
      <p id={bodyId}>{t(props.bodyKey)}</p>
      {props.extraKeys.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
      {props.error ? <ErrorNotice error={props.error} /> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          autoFocus
          onClick={props.onCancel}
        >
          {t('vault.dialog.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {t(label)}
        </button>
      </div>
    </VaultDialog>
  )
}
