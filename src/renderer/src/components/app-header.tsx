import type { ReactNode } from 'react'
import { useAppStatusStore } from '../stores/app-status-store'
import { useT } from '../i18n/use-t'
import { LogoIcon } from './icons'
import { ModeMarker } from './mode-marker'

/** The top bar: product name and the practice / real marker. */
export function AppHeader(): ReactNode {
  const t = useT()
  const status = useAppStatusStore((state) => state.status)
  return (
    <header className="app-header">
      <p className="app-header__product">
        <LogoIcon className="app-header__logo" />
        <span>{t('app.name')}</span>
      </p>
      {status.phase === 'loaded' ? <ModeMarker mode={status.value.mode} /> : null}
    </header>
  )
}
