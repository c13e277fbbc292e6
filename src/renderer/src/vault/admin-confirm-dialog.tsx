import type { ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import { useVaultRevealStore } from '../stores/vault-reveal-store'
import { VaultDialog } from './vault-dialog'

/**
 * Before an admin token is shown or copied: it reaches the whole business (Meta: keep the admin
 * system user for administration, its token guarded most of all — docs/graph-api.md §10.13), so ask
 * once more.
 */
export function AdminConfirmDialog(props: { readonly action: 'reveal' | 'copy' }): ReactNode {
  const t = useT()
  const adminConfirmed = useVaultRevealStore((state) => state.adminConfirmed)
  const adminDeclined = useVaultRevealStore((state) => state.adminDeclined)
  return (
    <VaultDialog
      labelledBy="admin-confirm-title"
      describedBy="admin-confirm-body"
      onCancel={adminDeclined}
    >
      <h2 id="admin-confirm-title">
        {t(props.action === 'reveal' ? 'vault.admin.revealTitle' : 'vault.admin.copyTitle')}
      </h2>
      <p id="admin-confirm-body">{t('vault.admin.body')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          autoFocus
          onClick={adminDeclined}
        >
          {t('vault.dialog.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void adminConfirmed()}
        >
          {t(props.action === 'reveal' ? 'vault.admin.revealConfirm' : 'vault.admin.copyConfirm')}
        </button>
      </div>
    </VaultDialog>
  )
}
