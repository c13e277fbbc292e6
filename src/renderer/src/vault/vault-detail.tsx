import { useEffect, type ReactNode } from 'react'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import {
  isAssetKind,
  kindNameKey,
  roleKeys,
  scopeExplanationKey,
  scopeLabelKey,
  taskLabelKey,
} from '@shared/catalog'
import { ErrorNotice } from '../components/error-notice'
import { LiveMessage } from '../components/live-message'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useVaultRecordStore } from '../stores/vault-record-store'
import { useVaultViewStore } from '../stores/vault-view-store'
import { RecordActions } from './record-actions'
import { StatusBadge } from './status-badge'
import { TokenSecretPanel } from './token-secret-panel'
import { formatDate, formatDateTime, recordName } from './vault-format'
import { useViewFocus } from './use-view-focus'
import { vaultStatus } from './vault-status'
import '../styles/vault-detail.css'

const CHECK_OUTCOME_KEYS: Readonly<
  Record<NonNullable<VaultListItem['lastCheck']>['outcome'], MessageKey>
> = {
  valid: 'vault.detail.check.valid',
  expired: 'vault.detail.check.expired',
  revoked: 'vault.detail.check.revoked',
  invalid: 'vault.detail.check.invalid',
  'scopes-changed': 'vault.detail.check.scopesChanged',
  'wrong-app': 'vault.detail.check.wrongApp',
  unknown: 'vault.detail.check.unknown',
}

