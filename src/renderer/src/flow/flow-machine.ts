import type { GoalId } from '@shared/catalog'
import type { AppError } from '@shared/result'
import type { RunAction } from '@shared/ipc/schemas/flow'

/**
 * The guided flow (steps 2–8 of Meta's "Add system users") as a discriminated-union state machine
 * with pure transitions (CONTRIBUTING.md › Style). The form the admin fills in lives in the flow
 * store's draft; the machine only knows WHERE the admin is and which run is on the server. Nothing
 * here ever holds a token: a run is named by its id, and its token by a vault record id.
 *
 * Each state is one screen; a screen belongs to one of Meta's steps (one step may have two):
 *
 * - overview:       Users › System users (step 2)
 * - goal:           Add new system user — what it is for (step 3)
 * - name-role:      Name it, Create system user (step 4)
 * - assets:         Assign assets (step 5)
 * - app-install:    the step people miss, before Generate new token (step 6)
 * - token-options:  Generate new token › Select app and permissions (steps 6–7)
 * - review:         the plain summary of what will happen, BEFORE it happens
 * - running:        main works through the run's journaled actions; progress arrives as events
 * - interrupted:    a run stopped (cancelled or failed) and can be resumed from where it stopped
 * - done:           Copy and save your token (step 8)
 * - resume-offer:   on open, unfinished runs are offered before anything else
 */
export type FlowState =
  | { readonly screen: 'overview' }
  | { readonly screen: 'goal' }
  | { readonly screen: 'name-role'; readonly goalId: GoalId }
  | { readonly screen: 'assets'; readonly goalId: GoalId }
  | { readonly screen: 'app-install'; readonly goalId: GoalId }
  | { readonly screen: 'token-options'; readonly goalId: GoalId }
  | { readonly screen: 'review'; readonly goalId: GoalId }
  | { readonly screen: 'running'; readonly runId: string; readonly cancelling: boolean }
  | {
      readonly screen: 'interrupted'
      readonly runId: string
      readonly reason: 'cancelled' | 'failed'
      /** The plain-language error main returned (i18n keys only). */
      readonly error: AppError | null
    }
  | { readonly screen: 'done'; readonly runId: string }
  | { readonly screen: 'resume-offer'; readonly runIds: readonly string[] }

export type FlowScreen = FlowState['screen']

/** Every screen, in the order the admin meets them (tests walk this list). */
export const FLOW_SCREENS: readonly FlowScreen[] = [
  'resume-offer',
  'overview',
  'goal',
  'name-role',
  'assets',
  'app-install',
  'token-options',
  'review',
  'running',
  'interrupted',
  'done',
]

/** What happened, as the flow sees it. An event that makes no sense in a state is ignored. */
export type FlowEvent =
  /** The flow came on screen; main listed the runs it did not finish. */
  | { readonly type: 'opened'; readonly unfinishedRunIds: readonly string[] }
  | { readonly type: 'add-requested' }
  | { readonly type: 'goal-chosen'; readonly goalId: GoalId }
  /** The current form screen was checked by the store and is complete. */
  | { readonly type: 'continued' }
  | { readonly type: 'back' }
  | { readonly type: 'run-started'; readonly runId: string }
  | { readonly type: 'cancel-requested' }
  | { readonly type: 'run-cancelled' }
  | { readonly type: 'run-failed'; readonly error: AppError }
  | { readonly type: 'run-finished' }
  | { readonly type: 'resume-chosen'; readonly runId: string }
  | { readonly type: 'resume-declined' }
  /** The interrupted run was discarded (main forgot its journal): back to the overview. */
  | { readonly type: 'run-discarded' }
  /** Leave the form for the overview; never while a run is working. */
  | { readonly type: 'left' }

export const INITIAL_FLOW_STATE: FlowState = { screen: 'overview' }

/** The form screens in order; `continued` and `back` move along this list. */
const FORM_ORDER = ['name-role', 'assets', 'app-install', 'token-options', 'review'] as const
type FormScreen = (typeof FORM_ORDER)[number]

const formState = (screen: FormScreen, goalId: GoalId): FlowState => ({ screen, goalId })

