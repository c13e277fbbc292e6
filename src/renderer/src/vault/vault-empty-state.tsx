import type { ReactNode } from 'react'
import { ArrowIcon, VaultIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import { useNavigationStore } from '../stores/navigation-store'

/**
 * The vault with nothing in it yet: what it is for and where tokens come from. Meta shows a new
 * token only once (Business Help Center, "Add system users"), which is why the vault exists.
 */
export function VaultEmptyState(): ReactNode {
  const t = useT()
  const homeChosen = useNavigationStore((state) => state.homeChosen)
  return (
    <section className="card empty-state" aria-labelledby="vault-empty-heading">
      <VaultIcon className="icon empty-state__icon" />
      <h2 id="vault-empty-heading">{t('vault.empty.heading')}</h2>
      <p>{t('vault.empty.keychain')}</p>
      <p>{t('vault.empty.once')}</p>
      <button type="button" className="button button--primary" onClick={() => homeChosen('flow')}>
        <span>{t('vault.empty.action')}</span>
        <ArrowIcon />
      </button>
    </section>
  )
}