/** The metadata, as a description list: what the token is, whom it belongs to, what it reaches. */
function RecordFacts(props: { readonly record: VaultListItem }): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const { record } = props
  // A scope or task the catalog does not know (Meta adds them) shows by its own name, not a key.
  const known = (key: string, fallback: string): string => {
    const text = tr(key)
    return text === key ? fallback : text
  }
  return (
    <dl className="facts">
      <dt>{t('vault.table.business')}</dt>
      <dd>
        {record.businessName}{' '}
        <span className="facts__id">{t('vault.detail.id', { id: record.businessId })}</span>
      </dd>
      <dt>{t('vault.table.systemUser')}</dt>
      <dd>
        {recordName(record, t)}
        {record.systemUserId ? (
          <span className="facts__id"> {t('vault.detail.id', { id: record.systemUserId })}</span>
        ) : null}
        {record.systemUserRole ? (
          <span className="facts__line">
            {t('vault.detail.role', { role: tr(roleKeys(record.systemUserRole).labelKey) })}
          </span>
        ) : null}
      </dd>
      <dt>{t('vault.table.app')}</dt>
      <dd>
        {record.appName ?? record.appId}{' '}
        <span className="facts__id">{t('vault.detail.id', { id: record.appId })}</span>
      </dd>
      <dt>{t('vault.detail.scopes')}</dt>
      <dd>
        {record.scopes.length === 0 ? (
          t('vault.detail.none')
        ) : (
          <ul className="facts__list">
            {record.scopes.map((scope) => (
              <li key={scope}>
                <span className="facts__term">{known(scopeLabelKey(scope), scope)}</span>{' '}
                <code className="facts__code">{scope}</code>
                <span className="facts__line">{known(scopeExplanationKey(scope), '')}</span>
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('vault.detail.assets')}</dt>
      <dd>
        {!record.assets || record.assets.length === 0 ? (
          t('vault.detail.assetsUnknown')
        ) : (
          <ul className="facts__list">
            {record.assets.map((asset) => (
              <li key={`${asset.kind}-${asset.id}`}>
                <span className="facts__term">{asset.name ?? asset.id}</span>
                {isAssetKind(asset.kind) ? <span> · {tr(kindNameKey(asset.kind))}</span> : null}
                <span className="facts__line">
                  {asset.tasks
                    .map((task) =>
                      isAssetKind(asset.kind) ? known(taskLabelKey(asset.kind, task), task) : task,
                    )
                    .join(', ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('vault.detail.created')}</dt>
      <dd>
        <time dateTime={record.createdAt}>{formatDate(record.createdAt)}</time>
      </dd>
      <dt>{t('vault.table.expires')}</dt>
      <dd>
        {record.expiresAt === null ? (
          t('vault.detail.neverExpires')
        ) : (
          <time dateTime={record.expiresAt}>{formatDate(record.expiresAt)}</time>
        )}
      </dd>
      <dt>{t('vault.table.fingerprint')}</dt>
      <dd>
        <code className="fingerprint">{record.fingerprint}</code>
      </dd>
      <dt>{t('vault.detail.lastCheck')}</dt>
      <dd>
        {record.lastCheck
          ? t('vault.detail.lastCheckAt', {
              date: formatDateTime(record.lastCheck.at),
              result: t(CHECK_OUTCOME_KEYS[record.lastCheck.outcome]),
            })
          : t('vault.detail.neverChecked')}
      </dd>
    </dl>
  )
}

function NotesEditor(): ReactNode {
  const t = useT()
  const noteDraft = useVaultRecordStore((state) => state.noteDraft)
  const activity = useVaultRecordStore((state) => state.activity)
  const noteChanged = useVaultRecordStore((state) => state.noteChanged)
  const noteSaveRequested = useVaultRecordStore((state) => state.noteSaveRequested)
  return (
    <form
      className="card notes"
      onSubmit={(event) => {
        event.preventDefault()
        void noteSaveRequested()
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="vault-notes">
          {t('vault.detail.notes.label')}
        </label>
        <p id="vault-notes-hint" className="field__hint">
          {t('vault.detail.notes.hint')}
        </p>
        <textarea
          id="vault-notes"
          className="field__input"
          rows={3}
          maxLength={2000}
          value={noteDraft}
          aria-describedby="vault-notes-hint"
          onChange={(event) => noteChanged(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={activity !== 'idle'}>
        {t('vault.detail.notes.save')}
      </button>
    </form>
  )
}

/** One token's page: status, facts, the secret (reveal/copy), the notes and the actions. */
export function VaultDetail(props: { readonly recordId: string; readonly now: number }): ReactNode {
  const t = useT()
  const record = useVaultRecordStore((state) => state.record)
  const error = useVaultRecordStore((state) => state.error)
  const notice = useVaultRecordStore((state) => state.notice)
  const recordRequested = useVaultRecordStore((state) => state.recordRequested)
  const listRequested = useVaultViewStore((state) => state.listRequested)
  const headingRef = useViewFocus<HTMLHeadingElement>(record.phase === 'loaded')

  useEffect(() => {
    void recordRequested(props.recordId)
  }, [props.recordId, recordRequested])

  return (
    <section className="vault-detail" aria-labelledby="vault-detail-heading">
      <button
        type="button"
        className="button button--link vault-detail__back"
        onClick={() => listRequested()}
      >
        {t('vault.detail.back')}
      </button>
      {record.phase === 'failed' ? (
        <ErrorNotice error={record.error} onRetry={() => void recordRequested(props.recordId)} />
      ) : null}
      {record.phase === 'loaded' ? (
        <>
          <div className="vault-detail__head">
            <h2 id="vault-detail-heading" ref={headingRef} tabIndex={-1}>
              {t('vault.detail.heading', {
                name: recordName(record.value, t),
                business: record.value.businessName,
              })}
            </h2>
            <StatusBadge status={vaultStatus(record.value, props.now)} />
            {record.value.practice ? (
              <span className="tag tag--practice">{t('vault.table.practice')}</span>
            ) : null}
          </div>
          <LiveMessage message={notice ? t(notice) : ''} />
          {error ? <ErrorNotice error={error} /> : null}
          <TokenSecretPanel record={record.value} />
          <RecordFacts record={record.value} />
          <RecordActions record={record.value} />
          <NotesEditor />
        </>
      ) : (
        <LiveMessage message={record.phase === 'failed' ? '' : t('vault.detail.loading')} />
      )}
    </section>
  )
}
