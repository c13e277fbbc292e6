import type { ReactNode } from 'react'
import type { ListVaultResponse } from '@shared/ipc/schemas/vault'
import { SearchField } from '../components/search-field'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useVaultListStore } from '../stores/vault-list-store'
import { STATUS_KINDS, type StatusFilter } from './vault-status'
import '../styles/vault-search.css'

const FILTER_LABELS: Readonly<Record<StatusFilter, MessageKey>> = {
  all: 'vault.filter.all',
  valid: 'vault.filter.valid',
  expiring: 'vault.filter.expiring',
  expired: 'vault.filter.expired',
  revoked: 'vault.filter.revoked',
  invalid: 'vault.filter.invalid',
  unknown: 'vault.filter.unknown',
}

const isStatusFilter = (value: string): value is StatusFilter =>
  value === 'all' || (STATUS_KINDS as readonly string[]).includes(value)

/**
 * The search box and the status filter, both with visible labels (WCAG 3.3.2). Main searches and
 * counts (the whole vault is never in the renderer); each change asks it for the first page.
 */
export function VaultSearchBar(props: {
  readonly total: number
  readonly counts: ListVaultResponse['counts']
}): ReactNode {
  const t = useT()
  const searchText = useVaultListStore((state) => state.searchText)
  const statusFilter = useVaultListStore((state) => state.statusFilter)
  const searchChanged = useVaultListStore((state) => state.searchChanged)
  const statusFilterChanged = useVaultListStore((state) => state.statusFilterChanged)
  return (
    <div role="search" className="vault-search">
      <SearchField
        id="vault-search-text"
        className="vault-search__text"
        label={t('vault.search.label')}
        hint={t('vault.search.hint')}
        value={searchText}
        onChange={(text) => void searchChanged(text)}
      />
      <div className="field vault-search__status">
        <label className="field__label" htmlFor="vault-search-status">
          {t('vault.filter.label')}
        </label>
        <select
          id="vault-search-status"
          className="field__input"
          value={statusFilter}
          onChange={(event) => {
            if (isStatusFilter(event.target.value)) void statusFilterChanged(event.target.value)
          }}
        >
          <option value="all">{t(FILTER_LABELS.all, { count: props.total })}</option>
          {STATUS_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(FILTER_LABELS[kind], { count: props.counts[kind] })}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
