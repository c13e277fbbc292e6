import type { ReactNode } from 'react'
import { useNavigationStore, type Home } from '../stores/navigation-store'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { FlowIcon, VaultIcon } from './icons'
import { KeychainIndicator } from './keychain-indicator'

interface NavItem {
  readonly home: Home
  readonly labelKey: MessageKey
  readonly Icon: (props: { readonly className?: string }) => ReactNode
}

const ITEMS: readonly NavItem[] = [
  { home: 'flow', labelKey: 'shell.nav.flow', Icon: FlowIcon },
  { home: 'vault', labelKey: 'shell.nav.vault', Icon: VaultIcon },
]

/**
 * The main navigation between the two homes. Buttons, not links: the app has no URLs to share,
 * and the app protocol refuses navigation. The current home carries aria-current="page".
 */
export function MainNav(): ReactNode {
  const t = useT()
  const current = useNavigationStore((state) => state.home)
  const homeChosen = useNavigationStore((state) => state.homeChosen)
  return (
    <nav className="main-nav" aria-label={t('shell.nav.label')}>
      <ul className="main-nav__list">
        {ITEMS.map(({ home, labelKey, Icon }) => (
          <li key={home}>
            <button
              type="button"
              className="main-nav__item"
              aria-current={home === current ? 'page' : undefined}
              onClick={() => homeChosen(home)}
            >
              <Icon className="icon main-nav__icon" />
              <span>{t(labelKey)}</span>
            </button>
          </li>
        ))}
      </ul>
      <KeychainIndicator />
    </nav>
  )
}
