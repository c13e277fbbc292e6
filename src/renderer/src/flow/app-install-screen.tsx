import type { ReactNode } from 'react'
import { InfoIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import { ScreenActions, ScreenHeading, useConnectedAppName } from './flow-parts'

/**
 * Before step 6: the app must be installed on the system user, or Meta makes no token for it —
 * "the step people miss" (docs/user-research.md §1.4, §3). Main does it during the run, after
 * checking whether it is installed already; this screen says why it matters.
 */
export function AppInstallScreen(): ReactNode {
  const t = useT()
  const app = useConnectedAppName()
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-app-install">
      <ScreenHeading id="flow-screen-app-install">{t('flow.app.heading')}</ScreenHeading>
      <p className="lead">{t('flow.app.lead')}</p>
      <div className="card flow-form">
        <p>{t('flow.app.why')}</p>
        {app ? <p className="flow-strong">{t('flow.app.which', { app })}</p> : null}
        <p className="flow-info">
          <InfoIcon />
          <span>{t('flow.app.auto')}</span>
        </p>
      </div>
      <ScreenActions />
    </section>
  )
}
