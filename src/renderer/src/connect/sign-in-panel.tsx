import type { ReactNode } from 'react'
import { InfoIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import { useConnectStore } from '../stores/connect-store'
import { ConnectActionError } from './connect-error'
import { TokenPaste } from './token-paste'
import { useConnectFocus } from './use-connect-focus'

/** While main waits for the admin in the login window: what is happening and a way out. */
function Waiting(): ReactNode {
  const t = useT()
  const activity = useConnectStore((state) => state.activity)
  const signInCancelRequested = useConnectStore((state) => state.signInCancelRequested)
  const cancelRef = useConnectFocus<HTMLButtonElement>('cancel-sign-in')
  const cancelling = activity === 'cancelling'
  return (
    <div className="waiting">
      <span className="waiting__spinner" aria-hidden="true" />
      <div className="waiting__text">
        {/* The polite announcement of this wait comes from the setup home's live region. */}
        <p className="waiting__title">
          {t(cancelling ? 'connect.signIn.cancelling' : 'connect.signIn.waiting')}
        </p>
        <p className="waiting__hint">{t('connect.signIn.waitingHint')}</p>
        <button
          ref={cancelRef}
          type="button"
          className="button button--secondary"
          disabled={cancelling}
          onClick={() => void signInCancelRequested()}
        >
          {t('connect.signIn.cancel')}
        </button>
      </div>
    </div>
  )
}

/**
 * Sign in with Facebook (main opens a separate, sandboxed login window) or, as the fallback, paste
 * a token. Errors of either path appear here, above the buttons that caused them.
 */
export function SignInPanel(): ReactNode {
  const t = useT()
  const mode = useConnectStore((state) => state.mode)
  const activity = useConnectStore((state) => state.activity)
  const notice = useConnectStore((state) => state.notice)
  const signInRequested = useConnectStore((state) => state.signInRequested)
  const signInRef = useConnectFocus<HTMLButtonElement>('sign-in')
  const practice = mode === 'practice'
  const waiting = activity === 'signing-in' || activity === 'cancelling'

  return (
    <section className="card flow-card" aria-labelledby="connect-sign-in-heading">
      <h2 id="connect-sign-in-heading">{t('connect.signIn.heading')}</h2>
      <p>{t(practice ? 'connect.signIn.leadPractice' : 'connect.signIn.lead')}</p>
      <ConnectActionError />
      {waiting ? (
        <Waiting />
      ) : (
        <div className="sign-in">
          <button
            ref={signInRef}
            type="button"
            className="button button--primary"
            disabled={activity !== 'idle'}
            aria-describedby="connect-sign-in-window"
            onClick={() => void signInRequested()}
          >
            {t('connect.signIn.button')}
          </button>
          <p id="connect-sign-in-window" className="sign-in__explain">
            <InfoIcon />
            <span>{t(practice ? 'connect.signIn.windowPractice' : 'connect.signIn.window')}</span>
          </p>
        </div>
      )}
      {notice ? <p className="calm-note">{t(notice)}</p> : null}
      <TokenPaste disabled={activity !== 'idle'} />
    </section>
  )
}
