import type { ReactNode } from 'react'
import type { BusinessSummary } from '@shared/ipc/schemas/connect'
import { WarningIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import { useConnectStore } from '../stores/connect-store'
import { ConnectActionError, ConnectErrorNotice } from './connect-error'
import { verificationKey } from './connect-words'
import { META_LINKS } from './meta-links'
import { StepHeading } from './step-heading'
import { useConnectFocus } from './use-connect-focus'

/**
 * No portfolio at all: Meta lets only an admin of a business portfolio add system users
 * (Business Help Center, "Add system users"), so say that and where to fix it.
 */
function NoBusinesses(): ReactNode {
  const t = useT()
  const linkRequested = useConnectStore((state) => state.linkRequested)
  const businessesRequested = useConnectStore((state) => state.businessesRequested)
  return (
    <div className="empty-note">
      <h3>{t('connect.businesses.emptyHeading')}</h3>
      <p>{t('connect.businesses.emptyBody')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void linkRequested(META_LINKS.businessSuite)}
        >
          {t('connect.businesses.openBusinessSuite')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void businessesRequested()}
        >
          {t('connect.businesses.checkAgain')}
        </button>
      </div>
    </div>
  )
}

/** One portfolio as a radio option: its name, then its ID and verification status in words. */
function BusinessOption(props: {
  readonly business: BusinessSummary
  readonly remembered: boolean
}): ReactNode {
  const t = useT()
  const selected = useConnectStore((state) => state.selectedBusinessId === props.business.id)
  const businessSelected = useConnectStore((state) => state.businessSelected)
  const id = `connect-business-${props.business.id}`
  return (
    <div className="choice">
      <input
        type="radio"
        id={id}
        name="connect-business"
        className="choice__input"
        value={props.business.id}
        checked={selected}
        onChange={() => businessSelected(props.business.id)}
        aria-describedby={`${id}-meta`}
      />
      <div className="choice__text">
        <label htmlFor={id} className="choice__title">
          {props.business.name}
        </label>
        <p id={`${id}-meta`} className="choice__hint">
          {t('connect.businesses.id', { id: props.business.id })}
          {' · '}
          {t(verificationKey(props.business.verificationStatus))}
          {props.remembered ? (
            <>
              {' '}
              <span className="tag tag--neutral">{t('connect.businesses.remembered')}</span>
            </>
          ) : null}
        </p>
      </div>
    </div>
  )
}

/** The list and the Continue button, once the portfolios have arrived. */
function BusinessList(props: {
  readonly businesses: readonly BusinessSummary[]
  readonly rememberedId: string | null
}): ReactNode {
  const t = useT()
  const problem = useConnectStore((state) => state.choiceProblem)
  const activity = useConnectStore((state) => state.activity)
  const businessChoiceConfirmed = useConnectStore((state) => state.businessChoiceConfirmed)
  const listRef = useConnectFocus<HTMLFieldSetElement>('businesses')
  return (
    <>
      <fieldset
        ref={listRef}
        tabIndex={-1}
        className="choices"
        disabled={activity !== 'idle'}
        aria-describedby={problem ? 'connect-business-problem' : undefined}
      >
        <legend className="choices__legend">{t('connect.businesses.legend')}</legend>
        {problem ? (
          <p id="connect-business-problem" className="field__error">
            <WarningIcon />
            <span>{t(problem)}</span>
          </p>
        ) : null}
        {props.businesses.map((business) => (
          <BusinessOption
            key={business.id}
            business={business}
            remembered={business.id === props.rememberedId}
          />
        ))}
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={activity !== 'idle'}
          onClick={() => void businessChoiceConfirmed()}
        >
          {activity === 'choosing'
            ? t('connect.businesses.choosing')
            : t('connect.businesses.continue')}
        </button>
      </div>
    </>
  )
}

/** Which business portfolio the system user will belong to; the last choice is pre-selected. */
export function BusinessPicker(): ReactNode {
  const t = useT()
  const businesses = useConnectStore((state) => state.businesses)
  const businessesRequested = useConnectStore((state) => state.businessesRequested)
  return (
    <section className="card flow-card" aria-labelledby="connect-businesses-heading">
      <StepHeading id="connect-businesses-heading">{t('connect.businesses.heading')}</StepHeading>
      <p className="flow-card__lead">{t('connect.businesses.lead')}</p>
      <ConnectActionError />
      {businesses.phase === 'loading' || businesses.phase === 'idle' ? (
        <p className="calm-note">{t('connect.businesses.loading')}</p>
      ) : null}
      {businesses.phase === 'failed' ? (
        <ConnectErrorNotice error={businesses.error} onRetry={() => void businessesRequested()} />
      ) : null}
      {businesses.phase === 'loaded' ? (
        businesses.value.businesses.length === 0 ? (
          <NoBusinesses />
        ) : (
          <BusinessList
            businesses={businesses.value.businesses}
            rememberedId={businesses.value.rememberedBusinessId}
          />
        )
      ) : null}
    </section>
  )
}
