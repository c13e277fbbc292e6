import type { ReactNode } from 'react'
import { ArrowIcon, InfoIcon } from '../components/icons'
import { ConnectActionError } from '../connect/connect-error'
import { ConnectionSummaryCard } from '../connect/connection-summary'
import { useConnectFocus } from '../connect/use-connect-focus'
import { useConnection } from '../connect/use-connection'
import { usePracticeName } from '../connect/use-practice-name'
import { useT } from '../i18n/use-t'
import { useConnectStore } from '../stores/connect-store'

/**
 * The way into the guided flow. Not connected: "Start setting up", which begins with Connect
 * (practice by default). Connected: who and where, and "Continue setting up" from where the admin
 * left off.
 */
export function StartCard(): ReactNode {
  const t = useT()
  const practiceName = usePracticeName()
  const connection = useConnection()
  const notice = useConnectStore((state) => state.notice)
  const startRequested = useConnectStore((state) => state.startRequested)
  const startRef = useConnectFocus<HTMLButtonElement>('start')

  if (connection) {
    return (
      <>
        <ConnectionSummaryCard connection={connection}>
          <button type="button" className="button button--primary" onClick={startRequested}>
            <span>{t('connect.start.continue')}</span>
            <ArrowIcon />
          </button>
        </ConnectionSummaryCard>
        <ConnectActionError />
      </>
    )
  }
  return (
    <section className="card start-card" aria-labelledby="flow-home-start-heading">
      <h2 id="flow-home-start-heading">{t('flowHome.start.heading')}</h2>
      <div className="start-card__row">
        <button
          ref={startRef}
          type="button"
          className="button button--primary"
          onClick={startRequested}
        >
          <span>{t('flowHome.start.button')}</span>
          <ArrowIcon />
        </button>
        <p className="start-card__reason">
          <InfoIcon />
          <span>{t('connect.start.intro', { practiceName })}</span>
        </p>
      </div>
      {notice ? <p className="calm-note">{t(notice)}</p> : null}
    </section>
  )
}
