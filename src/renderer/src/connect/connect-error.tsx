import type { ReactNode } from 'react'
import type { AppError } from '@shared/result'
import { ErrorNotice } from '../components/error-notice'
import { useConnectStore } from '../stores/connect-store'
import { useConnectFocus } from './use-connect-focus'

/**
 * An AppError on a Connect screen: translated message, hint and Meta's trace id in a role="alert"
 * region that takes focus, so the admin hears and sees what went wrong where they are.
 */
export function ConnectErrorNotice(props: {
  readonly error: AppError
  readonly onRetry?: () => void
}): ReactNode {
  const ref = useConnectFocus<HTMLDivElement>('error')
  return <ErrorNotice error={props.error} onRetry={props.onRetry} ref={ref} />
}

/** The failure of the last action (sign-in, choosing, disconnecting, opening a link), if any. */
export function ConnectActionError(): ReactNode {
  const error = useConnectStore((state) => state.error)
  return error ? <ConnectErrorNotice error={error} /> : null
}