/** The state after `event` in `state`. Pure: the flow store owns every side effect. */
export function nextFlowState(state: FlowState, event: FlowEvent): FlowState {
  switch (state.screen) {
    case 'overview':
      if (event.type === 'opened' && event.unfinishedRunIds.length > 0) {
        return { screen: 'resume-offer', runIds: event.unfinishedRunIds }
      }
      return event.type === 'add-requested' ? { screen: 'goal' } : state
    case 'resume-offer':
      if (event.type === 'resume-chosen' && state.runIds.includes(event.runId)) {
        return { screen: 'running', runId: event.runId, cancelling: false }
      }
      return event.type === 'resume-declined' ? { screen: 'overview' } : state
    case 'goal':
      if (event.type === 'goal-chosen') return formState('name-role', event.goalId)
      return event.type === 'back' || event.type === 'left' ? { screen: 'overview' } : state
    case 'name-role':
    case 'assets':
    case 'app-install':
    case 'token-options':
    case 'review':
      return formTransition(state.screen, state.goalId, state, event)
    case 'running':
      if (event.type === 'cancel-requested') return { ...state, cancelling: true }
      if (event.type === 'run-finished') return { screen: 'done', runId: state.runId }
      if (event.type === 'run-cancelled') {
        return { screen: 'interrupted', runId: state.runId, reason: 'cancelled', error: null }
      }
      if (event.type === 'run-failed') {
        // A cancel that lands as an error is still the admin's choice, not a failure.
        const reason = event.error.code === 'cancelled' ? 'cancelled' : 'failed'
        return { screen: 'interrupted', runId: state.runId, reason, error: event.error }
      }
      return state
    case 'interrupted':
      if (event.type === 'resume-chosen' && event.runId === state.runId) {
        return { screen: 'running', runId: state.runId, cancelling: false }
      }
      return event.type === 'run-discarded' || event.type === 'left'
        ? { screen: 'overview' }
        : state
    case 'done':
      if (event.type === 'add-requested') return { screen: 'goal' }
      return event.type === 'left' ? { screen: 'overview' } : state
    default:
      return assertNever(state)
  }
}

function formTransition(
  screen: FormScreen,
  goalId: GoalId,
  state: FlowState,
  event: FlowEvent,
): FlowState {
  const index = FORM_ORDER.indexOf(screen)
  switch (event.type) {
    case 'continued': {
      const next = FORM_ORDER[index + 1]
      return next ? formState(next, goalId) : state
    }
    case 'back': {
      const previous = FORM_ORDER[index - 1]
      return previous ? formState(previous, goalId) : { screen: 'goal' }
    }
    case 'run-started':
      // Only the review starts a run: the admin has read what will happen first.
      return screen === 'review'
        ? { screen: 'running', runId: event.runId, cancelling: false }
        : state
    case 'left':
      return { screen: 'overview' }
    default:
      return state
  }
}

/** Compile-time proof that every state is handled (a new state without a case fails tsc). */
function assertNever(value: never): never {
  throw new Error(`unhandled flow state ${JSON.stringify(value)}`)
}

/** The step of Meta's eight each run action belongs to (RUN_ACTION_KINDS' own comments). */
const ACTION_STEP: Readonly<Record<RunAction['kind'], number>> = {
  'find-or-create': 4,
  assign: 5,
  'verify-assignments': 5,
  'install-app': 6,
  'generate-token': 7,
  'save-token': 8,
}

/**
 * The steps a run has NOT finished although the admin is past them on screen: while a run goes
 * or after it stopped, "Give it access" is done only when its actions are, not because the
 * stepper is on step 8. Empty without a run.
 */
export function unfinishedSteps(actions: readonly RunAction[] | undefined): ReadonlySet<number> {
  const steps = new Set<number>()
  for (const action of actions ?? []) {
    if (action.state !== 'done') steps.add(ACTION_STEP[action.kind])
  }
  return steps
}

/**
 * Where the admin stands among the EIGHT steps of Meta's flow (Connect is step 1), for the
 * stepper. The app-install screen belongs to step 6 ("Generate new token": the app must be
 * installed first); token options and the review are step 7; running and done reach step 8.
 */
export function metaStepOf(state: FlowState): number {
  switch (state.screen) {
    case 'resume-offer':
    case 'overview':
      return 2
    case 'goal':
      return 3
    case 'name-role':
      return 4
    case 'assets':
      return 5
    case 'app-install':
      return 6
    case 'token-options':
    case 'review':
      return 7
    case 'running':
    case 'interrupted':
    case 'done':
      return 8
    default:
      return assertNever(state)
  }
}

/** True while the form screens can still be edited (the draft is not yet a run). */
export const isFormScreen = (state: FlowState): state is Extract<FlowState, { goalId: GoalId }> =>
  (FORM_ORDER as readonly string[]).includes(state.screen)
