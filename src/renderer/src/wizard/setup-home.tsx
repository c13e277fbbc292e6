import type { ReactNode } from 'react'
import { HomeHeading } from '../components/home-heading'
import { InfoIcon } from '../components/icons'
import { KeychainWarning } from '../components/keychain-warning'
import { useT } from '../i18n/use-t'
import { SETUP_STEPS } from './setup-steps'

/**
 * The "Set up a system user" home: what the guided flow will do, step by step. The flow itself
 * starts with connecting to a business, which is not built yet — so the Start button is shown
 * disabled with the reason in plain text, not hidden (honest about what exists).
 */
export function SetupHome(): ReactNode {
  const t = useT()
  return (
    <article className="home" aria-labelledby="setup-title">
      <div className="home__intro">
        <HomeHeading id="setup-title">{t('setup.title')}</HomeHeading>
        <p className="lead">{t('setup.lead')}</p>
      </div>

      <KeychainWarning />

      <section className="card start-card" aria-labelledby="setup-start-heading">
        <h2 id="setup-start-heading">{t('setup.start.heading')}</h2>
        <div className="start-card__row">
          <button
            type="button"
            className="button button--primary"
            disabled
            aria-describedby="setup-start-reason"
          >
            {t('setup.start.button')}
          </button>
          <p id="setup-start-reason" className="start-card__reason">
            <InfoIcon />
            <span>{t('setup.start.unavailable')}</span>
          </p>
        </div>
      </section>

      <section aria-labelledby="setup-steps-heading">
        <h2 id="setup-steps-heading">{t('setup.steps.heading')}</h2>
        <p className="section-intro">{t('setup.steps.intro')}</p>
        <ol className="steps">
          {SETUP_STEPS.map((step) => (
            <li key={step.number} className="steps__item">
              <span className="steps__number" aria-hidden="true">
                {step.number}
              </span>
              <div className="steps__text">
                <h3 className="steps__title">{t(step.titleKey)}</h3>
                <p className="steps__meta">
                  {t('setup.steps.metaName', { name: t(step.metaKey) })}
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
