import type { ReactNode } from 'react'
import { HomeHeading } from '../components/home-heading'
import { KeychainWarning } from '../components/keychain-warning'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useConnectStore } from '../stores/connect-store'
import { StepProgress } from '../components/step-progress'
import { BusinessPicker } from './business-picker'
import type { ConnectScreen as Screen } from './connect-flow'
import { ConnectScreen } from './connect-screen'
import { ConnectionSummaryCard } from './connection-summary'
import { PreflightScreen } from './preflight-report'
import { useConnection } from './use-connection'

/** The screens of step 1 itself; the overview and the guided flow are drawn by setup-home. */
export type ConnectStepScreen = Exclude<Screen, 'overview' | 'next'>

interface StepFrame {
  readonly number: number
  readonly nameKey: MessageKey
  readonly titleKey: MessageKey
}

// Connect is step 1 of Meta's eight; "Add a system user" leads on to the guided flow (FlowScreens).
const CONNECT_FRAME: StepFrame = {
  number: 1,
  nameKey: 'connect.progress.connect',
  titleKey: 'flowHome.step1.title',
}

function CurrentScreen(props: { readonly screen: ConnectStepScreen }): ReactNode {
  switch (props.screen) {
    case 'connect':
      return <ConnectScreen />
    case 'businesses':
      return <BusinessPicker />
    case 'preflight':
      return <PreflightScreen />
  }
}

/** The Connect step on screen: progress, the step's title, the connection and the current screen. */
export function ConnectView(props: { readonly screen: ConnectStepScreen }): ReactNode {
  const t = useT()
  const busy = useConnectStore((state) => state.activity !== 'idle')
  const leaveRequested = useConnectStore((state) => state.leaveRequested)
  const connection = useConnection()
  const frame = CONNECT_FRAME
  return (
    <article className="home" aria-labelledby="flow-home-title">
      <div className="home__intro">
        <StepProgress number={frame.number} nameKey={frame.nameKey} />
        <HomeHeading id="flow-home-title">{t(frame.titleKey)}</HomeHeading>
      </div>
      <KeychainWarning />
      {connection && props.screen !== 'connect' ? (
        <ConnectionSummaryCard connection={connection} />
      ) : null}
      <CurrentScreen screen={props.screen} />
      <div className="flow-footer">
        <button
          type="button"
          className="button button--link"
          disabled={busy}
          onClick={leaveRequested}
        >
          {t('connect.leave')}
        </button>
      </div>
    </article>
  )
}
