import type { ReactNode } from 'react'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import { useT } from '../i18n/use-t'
import { useVaultViewStore } from '../stores/vault-view-store'
import { StatusBadge } from './status-badge'
import { formatDate, recordName } from './vault-format'
import { vaultStatus } from './vault-status'

/**
 * The saved tokens as a plain, accessible table: metadata only (the last four characters tell
 * tokens apart; the token itself never reaches the list — SEC-10). Each row opens the details.
 * It holds one page of the matches; aria-rowcount and aria-rowindex tell assistive technology
 * the table's full size and where each row sits in it (WAI-ARIA grid/table practice for partly
 * rendered tables), so "row 103 of 10,001" is announced right on the second page.
 */
export function VaultTable(props: {
  readonly records: readonly VaultListItem[]
  readonly now: number
  /** How many records match in all, and where this page starts among them. */
  readonly matched: number
  readonly offset: number
}): ReactNode {
  const t = useT()
  const recordOpened = useVaultViewStore((state) => state.recordOpened)
  return (
    <div className="table-frame">
      <table className="vault-table" aria-rowcount={props.matched + 1}>
        <caption className="visually-hidden">{t('vault.table.caption')}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('vault.table.status')}</th>
            <th scope="col">{t('vault.table.business')}</th>
            <th scope="col">{t('vault.table.systemUser')}</th>
            <th scope="col">{t('vault.table.app')}</th>
            <th scope="col">{t('vault.table.expires')}</th>
            <th scope="col">{t('vault.table.fingerprint')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('vault.table.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((record, index) => (
            <tr key={record.id} aria-rowindex={props.offset + index + 2}>
              <td className="vault-table__nowrap">
                <StatusBadge status={vaultStatus(record, props.now)} />
              </td>
              <th scope="row">
                <span className="vault-table__business">{record.businessName}</span>
                {record.practice ? (
                  <span className="tag tag--practice">{t('vault.table.practice')}</span>
                ) : null}
              </th>
              <td>
                {recordName(record, t)}
                {record.replaces ? (
                  <span className="tag">{t('vault.table.replacement')}</span>
                ) : null}
              </td>
              <td>{record.appName ?? record.appId}</td>
              <td className="vault-table__nowrap">
                {record.expiresAt === null ? (
                  t('vault.table.never')
                ) : (
                  <time dateTime={record.expiresAt}>{formatDate(record.expiresAt)}</time>
                )}
              </td>
              <td className="vault-table__nowrap">
                <code
                  className="fingerprint"
                  aria-label={t('vault.table.fingerprintLabel', {
                    fingerprint: record.fingerprint,
                  })}
                >
                  {record.fingerprint}
                </code>
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('vault.table.openLabel', {
                    name: recordName(record, t),
                    business: record.businessName,
                  })}
                  onClick={() => recordOpened(record.id)}
                >
                  {t('vault.table.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
