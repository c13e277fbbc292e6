import { useT } from '../i18n/use-t'
import { useAppStatusStore } from '../stores/app-status-store'

/** The pretend business practice mode rehearses on, as main names it (from its sample seed). */
export function usePracticeName(): string {
  const t = useT()
  const status = useAppStatusStore((state) => state.status)
  return status.phase === 'loaded'
    ? status.value.practice.businessName
    : t('connect.practiceFallback')
}
