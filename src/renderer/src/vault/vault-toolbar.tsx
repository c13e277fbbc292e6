import type { ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import { useVaultViewStore } from '../stores/vault-view-store'

/** The vault's tools: add a token, backup and export, the activity log, and Lock. */
export function VaultToolbar(props: { readonly onCheckAll?: () => void }): ReactNode {
  const t = useT()
  const toolOpened = useVaultViewStore((state) => state.toolOpened)
  const lockRequested = useVaultViewStore((state) => state.lockRequested)
  return (
    <div className="vault-toolbar" role="group" aria-label={t('vault.toolbar.label')}>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => toolOpened('import')}
      >
        {t('vault.toolbar.import')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => toolOpened('backup')}
      >
        {t('vault.toolbar.backup')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => toolOpened('print')}
      >
        {t('vault.toolbar.print')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => toolOpened('audit')}
      >
        {t('vault.toolbar.audit')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => toolOpened('settings')}
      >
        {t('vault.toolbar.settings')}
      </button>
      {props.onCheckAll ? (
        <button type="button" className="button button--secondary" onClick={props.onCheckAll}>
          {t('vault.toolbar.checkAll')}
        </button>
      ) : null}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void lockRequested()}
      >
        {t('vault.toolbar.lock')}
      </button>
    </div>
  )
}
