/**
 * The simulator's public entry for code outside src/main (docs/architecture.md › Import boundaries)
 *: starting it, alone or as practice mode's runtime, its faults and what it recorded.
 */
export { stripVersion, type Fault, type FaultMatch, type FaultRule } from './faults'
export {
  createPracticeRuntime,
  type PracticeRuntime,
  type PracticeSession,
} from './practice-runtime'
export { computeProof } from './proof'
export { startSimulator, type RecordedRequest, type RunningSimulator } from './simulator'
export type { SeedFixtures, SystemUserRecord } from './types'
