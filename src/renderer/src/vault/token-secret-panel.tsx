import { useEffect, type ReactNode } from 'react'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import { ErrorNotice } from '../components/error-notice'
import { useT } from '../i18n/use-t'
import { useVaultRevealStore } from '../stores/vault-reveal-store'
import { AdminConfirmDialog } from './admin-confirm-dialog'
import { useNow } from './use-now'

/**
 * The seconds left, ticking once a second. Mounted with the reveal, so its clock starts then.
 * Not a live region: a screen reader announcing every second would drown everything else.
 */
function RevealCountdown(props: { readonly hidesAt: number }): ReactNode {
  const t = useT()
  const now = useNow(1000)
  const seconds = Math.max(0, Math.ceil((props.hidesAt - now) / 1000))
  return <p className="secret-panel__countdown">{t('vault.secret.hidesIn', { seconds })}</p>
}

/**
 * The token itself: masked by default, shown for 30 s on request with a visible countdown, hidden
 * at once on blur and when this panel leaves the screen (navigation); copy happens in main, so the
 * renderer never needs the value for it
 * (docs/architecture.md › Processes and who may hold a secret; SEC-10, SEC-18).
 */
export function TokenSecretPanel(props: { readonly record: VaultListItem }): ReactNode {
  const t = useT()
  const { record } = props
  const revealed = useVaultRevealStore((state) => state.revealed)
  const copied = useVaultRevealStore((state) => state.copied)
  const error = useVaultRevealStore((state) => state.error)
  const confirming = useVaultRevealStore((state) => state.confirming)
  const revealRequested = useVaultRevealStore((state) => state.revealRequested)
  const copyRequested = useVaultRevealStore((state) => state.copyRequested)
  const hideRequested = useVaultRevealStore((state) => state.hideRequested)
  const shown = revealed?.recordId === record.id ? revealed : null

  // Blur (the admin switched to another window) hides the value at once.
  useEffect(() => {
    if (!shown) return
    const onBlur = (): void => hideRequested('blur')
    window.addEventListener('blur', onBlur)
    return () => window.removeEventListener('blur', onBlur)
  }, [shown, hideRequested])

  // Leaving the token's page (another token, the list, another home) hides it too.
  useEffect(() => () => useVaultRevealStore.getState().hideRequested('navigation'), [record.id])

  return (
    <section className="card secret-panel" aria-labelledby="secret-heading">
      <h3 id="secret-heading">{t('vault.secret.heading')}</h3>
      <p className="section-intro">{t('vault.secret.intro')}</p>
      <div className="secret-panel__value">
        {shown ? (
          <code className="secret-panel__token" aria-label={t('vault.secret.revealedLabel')}>
            {shown.value}
          </code>
        ) : (
          <code
            className="secret-panel__masked"
            aria-label={t('vault.secret.maskedLabel', { fingerprint: record.fingerprint })}
          >
            {'•'.repeat(12)}
            {record.fingerprint}
          </code>
        )}
      </div>
      {shown ? <RevealCountdown hidesAt={shown.hidesAt} /> : null}
      {shown && !shown.captureBlocked ? (
        <p className="secret-panel__capture">{t('vault.secret.captureVisible')}</p>
      ) : null}
      <div className="button-row">
        {shown ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => hideRequested('user')}
          >
            {t('vault.secret.hide')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void revealRequested(record.id)}
          >
            {t('vault.secret.reveal')}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          onClick={() => void copyRequested(record.id)}
        >
          {t('vault.secret.copy')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <p className="secret-panel__copied" role="status">
        {copied?.recordId === record.id
          ? t('vault.secret.copied', { seconds: copied.clearsInSeconds })
          : ''}
      </p>
      {confirming?.recordId === record.id ? (
        <AdminConfirmDialog action={confirming.action} />
      ) : null}
    </section>
  )
}
