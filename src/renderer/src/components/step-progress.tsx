import type { ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { META_STEPS } from '../flow/meta-steps'

/**
 * "Step 1 of 8: Connect" in words, with a row of eight marks drawn beside it. The words carry the
 * meaning; the marks are decoration (aria-hidden), so nothing depends on seeing them.
 */
export function StepProgress(props: {
  readonly number: number
  readonly nameKey: MessageKey
}): ReactNode {
  const t = useT()
  return (
    <div className="step-progress">
      <p className="step-progress__label">
        {t('connect.progress', {
          number: props.number,
          total: META_STEPS.length,
          name: t(props.nameKey),
        })}
      </p>
      <ol className="step-progress__track" aria-hidden="true">
        {META_STEPS.map((step) => (
          <li
            key={step.number}
            className={
              step.number < props.number
                ? 'step-progress__mark step-progress__mark--done'
                : step.number === props.number
                  ? 'step-progress__mark step-progress__mark--current'
                  : 'step-progress__mark'
            }
          />
        ))}
      </ol>
    </div>
  )
}
