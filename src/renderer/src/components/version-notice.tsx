import type { ReactNode } from 'react'
import { formatDate } from '../connect/connect-words'
import { useT } from '../i18n/use-t'
import { useAppStatusStore } from '../stores/app-status-store'
import { WarningIcon } from './icons'

/**
 * Shown from 90 days before Meta may retire the Graph API version this build speaks
 * (src/main/graph/version.ts): after that day, calls to Meta fail until the app is updated.
 * A status message, not an alert: it is news for this month, not an error in what the admin did.
 */
export function VersionNotice(): ReactNode {
  const t = useT()
  const status = useAppStatusStore((state) => state.status)
  if (status.phase !== 'loaded' || status.value.graphApi.retiresInDays === null) return null
  const { version, retiresNotBefore, retiresInDays } = status.value.graphApi
  return (
    <div className="notice notice--warning" role="status">
      <WarningIcon className="icon notice__icon" />
      <div className="notice__body">
        <p className="notice__title">{t('shell.version.title')}</p>
        <p>
          {t('shell.version.body', {
            version,
            date: formatDate(`${retiresNotBefore}T00:00:00Z`),
            days: retiresInDays,
          })}
        </p>
      </div>
    </div>
  )
}
