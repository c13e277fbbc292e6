import type { ReactNode } from 'react'
import { useAppStatusStore } from '../stores/app-status-store'
import { useT } from '../i18n/use-t'
import { CheckIcon, WarningIcon } from './icons'

/** A quiet line at the foot of the navigation: is the keychain there, and which app version. */
export function KeychainIndicator(): ReactNode {
  const t = useT()
  const status = useAppStatusStore((state) => state.status)
  if (status.phase !== 'loaded') {
    return <p className="keychain-indicator">{t('shell.keychain.checking')}</p>
  }
  const { keychain, version } = status.value
  return (
    <div className="keychain-indicator">
      {keychain.available ? (
        <p className="keychain-indicator__line keychain-indicator__line--ok">
          <CheckIcon />
          <span>{t('shell.keychain.ready')}</span>
        </p>
      ) : (
        <p className="keychain-indicator__line keychain-indicator__line--problem">
          <WarningIcon />
          <span>{t('shell.keychain.unavailable')}</span>
        </p>
      )}
      <p className="keychain-indicator__version">{t('shell.version', { version })}</p>
    </div>
  )
}
