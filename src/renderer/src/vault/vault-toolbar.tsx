import type { ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useVaultListStore } from '../stores/vault-list-store'
import { useVaultViewStore, type VaultTool } from '../stores/vault-view-store'

/** The tools the toolbar opens, in the order it shows them, with their buttons' words. */
const TOOLS: readonly (readonly [VaultTool, MessageKey])[] = [
  ['import', 'vault.toolbar.import'],
  ['backup', 'vault.toolbar.backup'],
  ['print', 'vault.toolbar.print'],
  ['audit', 'vault.toolbar.audit'],
  ['settings', 'vault.toolbar.settings'],
]

/**
 * The vault's tools: add a token, backup and export, print, the activity log, settings, and Lock.
 * "Check all with Meta" only where there are tokens to check (`canCheckAll`).
 */
export function VaultToolbar(props: { readonly canCheckAll?: boolean }): ReactNode {
  const t = useT()
  const toolOpened = useVaultViewStore((state) => state.toolOpened)
  const lockRequested = useVaultViewStore((state) => state.lockRequested)
  const checkAllRequested = useVaultListStore((state) => state.checkAllRequested)
  return (
    <div className="vault-toolbar" role="group" aria-label={t('vault.toolbar.label')}>
      {TOOLS.map(([tool, label]) => (
        <button
          key={tool}
          type="button"
          className="button button--secondary"
          onClick={() => toolOpened(tool)}
        >
          {t(label)}
        </button>
      ))}
      {props.canCheckAll ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void checkAllRequested()}
        >
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
