import type { ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useConnectStore, type ConnectTarget } from '../stores/connect-store'
import { usePracticeName } from './use-practice-name'

interface TargetOption {
  readonly target: ConnectTarget
  readonly labelKey: MessageKey
  readonly hintKey: MessageKey
}

// Practice first and selected by default: a newcomer rehearses before touching a real business
// (docs/architecture.md › Practice mode).
const OPTIONS: readonly TargetOption[] = [
  { target: 'practice', labelKey: 'connect.where.practice', hintKey: 'connect.where.practiceHint' },
  { target: 'real', labelKey: 'connect.where.real', hintKey: 'connect.where.realHint' },
]

/** Practice or a real business, as two large radio options with what each means. */
export function TargetChoice(props: { readonly disabled: boolean }): ReactNode {
  const t = useT()
  const practiceName = usePracticeName()
  const target = useConnectStore((state) => state.target)
  const targetChosen = useConnectStore((state) => state.targetChosen)
  return (
    <fieldset className="choices" disabled={props.disabled}>
      <legend className="choices__legend">{t('connect.where.legend')}</legend>
      {OPTIONS.map((option) => {
        const id = `connect-target-${option.target}`
        return (
          <div key={option.target} className="choice">
            <input
              type="radio"
              id={id}
              name="connect-target"
              className="choice__input"
              value={option.target}
              checked={target === option.target}
              onChange={() => targetChosen(option.target)}
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
