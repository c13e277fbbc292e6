import { useEffect, useState, type ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { CheckIcon, WarningIcon } from '../components/icons'
import { LiveMessage } from '../components/live-message'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useVaultToolsStore } from '../stores/vault-tools-store'
import { ToolFrame } from './tool-frame'
import { formatDateTime } from './vault-format'

/**
 * The activity log: the app's own actions, newest first, with time, business, object and outcome —
 * never a token (the log refuses anything that looks like one). Says whether the hash chain holds.
 */
export function VaultAudit(): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const audit = useVaultToolsStore((state) => state.audit)
  const auditRequested = useVaultToolsStore((state) => state.auditRequested)
  const [action, setAction] = useState('all')

  useEffect(() => {
    void auditRequested()
  }, [auditRequested])

  const entries = audit.phase === 'loaded' ? audit.value.entries : []
  const actions = [...new Set(entries.map((entry) => entry.action))]
  const shown = action === 'all' ? entries : entries.filter((entry) => entry.action === action)

  return (
    <ToolFrame id="vault-audit-heading" title={t('vault.audit.title')}>
      <p className="section-intro">{t('vault.audit.intro')}</p>
      <LiveMessage message={audit.phase === 'loading' ? t('vault.audit.loading') : ''} />
      {audit.phase === 'failed' ? (
        <ErrorNotice error={audit.error} onRetry={() => void auditRequested()} />
      ) : null}
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
          <div className="field vault-search__status">
            <label className="field__label" htmlFor="audit-action">
              {t('vault.audit.filter')}
            </label>
            <select
              id="audit-action"
              className="field__input"
              value={action}
              onChange={(event) => setAction(event.target.value)}
            >
              <option value="all">{t('vault.audit.allActions')}</option>
              {actions.map((name) => {
                const key = entries.find((entry) => entry.action === name)?.actionKey ?? name
                return (
                  <option key={name} value={name}>
                    {tr(key)}
                  </option>
                )
              })}
            </select>
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
        </>
      ) : null}
    </ToolFrame>
  )
}
