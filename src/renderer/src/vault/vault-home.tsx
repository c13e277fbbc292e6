import { useEffect, type ReactNode } from 'react'
// First, so the styles every vault screen shares come before each screen's own.
import '../styles/vault-home.css'
import { ErrorNotice } from '../components/error-notice'
import { HomeHeading } from '../components/home-heading'
import { LiveMessage } from '../components/live-message'
import { useT } from '../i18n/use-t'
import { useVaultListStore } from '../stores/vault-list-store'
// Hands main's vault events to the vault's stores when this home's chunk loads (main-events.ts).
import '../stores/vault-stores'
import { useVaultToolsStore } from '../stores/vault-tools-store'
import { useVaultViewStore } from '../stores/vault-view-store'
import { OfflineNote } from './offline-note'
import { useNow } from './use-now'
import { VaultAudit } from './vault-audit'
import { VaultBackup } from './vault-backup'
import { VaultDetail } from './vault-detail'
import { VaultEmptyState } from './vault-empty-state'
import { VaultImport } from './vault-import'
import { VaultSettings } from './vault-settings'
import { VaultListView } from './vault-list-view'
import { VaultLocked } from './vault-locked'
import { VaultPrint } from './vault-print'
import { VaultToolbar } from './vault-toolbar'

/**
 * The "Token vault" home: the saved tokens, read from main's offline metadata index (no keychain
 * access, no network), one token's details and actions, the tools, or the locked screen.
 */
export function VaultHome(): ReactNode {
  const t = useT()
  const list = useVaultListStore((state) => state.list)
  const reminders = useVaultListStore((state) => state.reminders)
  const health = useVaultListStore((state) => state.health)
  const healthError = useVaultListStore((state) => state.healthError)
  const vaultOpened = useVaultListStore((state) => state.vaultOpened)
  const view = useVaultViewStore((state) => state.view)
  const locked = useVaultViewStore((state) => state.locked)
  const notice = useVaultViewStore((state) => state.notice)
  // Once a minute is enough for "expiring in N days"; the reveal countdown keeps its own tick.
  const now = useNow(60_000)

  useEffect(() => {
    void useVaultViewStore.getState().lockStateRequested()
    void vaultOpened()
  }, [vaultOpened])

  // Leaving the vault home forgets the open tool's typed secrets and returns to the list.
  useEffect(
    () => () => {
      useVaultToolsStore.getState().toolLeft()
      useVaultViewStore.getState().vaultLeft()
    },
    [],
  )

  if (locked) return <VaultLocked />

  const announcement =
    list.phase === 'loading' || list.phase === 'idle'
      ? t('vault.loading')
      : notice
        ? t(notice)
        : health
          ? health.state === 'running'
            ? t('vault.health.running', { done: health.done, total: health.total })
            : t('vault.health.finished', { total: health.total })
          : list.phase === 'loaded' && list.value.total > 0
            ? list.value.total === 1
              ? t('vault.loaded.one')
              : t('vault.loaded.other', { count: list.value.total })
            : ''

  return (
    <article className="home home--wide" aria-labelledby="vault-title">
      <div className="home__intro">
        <HomeHeading id="vault-title">{t('vault.title')}</HomeHeading>
        <p className="lead">{t('vault.lead')}</p>
        <OfflineNote />
      </div>
      {list.phase === 'loaded' && list.value.total > 0 ? <VaultToolbar canCheckAll /> : null}
      <LiveMessage message={announcement} />
      {healthError ? <ErrorNotice error={healthError} /> : null}
      {list.phase === 'failed' ? (
        <ErrorNotice error={list.error} onRetry={() => void vaultOpened()} />
      ) : null}
      {view.name === 'detail' ? <VaultDetail recordId={view.recordId} now={now} /> : null}
      {view.name === 'audit' ? <VaultAudit /> : null}
      {view.name === 'import' ? <VaultImport /> : null}
      {view.name === 'backup' ? <VaultBackup /> : null}
      {view.name === 'settings' ? <VaultSettings /> : null}
      {view.name === 'print' ? <VaultPrint /> : null}
      {view.name === 'list' && list.phase === 'loaded' ? (
        list.value.total === 0 ? (
          <>
            <VaultEmptyState />
            <VaultToolbar />
          </>
        ) : (
          <VaultListView
            page={list.value}
            reminders={reminders.phase === 'loaded' ? reminders.value : null}
            now={now}
          />
        )
      ) : null}
    </article>
  )
}
