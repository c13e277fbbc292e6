import { useEffect, type ReactNode } from 'react'
import { useFlowStore } from '../stores/flow-store'
import '../styles/flow.css'
import '../styles/flow-steps.css'
import { AppInstallStep } from './app-install-step'
import { AssetsStep } from './assets-step'
import { DoneStep } from './done-step'
import { metaStepOf, type FlowState } from './flow-machine'
import { FlowStepper } from './flow-stepper'
import { GoalStep } from './goal-step'
import { NameRoleStep } from './name-role-step'
import { OverviewStep } from './overview-step'
import { ResumeOffer } from './resume-offer'
import { ReviewStep } from './review-step'
import { RunStep } from './run-step'
import { StoppedStep } from './stopped-step'
import { TokenOptionsStep } from './token-options-step'

/** The exhaustive step router: a new state without a screen fails to compile. */
function CurrentStep(props: { readonly state: FlowState }): ReactNode {
  const { state } = props
  switch (state.step) {
    case 'overview':
      return <OverviewStep />
    case 'resume-offer':
      return <ResumeOffer runIds={state.runIds} />
    case 'goal':
      return <GoalStep />
    case 'name-role':
      return <NameRoleStep />
    case 'assets':
      return <AssetsStep />
    case 'app-install':
      return <AppInstallStep />
    case 'token-options':
      return <TokenOptionsStep />
    case 'review':
      return <ReviewStep />
    case 'running':
      return <RunStep cancelling={state.cancelling} />
    case 'interrupted':
      return <StoppedStep reason={state.reason} error={state.error} />
    case 'done':
      return <DoneStep />
  }
}

/**
 * The guided flow, steps 2–8 of Meta's "Add system users". Mounted once Connect's preflight says
 * a system user may be added. On open it loads the overview and offers any unfinished run; main's
 * progress events reach the flow store without it (stores/main-events.ts).
 */
export function FlowSteps(): ReactNode {
  const machine = useFlowStore((state) => state.machine)
  const flowOpened = useFlowStore((state) => state.flowOpened)
  useEffect(() => flowOpened(), [flowOpened])
  return (
    <article className="home flow" aria-labelledby={`flow-step-${machine.step}`}>
      <FlowStepper current={metaStepOf(machine)} />
      <CurrentStep state={machine} />
    </article>
  )
}
