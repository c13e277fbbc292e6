import type { ReactNode } from 'react'
import { HomeHeading } from '../components/home-heading'
import { KeychainWarning } from '../components/keychain-warning'
import { ConnectAnnouncer } from '../connect/connect-announcer'
import { ConnectView } from '../connect/connect-view'
import { FlowScreens } from '../flow/flow-screens'
import { useT } from '../i18n/use-t'
import { useConnectStore } from '../stores/connect-store'
import { META_STEPS } from './meta-steps'
import { StartCard } from './start-card'

/** The overview: what the guided flow does, step by step, and the way in. */
function FlowOverview(): ReactNode {
  const t = useT()
  return (
    <article className="home" aria-labelledby="flow-home-title">
      <div className="home__intro">
        <HomeHeading id="flow-home-title">{t('flowHome.title')}</HomeHeading>
        <p className="lead">{t('flowHome.lead')}</p>
      </div>

      <KeychainWarning />
      <StartCard />

      <section aria-labelledby="flow-home-steps-heading">
        <h2 id="flow-home-steps-heading">{t('flowHome.steps.heading')}</h2>
        <p className="section-intro">{t('flowHome.steps.intro')}</p>
        <ol className="steps">
          {META_STEPS.map((step) => (
            <li key={step.number} className="steps__item">
              <span className="steps__number" aria-hidden="true">
                {step.number}
              </span>
              <div className="steps__text">
                <h3 className="steps__title">{t(step.titleKey)}</h3>
                <p className="steps__meta">
                  {t('flowHome.steps.metaName', { name: t(step.metaKey) })}
                </p>
                <p className="steps__body">{t(step.bodyKey)}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </article>
  )
}

/**
 * The "Set up a system user" home: the overview, or the guided flow once the admin has started it
 * (for now its first step, Connect). One live region stays mounted across both, so waits and
 * outcomes are announced wherever the admin is.
 */
export function FlowHome(): ReactNode {
  const screen = useConnectStore((state) => state.screen)
  return (
    <>
      <ConnectAnnouncer />
      {screen === 'overview' ? (
        <FlowOverview />
      ) : screen === 'next' ? (
        <FlowScreens />
      ) : (
        <ConnectView screen={screen} />
      )}
    </>
  )
}
