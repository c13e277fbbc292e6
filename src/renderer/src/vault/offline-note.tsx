import type { ReactNode } from 'react'
import { CheckIcon } from '../components/icons'
import { useT } from '../i18n/use-t'

/** A quiet line: the vault's list and details need no network (one of the app's promises). */
export function OfflineNote(): ReactNode {
  const t = useT()
  return (
    <p className="offline-note">
      <CheckIcon />
      <span>{t('vault.offline')}</span>
    </p>
  )
}
