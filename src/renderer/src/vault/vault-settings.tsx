import { useEffect, type ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { LiveMessage } from '../components/live-message'
import { TextField } from '../components/text-field'
import { useT } from '../i18n/use-t'
import { useVaultSettingsStore } from '../stores/vault-settings-store'
import { ToolFrame } from './tool-frame'

/**
 * Vault settings: how long the app may sit idle before the vault locks (SEC-19) and how soon a
 * copied token leaves the clipboard (SEC-18). Main applies a saved value at once.
 */
export function VaultSettings(): ReactNode {
  const t = useT()
  const phase = useVaultSettingsStore((state) => state.phase)
  const drafts = useVaultSettingsStore((state) => state.drafts)
  const problems = useVaultSettingsStore((state) => state.problems)
  const error = useVaultSettingsStore((state) => state.error)
  const notice = useVaultSettingsStore((state) => state.notice)
  const settingsRequested = useVaultSettingsStore((state) => state.settingsRequested)
  const draftChanged = useVaultSettingsStore((state) => state.draftChanged)
  const saveRequested = useVaultSettingsStore((state) => state.saveRequested)

  useEffect(() => {
    void settingsRequested()
  }, [settingsRequested])

  const busy = phase !== 'ready'
  const idleProblem = problems.idleLockMinutes
  const clipboardProblem = problems.clipboardClearSeconds
  return (
    <ToolFrame id="vault-settings-heading" title={t('vault.settings.title')}>
      <p className="section-intro">{t('vault.settings.intro')}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <form
        className="card tool-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void saveRequested()
        }}
      >
        <TextField
          id="vault-settings-idle"
          label={t('vault.settings.idle.label')}
          hint={t('vault.settings.idle.hint')}
          inputMode="numeric"
          value={drafts.idleLockMinutes}
          onChange={(value) => draftChanged('idleLockMinutes', value)}
          disabled={busy}
          {...(idleProblem ? { error: t(idleProblem) } : {})}
        />
        <TextField
          id="vault-settings-clipboard"
          label={t('vault.settings.clipboard.label')}
          hint={t('vault.settings.clipboard.hint')}
          inputMode="numeric"
          value={drafts.clipboardClearSeconds}
          onChange={(value) => draftChanged('clipboardClearSeconds', value)}
          disabled={busy}
          {...(clipboardProblem ? { error: t(clipboardProblem) } : {})}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(phase === 'saving' ? 'vault.settings.saving' : 'vault.settings.save')}
        </button>
      </form>
      <LiveMessage message={notice ? t(notice) : ''} />
    </ToolFrame>
  )
}
