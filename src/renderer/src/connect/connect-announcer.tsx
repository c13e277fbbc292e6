import type { ReactNode } from 'react'
import { LiveMessage } from '../components/live-message'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useConnectStore, type ConnectState } from '../stores/connect-store'
import { preflightVerdict } from './preflight-report'

/** What the polite live region should say for this state, when it is not the preflight verdict. */
export function announcementKey(state: ConnectState): MessageKey | null {
  switch (state.activity) {
    case 'signing-in':
      return 'connect.signIn.waiting'
    case 'cancelling':
      return 'connect.signIn.cancelling'
    case 'pasting':
      return 'connect.paste.checking'
    case 'choosing':
      return 'connect.businesses.choosing'
    case 'disconnecting':
      return 'connect.disconnect.working'
    case 'idle':
      break
  }
  if (state.screen === 'businesses' && state.businesses.phase === 'loading') {
    return 'connect.businesses.loading'
  }
  if (
    state.screen === 'preflight' &&
    (state.preflight.phase === 'loading' || state.preflightChecking)
  ) {
    return 'connect.preflight.loading'
  }
  return state.notice
}

/**
 * The Connect step's polite live region (role="status"). It stays mounted across screens, so a
 * screen reader hears each wait begin and end ("Waiting for you to finish in the Facebook
 * window…", "Checking your business…", the verdict) without losing its place.
 */
export function ConnectAnnouncer(): ReactNode {
  const t = useT()
  const key = useConnectStore(announcementKey)
  const report = useConnectStore((state) =>
    state.screen === 'preflight' && state.preflight.phase === 'loaded'
      ? state.preflight.value
      : null,
  )
  const message = key ? t(key) : report ? preflightVerdict(report, t) : ''
  return <LiveMessage message={message} visible={false} />
}
