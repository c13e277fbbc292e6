import type { ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { InfoIcon } from '../components/icons'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { draftPlan } from './flow-draft'
import {
  PlanWarnings,
  ScreenActions,
  ScreenHeading,
  useConnectedAppName,
  usePractice,
} from './flow-parts'
import { reviewLines } from './review-lines'

/** The review: exactly what will happen, in order, before anything is sent to Meta. */
export function ReviewScreen(): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const draft = useFlowStore((state) => state.draft)
  const activity = useFlowStore((state) => state.activity)
  const error = useFlowStore((state) => state.error)
  const runRequested = useFlowStore((state) => state.runRequested)
  const app = useConnectedAppName()
  const practice = usePractice()
  const plan = draftPlan(draft)
  const starting = activity === 'starting'
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-review">
      <ScreenHeading id="flow-screen-review">{t('flow.review.heading')}</ScreenHeading>
      <p id="flow-review-lead" className="lead">
        {t('flow.review.lead')}
      </p>
      {plan ? (
        <ol className="card flow-review" aria-labelledby="flow-review-lead">
          {reviewLines(t, tr, draft, plan, app).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      ) : null}
      {practice ? (
        <p className="flow-info">
          <InfoIcon />
          <span>{t('flow.review.practice')}</span>
        </p>
      ) : null}
      {plan ? <PlanWarnings warnings={plan.warnings} /> : null}
      {error ? <ErrorNotice error={error} title={t('flow.review.failedTitle')} /> : null}
      <ScreenActions
        primary={
          <button
            type="button"
            className="button button--primary"
            disabled={starting || !plan}
            onClick={() => void runRequested()}
          >
            {t(starting ? 'flow.review.starting' : 'flow.review.start')}
          </button>
        }
      />
    </section>
  )
}
