import type { ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { LiveMessage } from '../components/live-message'
import { TextField } from '../components/text-field'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useVaultToolsStore } from '../stores/vault-tools-store'
import {
  MIN_BACKUP_PASSWORD_LENGTH,
  passwordStrength,
  type PasswordProblem,
} from './backup-password'
import { ToolFrame } from './tool-frame'
import { VaultDialog } from './vault-dialog'

const PROBLEM_KEYS: Readonly<Record<PasswordProblem, MessageKey>> = {
  empty: 'vault.backup.problem.empty',
  'too-short': 'vault.backup.problem.tooShort',
  mismatch: 'vault.backup.problem.mismatch',
}

const STRENGTH_KEYS = {
  weak: 'vault.backup.strength.weak',
  fair: 'vault.backup.strength.fair',
  strong: 'vault.backup.strength.strong',
} as const satisfies Record<string, MessageKey>

function RestoreConfirmDialog(): ReactNode {
  const t = useT()
  const restoreDismissed = useVaultToolsStore((state) => state.restoreDismissed)
  const restoreConfirmed = useVaultToolsStore((state) => state.restoreConfirmed)
  return (
    <VaultDialog labelledBy="restore-title" describedBy="restore-body" onCancel={restoreDismissed}>
      <h2 id="restore-title">{t('vault.restore.confirmTitle')}</h2>
      <p id="restore-body">{t('vault.restore.confirmBody')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          autoFocus
          onClick={restoreDismissed}
        >
          {t('vault.dialog.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void restoreConfirmed()}
        >
          {t('vault.restore.confirm')}
        </button>
      </div>
    </VaultDialog>
  )
}

/**
 * Backup and export: an inventory without secrets for audits, an encrypted backup (AES-256-GCM,
 * key from the password by scrypt — SEC-20; there is no plaintext export), and restore.
 */
export function VaultBackup(): ReactNode {
  const t = useT()
  const s = useVaultToolsStore()
  const busy = s.activity !== 'idle'
  const strength = passwordStrength(s.backupPassword)
  const problem = s.passwordProblem
  return (
    <ToolFrame id="vault-backup-heading" title={t('vault.backup.title')}>
      <LiveMessage message={s.notice ? t(s.notice.key, s.notice.params) : ''} />
      {s.error ? <ErrorNotice error={s.error} /> : null}

      <section className="card tool-form" aria-labelledby="inventory-heading">
        <h3 id="inventory-heading">{t('vault.inventory.heading')}</h3>
        <p>{t('vault.inventory.body')}</p>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void s.inventoryRequested()}
        >
          {t('vault.inventory.export')}
        </button>
      </section>

      <form
        className="card tool-form"
        aria-labelledby="backup-heading"
        onSubmit={(event) => {
          event.preventDefault()
          void s.backupRequested()
        }}
      >
        <h3 id="backup-heading">{t('vault.backup.heading')}</h3>
        <p>{t('vault.backup.body')}</p>
        <p>{t('vault.backup.forget')}</p>
        <TextField
          id="backup-password"
          label={t('vault.backup.password')}
          hint={t('vault.backup.passwordHint', { min: MIN_BACKUP_PASSWORD_LENGTH })}
          type="password"
          value={s.backupPassword}
          onChange={s.backupPasswordChanged}
          disabled={busy}
          error={
            problem === 'empty' || problem === 'too-short'
              ? t(PROBLEM_KEYS[problem], { min: MIN_BACKUP_PASSWORD_LENGTH })
              : undefined
          }
        >
          {s.backupPassword.length > 0 ? (
            <p className="field__hint" aria-live="polite">
              {t(STRENGTH_KEYS[strength])}
            </p>
          ) : null}
        </TextField>
        <TextField
          id="backup-password-again"
          label={t('vault.backup.passwordAgain')}
          type="password"
          value={s.backupPasswordAgain}
          onChange={s.backupPasswordAgainChanged}
          disabled={busy}
          error={problem === 'mismatch' ? t(PROBLEM_KEYS.mismatch) : undefined}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(s.activity === 'backing-up' ? 'vault.backup.working' : 'vault.backup.submit')}
        </button>
      </form>

      <form
        className="card tool-form"
        aria-labelledby="restore-heading"
        onSubmit={(event) => {
          event.preventDefault()
          s.restoreAsked()
        }}
      >
        <h3 id="restore-heading">{t('vault.restore.heading')}</h3>
        <p>{t('vault.restore.body')}</p>
        <TextField
          id="restore-password"
          label={t('vault.restore.password')}
          type="password"
          value={s.restorePassword}
          onChange={s.restorePasswordChanged}
          disabled={busy}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t(s.activity === 'restoring' ? 'vault.restore.working' : 'vault.restore.submit')}
        </button>
      </form>
      {s.restoreConfirming ? <RestoreConfirmDialog /> : null}
    </ToolFrame>
  )
}
