import type { ReactNode } from 'react'
import { roleKeys } from '@shared/catalog'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { ScreenHeading } from './flow-parts'
import { readableDate } from './flow-words'

/** On open: runs main did not finish, offered before anything else (REL-03: resume, never redo). */
export function ResumeOffer(props: { readonly runIds: readonly string[] }): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const unfinished = useFlowStore((state) => state.unfinished)
  const resumeRequested = useFlowStore((state) => state.resumeRequested)
  const resumeDeclined = useFlowStore((state) => state.resumeDeclined)
  const runs = unfinished.filter((run) => props.runIds.includes(run.runId))
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-resume-offer">
      <ScreenHeading id="flow-screen-resume-offer">{t('flow.resume.heading')}</ScreenHeading>
      <p className="lead">{t('flow.resume.lead')}</p>
      <ul className="flow-user-list">
        {runs.map((run) => (
          <li key={run.runId} className="card flow-resume">
            <p>
              {t('flow.resume.run', {
                name: run.name,
                role: tr(roleKeys(run.role).labelKey),
                date: readableDate(run.createdAt),
              })}
            </p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void resumeRequested(run.runId)}
            >
              {t('flow.resume.continue', { name: run.name })}
            </button>
          </li>
        ))}
      </ul>
      <div className="flow-actions">
        <button type="button" className="button button--secondary" onClick={resumeDeclined}>
          {t('flow.resume.later')}
        </button>
      </div>
    </section>
  )
}
