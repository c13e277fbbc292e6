import type { FailureMode } from './faults'
import type { KeptAnswer } from './observe'
import type { CanaryHitObservation } from './scan'

/**
 * What the drill saw, with no judgement: the judge (judge.ts) turns it into figures and findings.
 * Kept free of runtime imports, so the gate can read it without loading main's code.
 */

/** One secret-writing action run once against one keychain failure. */
export interface AttemptObservation {
  readonly action: string
  readonly mode: FailureMode
  /** e.g. 'locked at-write', 'fail-write k=2 keep-failing'. */
  readonly fault: string
  /** Every write after the failing one fails too, so no undo can write anything back. */
  readonly keepFailing: boolean
  /** The keychain failed (or refused) during the attempt; false = the action never met it. */
  readonly reached: boolean
  readonly answer: KeptAnswer
  readonly canaryHitsInAnswer: number
  /** Entries stored before the failure that are gone or changed after it ("kind/id"). */
  readonly lost: readonly string[]
  /** Vault records listed before the failure and not after. */
  readonly unlisted: readonly string[]
  readonly connectionLost: boolean
  /** Guided flow only: POST requests the simulator received after the keychain failed. */
  readonly postsAfterFailure: number
}

/** The guided journey (connect → business → setup run) with the k-th keychain write failing. */
export interface JourneyObservation {
  readonly k: number
  readonly keepFailing: boolean
  readonly reached: boolean
  /** The step whose answer reported the failure (none: no step did). */
  readonly failedStep?: string
  /** That step's answer; `{ ok: true }` when no step reported the failure. */
  readonly answer: KeptAnswer
  readonly canaryHitsInAnswer: number
  readonly postsAfterFailure: number
  /** After the keychain was healed, the journey ended with its run DONE. */
  readonly recovered: boolean
  readonly runsDone: number
  /** Runs the journal calls DONE whose token the vault cannot find. */
  readonly doneWithoutToken: number
}

export interface DrillObservations {
  readonly attempts: readonly AttemptObservation[]
  readonly journeys: readonly JourneyObservation[]
  readonly canaryHits: readonly CanaryHitObservation[]
  readonly filesScanned: number
  /** Keychain writes each action makes when nothing fails (the k-sweep's length). */
  readonly writesPerAction: Readonly<Record<string, number>>
  /** Keychain writes of the whole guided journey. */
  readonly journeyWrites: number
  /** DONE runs in the matrix world whose token is missing (run ids are not secrets). */
  readonly matrixDoneWithoutToken: readonly string[]
  readonly matrixRunsDone: number
  /** Anything that kept the drill from doing what it meant to (a healthy step failing). */
  readonly drillProblems: readonly string[]
  readonly durationMs: number
}
