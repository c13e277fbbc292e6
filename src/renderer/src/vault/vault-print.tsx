import { useEffect, useState, type ReactNode } from 'react'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import { ErrorNotice } from '../components/error-notice'
import { LiveMessage } from '../components/live-message'
import { useT, type Translate } from '../i18n/use-t'
import { LOADING, settle, type LoadState } from '../stores/load-state'
import { fetchInventory } from './inventory-pages'
import { ToolFrame } from './tool-frame'
import { formatDate, formatDateTime, recordName, statusWords } from './vault-format'
import { vaultStatus } from './vault-status'
import '../styles/vault-print.css'

const CHECK_KEYS = {
  valid: 'vault.detail.check.valid',
  expired: 'vault.detail.check.expired',
  revoked: 'vault.detail.check.revoked',
  invalid: 'vault.detail.check.invalid',
  'scopes-changed': 'vault.detail.check.scopesChanged',
  'wrong-app': 'vault.detail.check.wrongApp',
  unknown: 'vault.detail.check.unknown',
} as const

const roleWords = (record: VaultListItem, t: Translate): string =>
  record.systemUserRole === 'ADMIN'
    ? t('vault.print.role.admin')
    : record.systemUserRole === 'EMPLOYEE'
      ? t('vault.print.role.employee')
      : t('vault.print.roleUnknown')

const lastCheckWords = (record: VaultListItem, t: Translate): string =>
  record.lastCheck
    ? t('vault.print.lastCheckAt', {
        date: formatDateTime(record.lastCheck.at),
        result: t(CHECK_KEYS[record.lastCheck.outcome]),
      })
    : t('vault.print.notChecked')

/** One record's row: metadata only (the fingerprint is the last 4 characters, never more). */
function InventoryRow(props: { readonly record: VaultListItem; readonly now: number }): ReactNode {
  const t = useT()
  const { record } = props
  return (
    <tr>
      <td>
        {record.businessName}
        <span className="vault-print__sub">{record.businessId}</span>
      </td>
      <th scope="row">
        {recordName(record, t)}
        <span className="vault-print__sub">{roleWords(record, t)}</span>
      </th>
      <td>{record.appName ?? record.appId}</td>
      <td>{record.scopes.length > 0 ? record.scopes.join(', ') : t('vault.print.noScopes')}</td>
      <td>{record.assets?.length ?? 0}</td>
      <td className="vault-table__nowrap">{formatDate(record.createdAt)}</td>
      <td className="vault-table__nowrap">
        {record.expiresAt === null ? t('vault.print.never') : formatDate(record.expiresAt)}
      </td>
      <td>{statusWords(vaultStatus(record, props.now), t)}</td>
      <td className="vault-table__nowrap">{record.fingerprint}</td>
      <td>{lastCheckWords(record, t)}</td>
    </tr>
  )
}

/**
 * The printable inventory (issue 6, "Export: an inventory … and a printable page"): every record's
 * metadata for an audit, with the date printed and a line saying it holds no token. "Print" uses
 * `window.print()`, which works in Electron's sandboxed renderer and in a browser; the print CSS
 * in vault.css hides the app's header, navigation and buttons so only the inventory is printed.
 */
export function VaultPrint(): ReactNode {
  const t = useT()
  const [inventory, setInventory] = useState<LoadState<VaultListItem[]>>(LOADING)
  // The moment the page was gathered: the printed date and the statuses agree with each other.
  const [now, setNow] = useState(() => Date.now())
  // Each retry is a new attempt; an answer for an older attempt (or after leaving) is dropped.
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    void fetchInventory().then((result) => {
      if (current) setInventory(settle(result))
    })
    return () => {
      current = false
    }
  }, [attempt])

  const retry = (): void => {
    setInventory(LOADING)
    setNow(Date.now())
    setAttempt((count) => count + 1)
  }

  const message =
    inventory.phase === 'loading'
      ? t('vault.print.loading')
      : inventory.phase === 'loaded'
        ? inventory.value.length === 1
          ? t('vault.print.loaded.one')
          : t('vault.print.loaded.other', { count: inventory.value.length })
        : ''

  return (
    <ToolFrame id="vault-print-heading" title={t('vault.print.title')}>
      <div className="vault-print">
        <p className="section-intro vault-print__screen-only">{t('vault.print.intro')}</p>
        <p>{t('vault.print.printedOn', { date: formatDateTime(new Date(now).toISOString()) })}</p>
        <p className="vault-print__no-tokens">{t('vault.print.noTokens')}</p>
        <LiveMessage message={message} />
        {inventory.phase === 'failed' ? (
          <ErrorNotice error={inventory.error} onRetry={retry} />
        ) : null}
        {inventory.phase === 'loaded' ? (
          <>
            <button
              type="button"
              className="button button--primary vault-print__button"
              onClick={() => window.print()}
            >
              {t('vault.print.print')}
            </button>
            {inventory.value.length === 0 ? (
              <p>{t('vault.print.empty')}</p>
            ) : (
              <table className="vault-table vault-print__table">
                <caption>{t('vault.print.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('vault.print.col.business')}</th>
                    <th scope="col">{t('vault.print.col.systemUser')}</th>
                    <th scope="col">{t('vault.print.col.app')}</th>
                    <th scope="col">{t('vault.print.col.scopes')}</th>
                    <th scope="col">{t('vault.print.col.assets')}</th>
                    <th scope="col">{t('vault.print.col.created')}</th>
                    <th scope="col">{t('vault.print.col.expires')}</th>
                    <th scope="col">{t('vault.print.col.status')}</th>
                    <th scope="col">{t('vault.print.col.fingerprint')}</th>
                    <th scope="col">{t('vault.print.col.lastCheck')}</th>
                  </tr>
                </thead>
                <tbody>
                  {inventory.value.map((record) => (
                    <InventoryRow key={record.id} record={record} now={now} />
                  ))}
                </tbody>
              </table>
            )}
          </>
        ) : null}
      </div>
    </ToolFrame>
  )
}
