import type { ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { TextField } from '../components/text-field'
import { useT } from '../i18n/use-t'
import { useVaultToolsStore } from '../stores/vault-tools-store'
import { ToolFrame } from './tool-frame'

/**
 * Add a token made elsewhere: main inspects it with debug_token and fills in the details, and
 * refuses a token of another app or one that no longer works, saying why.
 */
export function VaultImport(): ReactNode {
  const t = useT()
  const importToken = useVaultToolsStore((state) => state.importToken)
  const importLabel = useVaultToolsStore((state) => state.importLabel)
  const activity = useVaultToolsStore((state) => state.activity)
  const error = useVaultToolsStore((state) => state.error)
  const importTokenChanged = useVaultToolsStore((state) => state.importTokenChanged)
  const importLabelChanged = useVaultToolsStore((state) => state.importLabelChanged)
  const importRequested = useVaultToolsStore((state) => state.importRequested)
  return (
    <ToolFrame id="vault-import-heading" title={t('vault.import.title')}>
      <p className="section-intro">{t('vault.import.intro')}</p>
      <form
        className="card tool-form"
        onSubmit={(event) => {
          event.preventDefault()
          void importRequested()
        }}
      >
        <TextField
          id="vault-import-token"
          label={t('vault.import.tokenLabel')}
          hint={t('vault.import.tokenHint')}
          type="password"
          value={importToken}
          onChange={importTokenChanged}
          disabled={activity !== 'idle'}
        />
        <TextField
          id="vault-import-label"
          label={t('vault.import.nameLabel')}
          hint={t('vault.import.nameHint')}
          value={importLabel}
          onChange={importLabelChanged}
          disabled={activity !== 'idle'}
        />
        {error ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button button--primary" disabled={activity !== 'idle'}>
          {t(activity === 'importing' ? 'vault.import.working' : 'vault.import.submit')}
        </button>
      </form>
    </ToolFrame>
  )
}
