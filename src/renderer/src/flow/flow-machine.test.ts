import { describe, expect, it } from 'vitest'
import { GOAL_IDS } from '@shared/catalog'
import type { AppError } from '@shared/result'
import {
  FLOW_SCREENS,
  INITIAL_FLOW_STATE,
  isFormScreen,
  metaStepOf,
  nextFlowState,
  type FlowEvent,
  type FlowState,
} from './flow-machine'

const failure: AppError = { code: 'graph-unavailable', messageKey: 'errors.graphUnavailable' }
const cancelledError: AppError = { code: 'cancelled', messageKey: 'errors.cancelled' }

/** One representative of every state (a test below checks all screens are covered). */
const STATES: readonly FlowState[] = [
  { screen: 'resume-offer', runIds: ['run-1', 'run-2'] },
  { screen: 'overview' },
  { screen: 'goal' },
  { screen: 'name-role', goalId: 'read-ad-reports' },
  { screen: 'assets', goalId: 'read-ad-reports' },
  { screen: 'app-install', goalId: 'read-ad-reports' },
  { screen: 'token-options', goalId: 'read-ad-reports' },
  { screen: 'review', goalId: 'read-ad-reports' },
  { screen: 'running', runId: 'run-1', cancelling: false },
  { screen: 'interrupted', runId: 'run-1', reason: 'failed', error: failure },
  { screen: 'done', runId: 'run-1' },
]

/** One of every event type. */
const EVENTS: readonly FlowEvent[] = [
  { type: 'opened', unfinishedRunIds: [] },
  { type: 'opened', unfinishedRunIds: ['run-9'] },
  { type: 'add-requested' },
  { type: 'goal-chosen', goalId: 'run-ads' },
  { type: 'continued' },
  { type: 'back' },
  { type: 'run-started', runId: 'run-7' },
  { type: 'cancel-requested' },
  { type: 'run-cancelled' },
  { type: 'run-failed', error: failure },
  { type: 'run-finished' },
  { type: 'resume-chosen', runId: 'run-1' },
  { type: 'resume-declined' },
  { type: 'run-discarded' },
  { type: 'left' },
]

const key = (state: FlowState, event: FlowEvent): string =>
  `${state.screen} + ${event.type}${'unfinishedRunIds' in event ? `(${event.unfinishedRunIds.length})` : ''}`

/**
 * The whole transition table, written out: every (state, event) pair that changes the state.
 * Every pair NOT listed must leave the state exactly as it was.
 */
const EXPECTED: Readonly<Record<string, FlowState>> = {
  'resume-offer + resume-chosen': { screen: 'running', runId: 'run-1', cancelling: false },
  'resume-offer + resume-declined': { screen: 'overview' },
  'overview + opened(1)': { screen: 'resume-offer', runIds: ['run-9'] },
  'overview + add-requested': { screen: 'goal' },
  'goal + goal-chosen': { screen: 'name-role', goalId: 'run-ads' },
  'goal + back': { screen: 'overview' },
  'goal + left': { screen: 'overview' },
  'name-role + continued': { screen: 'assets', goalId: 'read-ad-reports' },
  'name-role + back': { screen: 'goal' },
  'name-role + left': { screen: 'overview' },
  'assets + continued': { screen: 'app-install', goalId: 'read-ad-reports' },
  'assets + back': { screen: 'name-role', goalId: 'read-ad-reports' },
  'assets + left': { screen: 'overview' },
  'app-install + continued': { screen: 'token-options', goalId: 'read-ad-reports' },
  'app-install + back': { screen: 'assets', goalId: 'read-ad-reports' },
  'app-install + left': { screen: 'overview' },
  'token-options + continued': { screen: 'review', goalId: 'read-ad-reports' },
  'token-options + back': { screen: 'app-install', goalId: 'read-ad-reports' },
  'token-options + left': { screen: 'overview' },
  'review + back': { screen: 'token-options', goalId: 'read-ad-reports' },
  'review + left': { screen: 'overview' },
  'review + run-started': { screen: 'running', runId: 'run-7', cancelling: false },
  'running + cancel-requested': { screen: 'running', runId: 'run-1', cancelling: true },
  'running + run-cancelled': {
    screen: 'interrupted',
    runId: 'run-1',
    reason: 'cancelled',
    error: null,
  },
  'running + run-failed': {
    screen: 'interrupted',
    runId: 'run-1',
    reason: 'failed',
    error: failure,
  },
  'running + run-finished': { screen: 'done', runId: 'run-1' },
  'interrupted + resume-chosen': { screen: 'running', runId: 'run-1', cancelling: false },
  'interrupted + run-discarded': { screen: 'overview' },
  'interrupted + left': { screen: 'overview' },
  'done + add-requested': { screen: 'goal' },
  'done + left': { screen: 'overview' },
}

