import type { ReactNode } from 'react'
import type { AppStatus } from '@shared/ipc/schemas/app'
import { useT } from '../i18n/use-t'

/**
 * Says, in words and not colour alone (WCAG 1.4.1), whether the admin is practising or working on
 * a real business. Practice data is marked as such everywhere
 * (docs/architecture.md › Practice mode).
 */
export function ModeMarker(props: { readonly mode: AppStatus['mode'] }): ReactNode {
  const t = useT()
  const practice = props.mode === 'practice'
  return (
    <div
      className={practice ? 'mode-marker mode-marker--practice' : 'mode-marker mode-marker--real'}
      role="note"
      aria-labelledby="mode-marker-title"
      aria-describedby="mode-marker-description"
    >
      <span id="mode-marker-title" className="mode-marker__badge">
        {t(practice ? 'shell.mode.practice' : 'shell.mode.real')}
      </span>
      <span id="mode-marker-description" className="mode-marker__description">
        {t(practice ? 'shell.mode.practiceDescription' : 'shell.mode.realDescription')}
      </span>
    </div>
  )
}
