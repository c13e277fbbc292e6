import { runJourneys } from './journeys'
import { runMatrix } from './matrix'
import type { DrillObservations } from './observations'
import { createScanner } from './scan'
import type { StoreWrap } from './world'

/**
 * The keychain-failure drill (SEC-11, REL-05), in process, through main's real services: every
 * secret-writing action against every failure mode, then the guided journey with the k-th write
 * failing. The gate loads this module through Vite (it needs the `@shared` alias) and judges
 * what it returns with judge.ts.
 */
export interface DrillOptions {
  /** A fake between the services and the keychain, to prove the judge catches it (tests only). */
  readonly wrap?: StoreWrap
  /** Runs only the actions whose id matches (tests keep their runs short). */
  readonly actions?: (id: string) => boolean
  /** Leave out the guided journeys (tests of the matrix alone). */
  readonly journeys?: boolean
}

export async function runKeychainDrill(options: DrillOptions = {}): Promise<DrillObservations> {
  const started = performance.now()
  const scanner = createScanner()
  const only = options.actions
  const matrix = await runMatrix(scanner, options.wrap, only ? (a) => only(a.id) : undefined)
  const journeys =
    options.journeys === false
      ? { journeys: [], writes: 0, problems: [] }
      : await runJourneys(scanner, options.wrap)
  return {
    attempts: matrix.attempts,
    journeys: journeys.journeys,
    canaryHits: scanner.hits,
    filesScanned: scanner.filesScanned,
    writesPerAction: matrix.writesPerAction,
    journeyWrites: journeys.writes,
    matrixDoneWithoutToken: matrix.doneWithoutToken,
    matrixRunsDone: matrix.runsDone,
    drillProblems: [...matrix.problems, ...journeys.problems],
    durationMs: Math.round(performance.now() - started),
  }
}