describe('flow machine', () => {
  it('has a representative for every screen', () => {
    expect(STATES.map((state) => state.screen)).toEqual(FLOW_SCREENS)
  })

  it('starts on the overview (step 2)', () => {
    expect(INITIAL_FLOW_STATE).toEqual({ screen: 'overview' })
    expect(metaStepOf(INITIAL_FLOW_STATE)).toBe(2)
  })

  it('follows the transition table for every state × event, and ignores everything else', () => {
    const used = new Set<string>()
    for (const state of STATES) {
      for (const event of EVENTS) {
        const name = key(state, event)
        const expected = EXPECTED[name]
        if (expected) used.add(name)
        expect(nextFlowState(state, event), name).toEqual(expected ?? state)
      }
    }
    // Every row of the table was reached: no row is dead, so none can hide a typo.
    expect([...used].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  it('never leaves a running run through "left" or "back" (the admin must cancel first)', () => {
    const running: FlowState = { screen: 'running', runId: 'run-1', cancelling: false }
    expect(nextFlowState(running, { type: 'left' })).toBe(running)
    expect(nextFlowState(running, { type: 'back' })).toBe(running)
  })

  it('starts a run only from the review', () => {
    for (const state of STATES.filter((s) => s.screen !== 'review' && s.screen !== 'running')) {
      expect(nextFlowState(state, { type: 'run-started', runId: 'x' }).screen).not.toBe('running')
    }
  })

  it('treats an error with code "cancelled" as the admin cancelling, not a failure', () => {
    const running: FlowState = { screen: 'running', runId: 'run-1', cancelling: true }
    expect(nextFlowState(running, { type: 'run-failed', error: cancelledError })).toEqual({
      screen: 'interrupted',
      runId: 'run-1',
      reason: 'cancelled',
      error: cancelledError,
    })
  })

  it('resumes only a run it offered', () => {
    const offer: FlowState = { screen: 'resume-offer', runIds: ['run-1'] }
    expect(nextFlowState(offer, { type: 'resume-chosen', runId: 'other' })).toBe(offer)
    const stopped: FlowState = {
      screen: 'interrupted',
      runId: 'run-1',
      reason: 'failed',
      error: null,
    }
    expect(nextFlowState(stopped, { type: 'resume-chosen', runId: 'other' })).toBe(stopped)
  })

  it('carries each goal from the goal screen through every form screen', () => {
    for (const goalId of GOAL_IDS) {
      let state = nextFlowState({ screen: 'goal' }, { type: 'goal-chosen', goalId })
      const seen: string[] = [state.screen]
      for (let i = 0; i < 4; i += 1) {
        state = nextFlowState(state, { type: 'continued' })
        seen.push(state.screen)
      }
      expect(seen).toEqual(['name-role', 'assets', 'app-install', 'token-options', 'review'])
      expect(state).toEqual({ screen: 'review', goalId })
      // One more "continued" on the review does nothing: only starting a run leaves it.
      expect(nextFlowState(state, { type: 'continued' })).toBe(state)
    }
  })

  it('maps every state to one of Meta’s steps 2–8, never going backwards along the happy path', () => {
    const happy = STATES.filter((s) => s.screen !== 'resume-offer' && s.screen !== 'interrupted')
    const numbers = happy.map(metaStepOf)
    expect(numbers).toEqual([2, 3, 4, 5, 6, 7, 7, 8, 8])
    for (const state of STATES) {
      expect(metaStepOf(state)).toBeGreaterThanOrEqual(2)
      expect(metaStepOf(state)).toBeLessThanOrEqual(8)
    }
  })

  it('marks exactly the five form screens as editable', () => {
    expect(STATES.filter(isFormScreen).map((s) => s.screen)).toEqual([
      'name-role',
      'assets',
      'app-install',
      'token-options',
      'review',
    ])
  })
})
