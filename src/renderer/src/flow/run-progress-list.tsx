import type { ReactNode } from 'react'
import type { RunStep, RunStepKind, StepState } from '@shared/ipc/schemas/flow'
import { CheckIcon, WarningIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'

export const STEP_LABELS: Readonly<Record<RunStepKind, MessageKey>> = {
  'find-or-create': 'flow.run.step.find-or-create',
  assign: 'flow.run.step.assign',
  'verify-assignments': 'flow.run.step.verify-assignments',
  'install-app': 'flow.run.step.install-app',
  'generate-token': 'flow.run.step.generate-token',
  'save-token': 'flow.run.step.save-token',
}

export const STATE_LABELS: Readonly<Record<StepState, MessageKey>> = {
  planned: 'flow.run.state.planned',
  'in-flight': 'flow.run.state.in-flight',
  done: 'flow.run.state.done',
  failed: 'flow.run.state.failed',
}

/** The run's six steps with their state in words (and an icon, never colour alone). */
export function RunProgressList(props: { readonly steps: readonly RunStep[] }): ReactNode {
  const t = useT()
  return (
    <ol className="card flow-run-steps">
      {props.steps.map((step) => (
        <li key={step.kind} className={`flow-run-step flow-run-step--${step.state}`}>
          {step.state === 'done' ? <CheckIcon className="icon flow-run-step__icon" /> : null}
          {step.state === 'failed' ? <WarningIcon className="icon flow-run-step__icon" /> : null}
          {step.state === 'planned' || step.state === 'in-flight' ? (
            <span className="flow-run-step__dot" aria-hidden="true" />
          ) : null}
          <span className="flow-run-step__label">{t(STEP_LABELS[step.kind])}</span>
          <span className="flow-run-step__state">
            {t(STATE_LABELS[step.state])}
            {step.total > 1
              ? ` · ${t('flow.run.count', { done: step.done, total: step.total })}`
              : ''}
          </span>
        </li>
      ))}
    </ol>
  )
}
