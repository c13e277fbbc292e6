import { useEffect, type ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { CheckIcon, WarningIcon } from '../components/icons'
import { LiveMessage } from '../components/live-message'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useVaultAuditStore } from '../stores/vault-audit-store'
import { AuditFilters } from './audit-filters'
import { ToolFrame } from './tool-frame'
import { formatDateTime } from './vault-format'
import '../styles/vault-audit.css'

/**
 * The activity log: the app's own actions, newest first, with time, business, object and outcome —
 * never a token (the log refuses anything that looks like one). Says whether the hash chain holds.
 * Filters run in main over the whole log; "Export as CSV" saves what the filters match.
 */
export function VaultAudit(): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const audit = useVaultAuditStore((state) => state.log)
  const auditOpened = useVaultAuditStore((state) => state.auditOpened)
  const olderRequested = useVaultAuditStore((state) => state.olderRequested)
  const loadingOlder = useVaultAuditStore((state) => state.loadingOlder)
  const exportRequested = useVaultAuditStore((state) => state.exportRequested)
  const exporting = useVaultAuditStore((state) => state.exporting)
  const exportNotice = useVaultAuditStore((state) => state.exportNotice)
  const error = useVaultAuditStore((state) => state.error)

  useEffect(() => {
    void auditOpened()
  }, [auditOpened])

  const shown = audit.phase === 'loaded' ? audit.value.entries : []
  const message =
    audit.phase === 'loading'
      ? t('vault.audit.loading')
      : exporting
        ? t('vault.audit.exporting')
        : exportNotice === 'cancelled'
          ? t('vault.audit.exportCancelled')
          : exportNotice
            ? t('vault.audit.exported', exportNotice)
            : ''

  return (
    <ToolFrame id="vault-audit-heading" title={t('vault.audit.title')}>
      <p className="section-intro">{t('vault.audit.intro')}</p>
      <LiveMessage message={message} />
      {audit.phase === 'failed' ? (
        <ErrorNotice error={audit.error} onRetry={() => void auditOpened()} />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {audit.phase === 'loaded' ? (
        <>
          <p
            className={
              audit.value.chain.ok
                ? 'audit-chain audit-chain--ok'
                : 'audit-chain audit-chain--broken'
            }
          >
            {audit.value.chain.ok ? <CheckIcon /> : <WarningIcon />}
            <span>
              {tr(
                audit.value.chain.messageKey,
                audit.value.chain.line ? { line: audit.value.chain.line } : undefined,
              )}
            </span>
          </p>
          <AuditFilters />
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              disabled={exporting}
              onClick={() => void exportRequested()}
            >
              {t('vault.audit.export')}
            </button>
          </div>
          {shown.length === 0 ? (
            <p>{t('vault.audit.empty')}</p>
          ) : (
            <div className="table-frame">
              <table className="vault-table">
                <caption className="visually-hidden">{t('vault.audit.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('vault.audit.when')}</th>
                    <th scope="col">{t('vault.audit.action')}</th>
                    <th scope="col">{t('vault.audit.outcome')}</th>
                    <th scope="col">{t('vault.audit.business')}</th>
                    <th scope="col">{t('vault.audit.object')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((entry) => (
                    <tr key={entry.index}>
                      <td className="vault-table__nowrap">
                        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                      </td>
                      <th scope="row">
                        {tr(entry.actionKey)}
                        {entry.detailKey ? (
                          <span className="facts__line">{tr(entry.detailKey)}</span>
                        ) : null}
                      </th>
                      <td>{tr(entry.outcomeKey)}</td>
                      <td>{entry.businessId ?? '—'}</td>
                      <td>{entry.systemUserId ?? entry.recordId ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {audit.value.nextBefore !== null ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={loadingOlder}
              onClick={() => void olderRequested()}
            >
              {t('vault.audit.older')}
            </button>
          ) : null}
        </>
      ) : null}
    </ToolFrame>
  )
}
