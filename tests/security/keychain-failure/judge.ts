import { note, problem, type Figure, type Finding } from '../gate'
import { FAILURE_MODES } from './faults'
import { judgeAnswer, type AnswerVerdict } from './messages'
import type { DrillObservations, JourneyObservation } from './observations'

/**
 * The verdict on a drill: figures for reports/security.json and one finding per thing the issue
 * forbids — an unclear answer, a secret outside the keychain, an entry lost, a run DONE without
 * its token, a request to Meta after the keychain failed. Pure, so tests can feed it anything.
 */

export const TIME_BUDGET_MS = 30_000

export interface Judged {
  readonly figures: Record<string, Figure>
  readonly findings: Finding[]
}

const ofTotal = (part: number, total: number): string => `${part} of ${total}`
const journeyLabel = (journey: JourneyObservation): string =>
  `guided journey k=${journey.k}${journey.keepFailing ? ' keep-failing' : ''}`
const entries = (count: number): string =>
  count === 1 ? '1 keychain entry' : `${count} keychain entries`
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

export function judgeDrill(observations: DrillObservations): Judged {
  const findings: Finding[] = []
  const { attempts, journeys } = observations
  const reached = attempts.filter((attempt) => attempt.reached)

  for (const attempt of attempts.filter((a) => !a.reached)) {
    findings.push(
      problem(
        'failure-not-exercised',
        `${attempt.action}, ${attempt.fault}: the action never met the failing keychain`,
      ),
    )
  }

  const verdicts: { where: string; verdict: AnswerVerdict }[] = [
    ...reached.map((attempt) => ({
      where: `${attempt.action}, ${attempt.fault}`,
      verdict: judgeAnswer(attempt.answer, { canaryHits: attempt.canaryHitsInAnswer }),
    })),
    ...journeys.map((journey) => ({
      where: `${journeyLabel(journey)} (${journey.failedStep ?? 'no step reported it'})`,
      verdict: judgeAnswer(journey.answer, { canaryHits: journey.canaryHitsInAnswer }),
    })),
  ]
  for (const { where, verdict } of verdicts) {
    for (const found of verdict.problems) {
      findings.push(problem(found.code, `${where}: ${found.reason}`))
    }
  }

  for (const attempt of reached) {
    const where = `${attempt.action}, ${attempt.fault}`
    if (attempt.lost.length > 0) {
      const what =
        `${where}: ${entries(attempt.lost.length)} stored before the failure changed or gone ` +
        `(${attempt.lost.join(', ')})`
      // While the keychain keeps failing, an undo cannot write the old value back either: the
      // issue's k-th-write failure is a single one, so this is reported, not failed.
      findings.push(
        attempt.keepFailing
          ? note('entry-lost-keychain-still-failing', what)
          : problem('entry-lost', what),
      )
    }
    if (attempt.unlisted.length > 0) {
      findings.push(
        problem(
          'record-unlisted',
          `${where}: the vault no longer lists ${attempt.unlisted.join(', ')}`,
        ),
      )
    }
    if (attempt.connectionLost) {
      findings.push(problem('connection-lost', `${where}: the stored connection is gone`))
    }
    if (attempt.postsAfterFailure > 0) {
      findings.push(
        problem(
          'create-after-store-failure',
          `${where}: ${attempt.postsAfterFailure} POST request(s) sent after the keychain failed`,
        ),
      )
    }
  }

  for (const journey of journeys) {
    const where = journeyLabel(journey)
    if (journey.doneWithoutToken > 0) {
      findings.push(
        problem(
          'done-without-token',
          `${where}: ${journey.doneWithoutToken} DONE run(s) without a stored token`,
        ),
      )
    }
    if (journey.postsAfterFailure > 0) {
      findings.push(
        problem(
          'create-after-store-failure',
          `${where}: ${journey.postsAfterFailure} POST request(s) sent after the keychain failed ` +
            `(${journey.failedStep ?? 'no step reported it'})`,
        ),
      )
    }
    if (!journey.recovered) {
      findings.push(
        problem(
          'not-recovered',
          `${where}: after the keychain was repaired the run did not end DONE`,
        ),
      )
    }
  }
  for (const runId of observations.matrixDoneWithoutToken) {
    findings.push(problem('done-without-token', `run ${runId} is DONE but its token is not stored`))
  }

  for (const hit of observations.canaryHits) {
    findings.push(
      problem(
        'canary-outside-keychain',
        `${hit.secret} found (${hit.encoding}) in ${hit.where} after ${hit.during}`,
      ),
    )
  }

  const actions = [...new Set(attempts.map((attempt) => attempt.action))]
  const modesCovered = FAILURE_MODES.filter((mode) =>
    actions.every((action) => reached.some((a) => a.action === action && a.mode === mode)),
  )
  for (const mode of FAILURE_MODES.filter((m) => !modesCovered.includes(m))) {
    findings.push(problem('mode-not-covered', `${mode} was not exercised on every action`))
  }
  if (actions.length === 0) findings.push(problem('no-actions', 'the drill ran no action'))
  for (const reason of observations.drillProblems) findings.push(problem('drill-problem', reason))
  if (observations.durationMs > TIME_BUDGET_MS) {
    findings.push(
      note('slow', `the drill took ${observations.durationMs} ms (budget ${TIME_BUDGET_MS} ms)`),
    )
  }

  const clear = verdicts.filter(({ verdict }) => verdict.clear).length
  const nextStep = verdicts.filter(({ verdict }) => verdict.nextStep).length
  const figures: Record<string, Figure> = {
    modes: ofTotal(modesCovered.length, FAILURE_MODES.length),
    actions: actions.length,
    attempts: attempts.length,
    journeys: journeys.length,
    journeyWrites: observations.journeyWrites,
    clearMessages: ofTotal(clear, verdicts.length),
    withNextStep: ofTotal(nextStep, verdicts.length),
    canaryHitsOutsideKeychain: observations.canaryHits.length,
    filesScanned: observations.filesScanned,
    entriesLostAfterFailure: sum(reached.filter((a) => !a.keepFailing).map((a) => a.lost.length)),
    entriesLostWhileKeychainStillFailing: sum(
      reached.filter((a) => a.keepFailing).map((a) => a.lost.length),
    ),
    recordsUnlistedAfterFailure: sum(reached.map((a) => a.unlisted.length)),
    doneWithoutToken:
      sum(journeys.map((j) => j.doneWithoutToken)) + observations.matrixDoneWithoutToken.length,
    createsAfterStoreFailure:
      sum(reached.map((a) => a.postsAfterFailure)) + sum(journeys.map((j) => j.postsAfterFailure)),
    journeysRecovered: ofTotal(journeys.filter((j) => j.recovered).length, journeys.length),
    durationMs: observations.durationMs,
  }
  for (const [action, writes] of Object.entries(observations.writesPerAction)) {
    figures[`writes ${action}`] = writes
  }
  return { figures, findings }
}
