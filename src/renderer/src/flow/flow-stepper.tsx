import type { ReactNode } from 'react'
import { CheckIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import { META_STEPS } from '../flow/meta-steps'

/**
 * The eight steps of Meta's flow (Connect is step 1) with where the admin is. Each step says its
 * status in words — done, you are here, still to do — so nothing relies on colour (WCAG 1.4.1),
 * and the current one carries aria-current="step".
 */
export function FlowStepper(props: {
  readonly current: number
  /** Steps before `current` that the run has not finished (flow-machine.ts unfinishedSteps). */
  readonly unfinished?: ReadonlySet<number>
}): ReactNode {
  const t = useT()
  return (
    <nav aria-label={t('flow.stepper.label')} className="flow-stepper">
      <ol className="flow-stepper__list">
        {META_STEPS.map((step) => {
          const status =
            step.number < props.current && !props.unfinished?.has(step.number)
              ? 'done'
              : step.number === props.current
                ? 'current'
                : 'todo'
          // A step the run did not finish reads "still to do", never "done".
          return (
            <li
              key={step.number}
              className={`flow-stepper__item flow-stepper__item--${status}`}
              aria-current={status === 'current' ? 'step' : undefined}
            >
              <span className="flow-stepper__number" aria-hidden="true">
                {status === 'done' ? (
                  <CheckIcon className="icon flow-stepper__check" />
                ) : (
                  step.number
                )}
              </span>
              <span className="flow-stepper__text">
                <span className="visually-hidden">
                  {t('flow.stepper.number', { number: step.number })}:{' '}
                </span>
                <span className="flow-stepper__title">{t(step.titleKey)}</span>
                <span className="flow-stepper__status">
                  {t(
                    status === 'done'
                      ? 'flow.stepper.done'
                      : status === 'current'
                        ? 'flow.stepper.current'
                        : 'flow.stepper.todo',
                  )}
                </span>
              </span>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
