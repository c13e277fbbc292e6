import type { ReactNode } from 'react'
import type { PreflightReport } from '@shared/ipc/schemas/connect'
import { ArrowIcon } from '../components/icons'
import { useT, useTranslateRuntimeKey, type Translate } from '../i18n/use-t'
import { useConnectStore } from '../stores/connect-store'
import { ConnectActionError, ConnectErrorNotice } from './connect-error'
import { PreflightLineItem } from './preflight-line'
import { StepHeading } from './step-heading'

// A time of day is enough: the report is about "now", and "Check again" refreshes it.
const TIME_FORMAT = new Intl.DateTimeFormat('en', { timeStyle: 'short' })

/** The report's one-line verdict, also announced when a check finishes. */
export function preflightVerdict(report: PreflightReport, t: Translate): string {
  const failing = report.lines.filter((line) => line.status === 'fail').length
  if (failing === 1) return t('connect.preflight.attention.one')
  if (failing > 1) return t('connect.preflight.attention.other', { count: failing })
  if (!report.canAddSystemUser) return t('connect.preflight.attention.one')
  return report.lines.some((line) => line.status === 'warn')
    ? t('connect.preflight.readyWithNotes')
    : t('connect.preflight.allReady')
}

/**
 * "Add a system user": enabled only when main says setup can go on. When it cannot, the button
 * stays visible but disabled, with every reason in text beside it and tied to it by
 * aria-describedby — nothing blocks silently (issue "Connect").
 */
function AddSystemUser(props: { readonly report: PreflightReport }): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const addSystemUserRequested = useConnectStore((state) => state.addSystemUserRequested)
  const { report } = props
  const blocked = !report.canAddSystemUser
  return (
    <div className="add-action">
      <button
        type="button"
        className="button button--primary"
        disabled={blocked}
        aria-describedby={blocked ? 'preflight-blocked-reasons' : undefined}
        onClick={addSystemUserRequested}
      >
        <span>{t('connect.preflight.add')}</span>
        <ArrowIcon />
      </button>
      {blocked ? (
        <div id="preflight-blocked-reasons" className="add-action__reasons">
          <p>{t('connect.preflight.blocked')}</p>
          <ul>
            {report.blockedReasonKeys.map((key) => (
              <li key={key}>{tr(key)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}

function Report(props: { readonly report: PreflightReport }): ReactNode {
  const t = useT()
  const preflightRequested = useConnectStore((state) => state.preflightRequested)
  const businessChangeRequested = useConnectStore((state) => state.businessChangeRequested)
  const { report } = props
  return (
    <>
      <p className="verdict">{preflightVerdict(report, t)}</p>
      <ul className="checks" aria-label={t('connect.preflight.listLabel')}>
        {report.lines.map((line) => (
          <PreflightLineItem key={line.check} line={line} />
        ))}
      </ul>
      <div className="report-footer">
        <p className="report-footer__time">
          {t('connect.preflight.checkedAt', {
            time: TIME_FORMAT.format(new Date(report.checkedAt)),
          })}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void preflightRequested()}
        >
          {t('connect.preflight.checkAgain')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={businessChangeRequested}
        >
          {t('connect.preflight.changeBusiness')}
        </button>
      </div>
      <AddSystemUser report={report} />
    </>
  )
}

/** Is the chosen business ready for system users? One line per check, each fixable. */
export function PreflightScreen(): ReactNode {
  const t = useT()
  const preflight = useConnectStore((state) => state.preflight)
  const preflightRequested = useConnectStore((state) => state.preflightRequested)
  const shown = preflight.phase === 'loaded' ? preflight.value : null
  return (
    <section className="card flow-card" aria-labelledby="connect-preflight-heading">
      <StepHeading id="connect-preflight-heading">
        {shown
          ? t('connect.preflight.heading', { businessName: shown.businessName })
          : t('connect.preflight.headingPending')}
      </StepHeading>
      <p className="flow-card__lead">{t('connect.preflight.lead')}</p>
      <ConnectActionError />
      {preflight.phase === 'loading' || preflight.phase === 'idle' ? (
        <p className="calm-note">{t('connect.preflight.loading')}</p>
      ) : null}
      {preflight.phase === 'failed' ? (
        <ConnectErrorNotice error={preflight.error} onRetry={() => void preflightRequested()} />
      ) : null}
      {shown ? <Report report={shown} /> : null}
    </section>
  )
}
