import type { ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import { useConnectStore } from '../stores/connect-store'
import { AppCredentials } from './app-credentials'
import { SignInPanel } from './sign-in-panel'
import { StepHeading } from './step-heading'
import { ModeChoice } from './mode-choice'

/** The first Connect screen: where to connect, the app (real business only), then sign in. */
export function ConnectScreen(): ReactNode {
  const t = useT()
  const mode = useConnectStore((state) => state.mode)
  const busy = useConnectStore((state) => state.activity !== 'idle')
  return (
    <>
      <section className="card flow-card" aria-labelledby="connect-where-heading">
        <StepHeading id="connect-where-heading">{t('connect.where.heading')}</StepHeading>
        <p className="flow-card__lead">{t('connect.where.lead')}</p>
        <ModeChoice disabled={busy} />
        {mode === 'real' ? <AppCredentials disabled={busy} /> : null}
      </section>
      <SignInPanel />
    </>
  )
}
