import { useEffect, type ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { HomeHeading } from '../components/home-heading'
import { LiveMessage } from '../components/live-message'
import { useT } from '../i18n/use-t'
import { useVaultListStore } from '../stores/vault-list-store'
import { VaultEmptyState } from './vault-empty-state'
import { VaultTable } from './vault-table'

/**
 * The "Token vault" home: the saved tokens, read from main's offline metadata index (no keychain
 * access, no network), or an honest empty state.
 */
export function VaultHome(): ReactNode {
  const t = useT()
  const records = useVaultListStore((state) => state.records)
  const vaultOpened = useVaultListStore((state) => state.vaultOpened)

  useEffect(() => {
    void vaultOpened()
  }, [vaultOpened])

  const announcement =
    records.phase === 'loading' || records.phase === 'idle'
      ? t('vault.loading')
      : records.phase === 'loaded' && records.value.length > 0
        ? records.value.length === 1
          ? t('vault.loaded.one')
          : t('vault.loaded.other', { count: records.value.length })
        : ''

  return (
    <article className="home" aria-labelledby="vault-title">
      <div className="home__intro">
        <HomeHeading id="vault-title">{t('vault.title')}</HomeHeading>
        <p className="lead">{t('vault.lead')}</p>
      </div>
      <LiveMessage message={announcement} />
      {records.phase === 'failed' ? (
        <ErrorNotice error={records.error} onRetry={() => void vaultOpened()} />
      ) : null}
      {records.phase === 'loaded' ? (
        records.value.length === 0 ? (
          <VaultEmptyState />
        ) : (
          <VaultTable records={records.value} />
        )
      ) : null}
    </article>
  )
}
