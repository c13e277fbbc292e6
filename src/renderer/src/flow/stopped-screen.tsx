import type { ReactNode } from 'react'
import type { AppError } from '@shared/result'
import { ErrorNotice } from '../components/error-notice'
import { InfoIcon, WarningIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { ScreenHeading } from './flow-parts'
import { readableDate } from './flow-words'
import { RunProgressList } from './run-progress-list'

/**
 * A run that stopped, cancelled or failed. Retry is offered only where main says continuing is
 * safe (it reconciles by reading first); a token that could not be saved stops everything and
 * says exactly what to do about the token Meta made (REL-05).
 */
export function StoppedScreen(props: {
  readonly reason: 'cancelled' | 'failed'
  readonly error: AppError | null
}): ReactNode {
  const t = useT()
  const run = useFlowStore((state) => state.run)
  const activity = useFlowStore((state) => state.activity)
  const storeError = useFlowStore((state) => state.error)
  const resumeRequested = useFlowStore((state) => state.resumeRequested)
  const discardRequested = useFlowStore((state) => state.discardRequested)
  const leaveRequested = useFlowStore((state) => state.leaveRequested)
  const runId = useFlowStore((state) =>
    state.machine.screen === 'interrupted' ? state.machine.runId : '',
  )
  const needsAttention = run?.status === 'needs-attention'
  const canRetry = !needsAttention && (run?.resumable ?? true)
  const orphan = run?.orphanedToken
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-interrupted">
      <ScreenHeading id="flow-screen-interrupted">
        {t(
          props.reason === 'cancelled'
            ? 'flow.stopped.heading.cancelled'
            : 'flow.stopped.heading.failed',
        )}
      </ScreenHeading>
      {props.reason === 'cancelled' ? (
        <p className="flow-info">
          <InfoIcon />
          <span>{t('flow.stopped.cancelled')}</span>
        </p>
      ) : null}
      {props.reason === 'failed' && props.error ? (
        <ErrorNotice error={props.error} title={t('flow.stopped.failedTitle')} />
      ) : null}
      {needsAttention ? (
        <div className="notice notice--error" role="alert">
          <WarningIcon className="icon notice__icon" />
          <div className="notice__body">
            <p>{t('flow.stopped.needsAttention')}</p>
            {orphan ? (
              <p>
                {orphan.expiresAt
                  ? t('flow.stopped.orphan', {
                      date: readableDate(orphan.generatedAt),
                      expires: readableDate(orphan.expiresAt),
                    })
                  : t('flow.stopped.orphanNever', { date: readableDate(orphan.generatedAt) })}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      {run ? <RunProgressList actions={run.actions} /> : null}
      {storeError ? (
        <ErrorNotice error={storeError} title={t('flow.stopped.discardFailedTitle')} />
      ) : null}
      <div className="flow-actions">
        {canRetry ? (
          <button
            type="button"
            className="button button--primary"
            disabled={activity !== 'idle'}
            onClick={() => void resumeRequested(runId)}
          >
            {t('flow.stopped.retry')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          disabled={activity !== 'idle'}
          aria-describedby="flow-discard-hint"
          onClick={() => void discardRequested()}
        >
          {t('flow.stopped.discard')}
        </button>
        <button type="button" className="button button--quiet" onClick={leaveRequested}>
          {t('flow.leave')}
        </button>
      </div>
      <p id="flow-discard-hint" className="flow-muted">
        {t('flow.stopped.discardHint')}
      </p>
    </section>
  )
}
