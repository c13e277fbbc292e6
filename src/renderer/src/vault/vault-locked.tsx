import type { ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { HomeHeading } from '../components/home-heading'
import { VaultIcon } from '../components/icons'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useVaultViewStore } from '../stores/vault-view-store'
import { useViewFocus } from './use-view-focus'

/**
 * The locked vault: nothing about any token on screen, why it locked, and how to open it again.
 * Unlocking asks the operating system (its keychain authentication), not a password of ours.
 */
export function VaultLocked(): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const lockMessageKey = useVaultViewStore((state) => state.lockMessageKey)
  const unlocking = useVaultViewStore((state) => state.unlocking)
  const lockError = useVaultViewStore((state) => state.lockError)
  const unlockRequested = useVaultViewStore((state) => state.unlockRequested)
  const ref = useViewFocus<HTMLHeadingElement>()
  return (
    <article className="home" aria-labelledby="vault-title">
      <div className="home__intro">
        <HomeHeading id="vault-title">{t('vault.title')}</HomeHeading>
      </div>
      <section className="card locked" aria-labelledby="vault-locked-heading">
        <VaultIcon className="icon empty-state__icon" />
        <h2 id="vault-locked-heading" ref={ref} tabIndex={-1}>
          {t('vault.locked.heading')}
        </h2>
        <p>{tr(lockMessageKey ?? 'vaultMain.lock.reason.manual')}</p>
        <p>{t('vault.locked.body')}</p>
        {lockError ? <ErrorNotice error={lockError} /> : null}
        <button
          type="button"
          className="button button--primary"
          disabled={unlocking}
          onClick={() => void unlockRequested()}
        >
          {t(unlocking ? 'vault.locked.unlocking' : 'vault.locked.unlock')}
        </button>
      </section>
    </article>
  )
}
