import type { ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { useT } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { ScreenHeading } from './flow-parts'
import { ACTION_LABELS, RunProgressList, STATE_LABELS } from './run-progress-list'

/**
 * The run at work: main's progress events update each action, a polite live region announces the
 * latest one (it never interrupts), and Cancel is always there — main stops after the request in
 * flight and the run can be continued later without doing anything twice.
 */
export function RunScreen(props: { readonly cancelling: boolean }): ReactNode {
  const t = useT()
  const run = useFlowStore((state) => state.run)
  const progress = useFlowStore((state) => state.progress)
  const error = useFlowStore((state) => state.error)
  const cancelRequested = useFlowStore((state) => state.cancelRequested)
  const announcement = progress
    ? t('flow.run.live', {
        step: t(ACTION_LABELS[progress.action]),
        state: t(STATE_LABELS[progress.state]),
      })
    : ''
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-running">
      <ScreenHeading id="flow-screen-running">
        {t('flow.run.heading', { name: run?.name ?? '' })}
      </ScreenHeading>
      <p className="lead">{t('flow.run.lead')}</p>
      {run ? <RunProgressList actions={run.actions} /> : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {error ? <ErrorNotice error={error} title={t('flow.run.cancelFailedTitle')} /> : null}
      <div className="flow-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={props.cancelling}
          onClick={() => void cancelRequested()}
        >
          {t(props.cancelling ? 'flow.run.cancelling' : 'flow.run.cancel')}
        </button>
      </div>
    </section>
  )
}
