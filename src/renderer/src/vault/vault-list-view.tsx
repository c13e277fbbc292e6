import type { ReactNode } from 'react'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import { useT } from '../i18n/use-t'
import { useVaultListStore, type Reminders } from '../stores/vault-list-store'
import { ExpiringPanel } from './expiring-panel'
import { ExpiryTimeline } from './expiry-timeline'
import { VaultSearchBar } from './vault-search-bar'
import { filterRecords } from './vault-search'
import { sortByUrgency } from './vault-status'
import { useViewFocus } from './use-view-focus'
import { VaultTable } from './vault-table'

/** The vault's main view: what needs attention, when things expire, then every saved token. */
export function VaultListView(props: {
  readonly records: readonly VaultListItem[]
  readonly reminders: Reminders | null
  readonly now: number
}): ReactNode {
  const t = useT()
  const searchText = useVaultListStore((state) => state.searchText)
  const statusFilter = useVaultListStore((state) => state.statusFilter)
  const shownCount = useVaultListStore((state) => state.shownCount)
  const searchCleared = useVaultListStore((state) => state.searchCleared)
  const showMoreRequested = useVaultListStore((state) => state.showMoreRequested)
  const headingRef = useViewFocus<HTMLHeadingElement>()

  const matching = sortByUrgency(
    filterRecords(props.records, { text: searchText, status: statusFilter }, props.now),
    props.now,
  )
  // Only a page of rows is in the document at once, so 10,000 records stay smooth to scroll.
  const shown = matching.slice(0, shownCount)
  const more = Math.min(100, matching.length - shown.length)
  const total = props.records.length
  const resultText =
    matching.length === 0
      ? t('vault.results.none')
      : matching.length === 1
        ? t('vault.results.one', { total })
        : t('vault.results.other', { count: matching.length, total })

  return (
    <>
      <ExpiringPanel records={props.records} reminders={props.reminders} now={props.now} />
      {props.reminders ? (
        <ExpiryTimeline timeline={props.reminders.timeline} now={props.now} />
      ) : null}
      <section className="vault-list" aria-labelledby="vault-list-heading">
        <h2 id="vault-list-heading" ref={headingRef} tabIndex={-1}>
          {t('vault.table.caption')}
        </h2>
        <VaultSearchBar records={props.records} now={props.now} />
        <p className="vault-list__count" role="status">
          {resultText}
        </p>
        {matching.length === 0 ? (
          <button type="button" className="button button--secondary" onClick={searchCleared}>
            {t('vault.results.clear')}
          </button>
        ) : (
          <VaultTable records={shown} now={props.now} />
        )}
        {more > 0 ? (
          <button type="button" className="button button--secondary" onClick={showMoreRequested}>
            {t('vault.results.more', { count: more })}
          </button>
        ) : null}
      </section>
    </>
  )
}
