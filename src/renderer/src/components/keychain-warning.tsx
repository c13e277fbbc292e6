import type { ReactNode } from 'react'
import { useAppStatusStore } from '../stores/app-status-store'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { WarningIcon } from './icons'

/**
 * Shown when main found no secure keychain. The app then refuses to store tokens rather than fall
 * back to a file or the kernel keyring (docs/architecture.md › Secrets; SEC-11), and the admin must
 * know that before generating a token Meta will show only once.
 */
export function KeychainWarning(): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const status = useAppStatusStore((state) => state.status)
  if (status.phase !== 'loaded' || status.value.keychain.available) return null
  const problemKey = status.value.keychain.problemKey ?? 'errors.keychainUnavailable'
  return (
    <div className="notice notice--warning" role="alert">
      <WarningIcon className="icon notice__icon" />
      <div className="notice__body">
        <p className="notice__title">{t('flowHome.keychainWarning.title')}</p>
        <p>{tr(problemKey)}</p>
      </div>
    </div>
  )
}
