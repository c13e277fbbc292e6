import { useEffect, type ReactNode } from 'react'
import { useFlowStore } from '../stores/flow-store'
import '../styles/flow.css'
import '../styles/flow-screens.css'
import { AppInstallScreen } from './app-install-screen'
import { AssetsScreen } from './assets-screen'
import { DoneScreen } from './done-screen'
import { metaStepOf, unfinishedSteps, type FlowState } from './flow-machine'
import { FlowStepper } from './flow-stepper'
import { GoalScreen } from './goal-screen'
import { NameRoleScreen } from './name-role-screen'
import { OverviewScreen } from './overview-screen'
import { ResumeOffer } from './resume-offer'
import { ReviewScreen } from './review-screen'
import { RunScreen } from './run-screen'
import { StoppedScreen } from './stopped-screen'
import { TokenOptionsScreen } from './token-options-screen'

/** The exhaustive screen router: a new state without a screen fails to compile. */
function CurrentScreen(props: { readonly state: FlowState }): ReactNode {
  const { state } = props
  switch (state.screen) {
    case 'overview':
      return <OverviewScreen />
    case 'resume-offer':
      return <ResumeOffer runIds={state.runIds} />
    case 'goal':
      return <GoalScreen />
    case 'name-role':
      return <NameRoleScreen />
    case 'assets':
      return <AssetsScreen />
    case 'app-install':
      return <AppInstallScreen />
    case 'token-options':
      return <TokenOptionsScreen />
    case 'review':
      return <ReviewScreen />
    case 'running':
      return <RunScreen cancelling={state.cancelling} />
    case 'interrupted':
      return <StoppedScreen reason={state.reason} error={state.error} />
    case 'done':
      return <DoneScreen />
  }
}

/**
 * The guided flow, steps 2–8 of Meta's "Add system users". Mounted once Connect's preflight says
 * a system user may be added. On open it loads the overview and offers any unfinished run; main's
 * progress events reach the flow store without it (stores/main-events.ts).
 */
export function FlowScreens(): ReactNode {
  const machine = useFlowStore((state) => state.machine)
  const flowOpened = useFlowStore((state) => state.flowOpened)
  const run = useFlowStore((state) => state.run)
  useEffect(() => flowOpened(), [flowOpened])
  const inRun = machine.screen === 'running' || machine.screen === 'interrupted'
  return (
    <article className="home flow" aria-labelledby={`flow-screen-${machine.screen}`}>
      <FlowStepper
        current={metaStepOf(machine)}
        unfinished={
          inRun && run?.runId === machine.runId ? unfinishedSteps(run.actions) : undefined
        }
      />
      <CurrentScreen state={machine} />
    </article>
  )
}
