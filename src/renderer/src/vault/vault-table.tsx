import type { ReactNode } from 'react'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { useT, type Translate } from '../i18n/use-t'

// Dates only: the vault shows when a token stops working, and a day is the useful precision.
const DATE_FORMAT = new Intl.DateTimeFormat('en', { dateStyle: 'medium' })

const systemUserLabel = (record: VaultRecordSummary, t: Translate): string => {
  if (record.systemUserName) return record.systemUserName
  switch (record.kind) {
    case 'admin-user':
      return t('vault.kind.adminUser')
    case 'imported':
      return t('vault.kind.imported')
    case 'system-user':
    case 'admin-system-user':
      return record.systemUserId ?? t('vault.kind.unnamedSystemUser')
  }
}

/**
 * The saved tokens as a plain, accessible table: metadata only (the last four characters tell
 * tokens apart; the token itself never reaches the list — SEC-10). The vault issue adds actions.
 */
export function VaultTable(props: { readonly records: readonly VaultRecordSummary[] }): ReactNode {
  const t = useT()
  return (
    <div className="table-frame">
      <table className="vault-table">
        <caption className="visually-hidden">{t('vault.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vault.table.business')}</th>
            <th scope="col">{t('vault.table.systemUser')}</th>
            <th scope="col">{t('vault.table.app')}</th>
            <th scope="col">{t('vault.table.expires')}</th>
            <th scope="col">{t('vault.table.fingerprint')}</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((record) => (
            <tr key={record.id}>
              <th scope="row">
                <span className="vault-table__business">{record.businessName}</span>
                {record.practice ? (
                  <span className="tag tag--practice">{t('vault.table.practice')}</span>
                ) : null}
              </th>
              <td>{systemUserLabel(record, t)}</td>
              <td>{record.appName ?? record.appId}</td>
              <td className="vault-table__nowrap">
                {record.expiresAt === null ? (
                  t('vault.table.never')
                ) : (
                  <time dateTime={record.expiresAt}>
                    {DATE_FORMAT.format(new Date(record.expiresAt))}
                  </time>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
