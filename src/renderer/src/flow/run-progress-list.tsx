import type { ReactNode } from 'react'
import type { ActionState, RunAction, RunActionKind } from '@shared/ipc/schemas/flow'
import { CheckIcon, WarningIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'

export const ACTION_LABELS: Readonly<Record<RunActionKind, MessageKey>> = {
  'find-or-create': 'flow.run.action.find-or-create',
  assign: 'flow.run.action.assign',
  'verify-assignments': 'flow.run.action.verify-assignments',
  'install-app': 'flow.run.action.install-app',
  'generate-token': 'flow.run.action.generate-token',
  'save-token': 'flow.run.action.save-token',
}

export const STATE_LABELS: Readonly<Record<ActionState, MessageKey>> = {
  planned: 'flow.run.state.planned',
  'in-flight': 'flow.run.state.in-flight',
  done: 'flow.run.state.done',
  failed: 'flow.run.state.failed',
}

/** The run's six actions with their state in words (and an icon, never colour alone). */
export function RunProgressList(props: { readonly actions: readonly RunAction[] }): ReactNode {
  const t = useT()
  return (
    <ol className="card flow-run-actions">
      {props.actions.map((action) => (
        <li key={action.kind} className={`flow-run-action flow-run-action--${action.state}`}>
          {action.state === 'done' ? <CheckIcon className="icon flow-run-action__icon" /> : null}
          {action.state === 'failed' ? (
            <WarningIcon className="icon flow-run-action__icon" />
          ) : null}
          {action.state === 'planned' || action.state === 'in-flight' ? (
            <span className="flow-run-action__dot" aria-hidden="true" />
          ) : null}
          <span className="flow-run-action__label">{t(ACTION_LABELS[action.kind])}</span>
          <span className="flow-run-action__state">
            {t(STATE_LABELS[action.state])}
            {action.total > 1
              ? ` · ${t('flow.run.count', { done: action.done, total: action.total })}`
              : ''}
          </span>
        </li>
      ))}
    </ol>
  )
}
