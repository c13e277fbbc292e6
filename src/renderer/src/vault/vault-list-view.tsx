import type { ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import {
  PAGE_SIZE,
  useVaultListStore,
  type Reminders,
  type VaultPage,
} from '../stores/vault-list-store'
import { ExpiringPanel } from './expiring-panel'
import { ExpiryTimeline } from './expiry-timeline'
import { useViewFocus } from './use-view-focus'
import { VaultPager } from './vault-pager'
import { VaultSearchBar } from './vault-search-bar'
import { VaultTable } from './vault-table'
import '../styles/vault-list.css'

/**
 * The vault's main view: what needs attention, when things expire, then the saved tokens a page
 * at a time (main searches, filters and orders them; see vault-list-store.ts).
 */
export function VaultListView(props: {
  readonly page: VaultPage
  readonly reminders: Reminders | null
  readonly now: number
}): ReactNode {
  const t = useT()
  const searchCleared = useVaultListStore((state) => state.searchCleared)
  const headingRef = useViewFocus<HTMLHeadingElement>()
  const { matched, total, offset, records } = props.page
  const resultText =
    matched === 0
      ? t('vault.results.none')
      : matched === 1
        ? t('vault.results.one', { total })
        : t('vault.results.other', { count: matched, total })

  return (
    <>
      <ExpiringPanel reminders={props.reminders} now={props.now} />
      {props.reminders ? (
        <ExpiryTimeline timeline={props.reminders.timeline} now={props.now} />
      ) : null}
      <section className="vault-list" aria-labelledby="vault-list-heading">
        <h2 id="vault-list-heading" ref={headingRef} tabIndex={-1}>
          {t('vault.table.caption')}
        </h2>
        <VaultSearchBar total={total} counts={props.page.counts} />
        <p className="vault-list__count" role="status">
          {resultText}
        </p>
        {matched === 0 ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void searchCleared()}
          >
            {t('vault.results.clear')}
          </button>
        ) : (
          <VaultTable records={records} now={props.now} matched={matched} offset={offset} />
        )}
        {matched > PAGE_SIZE ? <VaultPager matched={matched} offset={offset} /> : null}
      </section>
    </>
  )
}
