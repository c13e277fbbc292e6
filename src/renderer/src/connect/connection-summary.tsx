import type { ReactNode } from 'react'
import type { ConnectionSummary } from '@shared/ipc/schemas/connect'
import { useT } from '../i18n/use-t'
import { useConnectStore } from '../stores/connect-store'
import { expiryWords, TOKEN_KIND_KEYS } from './connect-words'
import { useConnectFocus } from './use-connect-focus'
import { usePracticeName } from './use-practice-name'

/**
 * Disconnecting asks first and says exactly what happens: the admin's token and app secret leave
 * the keychain; the vault's system-user tokens stay (issue "Connect": "keeps the vault's tokens
 * untouched").
 */
function DisconnectControl(): ReactNode {
  const t = useT()
  const confirming = useConnectStore((state) => state.confirmingDisconnect)
  const activity = useConnectStore((state) => state.activity)
  const disconnectRequested = useConnectStore((state) => state.disconnectRequested)
  const disconnectDismissed = useConnectStore((state) => state.disconnectDismissed)
  const disconnectConfirmed = useConnectStore((state) => state.disconnectConfirmed)
  const buttonRef = useConnectFocus<HTMLButtonElement>('disconnect')
  const questionRef = useConnectFocus<HTMLDivElement>('disconnect-question')

  if (!confirming) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary"
        disabled={activity !== 'idle'}
        onClick={disconnectRequested}
      >
        {t('connect.disconnect.button')}
      </button>
    )
  }
  return (
    <div
      ref={questionRef}
      tabIndex={-1}
      className="confirm"
      role="group"
      aria-labelledby="disconnect-question"
      aria-describedby="disconnect-explain"
    >
      <p id="disconnect-question" className="confirm__question">
        {t('connect.disconnect.question')}
      </p>
      <p id="disconnect-explain">{t('connect.disconnect.explain')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          disabled={activity !== 'idle'}
          onClick={() => void disconnectConfirmed()}
        >
          {activity === 'disconnecting'
            ? t('connect.disconnect.working')
            : t('connect.disconnect.confirm')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={activity !== 'idle'}
          onClick={disconnectDismissed}
        >
          {t('connect.disconnect.keep')}
        </button>
      </div>
    </div>
  )
}

/**
 * Who is connected, to which app and business, practice or real, and until when — in words, never
 * the token itself (main sends status only). `children` adds the page's own next step.
 */
export function ConnectionSummaryCard(props: {
  readonly connection: ConnectionSummary
  readonly children?: ReactNode
}): ReactNode {
  const t = useT()
  const practiceName = usePracticeName()
  const { connection } = props
  const expiry = expiryWords(connection.expiresAt, new Date())
  return (
    <section className="card summary" aria-labelledby="connection-summary-heading">
      <h2 id="connection-summary-heading">{t('connect.summary.heading')}</h2>
      <dl className="summary__list">
        <div>
          <dt>{t('connect.summary.who')}</dt>
          <dd>{connection.userName}</dd>
        </div>
        <div>
          <dt>{t('connect.summary.where')}</dt>
          <dd>
            {connection.mode === 'practice'
              ? t('connect.summary.practice', { practiceName })
              : t('connect.summary.real')}
          </dd>
        </div>
        <div>
          <dt>{t('connect.summary.app')}</dt>
          <dd>
            {connection.appName
              ? t('connect.summary.appNamed', { name: connection.appName, id: connection.appId })
              : t('connect.summary.appId', { id: connection.appId })}
          </dd>
        </div>
        <div>
          <dt>{t('connect.summary.business')}</dt>
          <dd>{connection.businessName ?? t('connect.summary.noBusiness')}</dd>
        </div>
        <div className="summary__wide">
          <dt>{t('connect.summary.token')}</dt>
          <dd>
            {t('connect.summary.kindAndExpiry', {
              kind: t(TOKEN_KIND_KEYS[connection.tokenKind]),
              expiry: t(expiry.key, expiry.params),
            })}
          </dd>
        </div>
      </dl>
      <div className="summary__actions">
        {props.children}
        <DisconnectControl />
      </div>
    </section>
  )
}
