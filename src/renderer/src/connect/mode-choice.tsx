import type { ReactNode } from 'react'
import type { AppMode } from '@shared/ipc/schemas/mode'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useConnectStore } from '../stores/connect-store'
import { usePracticeName } from './use-practice-name'

interface ModeOption {
  readonly mode: AppMode
  readonly labelKey: MessageKey
  readonly hintKey: MessageKey
}

// Practice first and selected by default: a newcomer rehearses before touching a real business
// (docs/architecture.md › Practice mode).
const OPTIONS: readonly ModeOption[] = [
  { mode: 'practice', labelKey: 'connect.where.practice', hintKey: 'connect.where.practiceHint' },
  { mode: 'real', labelKey: 'connect.where.real', hintKey: 'connect.where.realHint' },
]

/** Practice or a real business, as two large radio options with what each means. */
export function ModeChoice(props: { readonly disabled: boolean }): ReactNode {
  const t = useT()
  const practiceName = usePracticeName()
  const mode = useConnectStore((state) => state.mode)
  const modeChosen = useConnectStore((state) => state.modeChosen)
  return (
    <fieldset className="choices" disabled={props.disabled}>
      <legend className="choices__legend">{t('connect.where.legend')}</legend>
      {OPTIONS.map((option) => {
        const id = `connect-mode-${option.mode}`
        return (
          <div key={option.mode} className="choice">
            <input
              type="radio"
              id={id}
              name="connect-mode"
              className="choice__input"
              value={option.mode}
              checked={mode === option.mode}
              onChange={() => modeChosen(option.mode)}
              aria-describedby={`${id}-hint`}
            />
            <div className="choice__text">
              <label htmlFor={id} className="choice__title">
                {t(option.labelKey)}
              </label>
              <p id={`${id}-hint`} className="choice__hint">
                {t(option.hintKey, { practiceName })}
              </p>
            </div>
          </div>
        )
      })}
    </fieldset>
  )
}
