import type { ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import { PAGE_SIZE, useVaultListStore } from '../stores/vault-list-store'

/**
 * Previous / next page of the saved tokens. A pager rather than endless scrolling: two ordinary
 * buttons work the same with keyboard, switch access and screen readers, the focus never lands on
 * rows that vanish, and the document holds at most one page (100 rows) whatever the vault's size.
 * The range ("101–200 of 10,000") is announced as a status when it changes.
 */
export function VaultPager(props: {
  readonly matched: number
  readonly offset: number
}): ReactNode {
  const t = useT()
  const pageRequested = useVaultListStore((state) => state.pageRequested)
  const first = props.offset + 1
  const last = Math.min(props.offset + PAGE_SIZE, props.matched)
  const hasPrevious = props.offset > 0
  const hasNext = last < props.matched
  return (
    <nav className="vault-pager" aria-label={t('vault.pager.label')}>
      <button
        type="button"
        className="button button--secondary"
        disabled={!hasPrevious}
        onClick={() => void pageRequested(props.offset - PAGE_SIZE)}
      >
        {t('vault.pager.previous', { count: PAGE_SIZE })}
      </button>
      <p className="vault-pager__range" role="status">
        {t('vault.pager.range', { first, last, total: props.matched })}
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={!hasNext}
        onClick={() => void pageRequested(props.offset + PAGE_SIZE)}
      >
        {t('vault.pager.next', {
          count: hasNext ? Math.min(PAGE_SIZE, props.matched - last) : PAGE_SIZE,
        })}
      </button>
    </nav>
  )
}
