import { note, problem, type Figure, type Finding } from '../gate'
import { isAnswered, type AttemptOutcome } from './attack-plan'
import type { LockObservations } from './drill'

/**
 * Judges the preview-lock drill: no process without this launch's secret got an answer, nor one
 * holding an earlier launch's; the same calls with the session cookie were all answered (without
 * that, a preview that answers nobody would pass); the refusals came in the forbidden-sender
 * shape, the log summed them up instead of flooding, and no secret reached it.
 */

/**
 * refusal-log.ts writes 10 lines a minute one by one and then one summary; a drill that happens to
 * span two of its windows writes 22. Hundreds of refusals must still stay below this.
 */
export const MAX_REFUSAL_LOG_LINES = 25

/** Enough examples to act on; the counts carry the rest. */
const MAX_EXAMPLES = 5

const ratio = (part: number, whole: number): string => `${part} of ${whole}`
const shown = (outcome: AttemptOutcome): string =>
  `${outcome.target} ${outcome.path.slice(0, 60)} (${outcome.variant}) → ${outcome.status || outcome.error}`

export function judgePreviewLock(observations: LockObservations): {
  figures: Record<string, Figure>
  findings: Finding[]
} {
  const findings: Finding[] = []
  const report = (code: string, outcomes: readonly AttemptOutcome[], what: string) => {
    for (const outcome of outcomes.slice(0, MAX_EXAMPLES)) {
      findings.push(problem(code, `${what}: ${shown(outcome)}`))
    }
  }
  const { withoutSecret, stale, control } = observations

  const answeredWithout = withoutSecret.filter(isAnswered)
  report('answered-without-secret', answeredWithout, 'answered a process without the secret')
  const answeredStale = stale.filter(isAnswered)
  report('answered-stale', answeredStale, "answered an earlier launch's secret or cookie")
  const controlRefused = control.filter((outcome) => !isAnswered(outcome))
  report('control-refused', controlRefused, 'refused the session cookie (positive control)')

  // The callback is not locked (it answers 400 to a stranger); everything else must be a 403.
  const refusals = [...withoutSecret, ...stale].filter((outcome) => outcome.target !== 'callback')
  const notForbidden = refusals.filter((o) => !isAnswered(o) && (o.status !== 403 || !o.forbidden))
  report('refusal-not-forbidden', notForbidden, 'refused in another shape than forbidden-sender')

  const attacked = new Set(
    withoutSecret.filter((o) => o.target === 'invoke').map((o) => o.path.split('/').pop()),
  )
  const missing = observations.channels.filter((channel) => !attacked.has(channel))
  if (missing.length > 0) {
    findings.push(problem('channels-missing', `channels never attacked: ${missing.join(', ')}`))
  }

  const refusalLines = observations.logLines.filter((line) => /requests?-refused/.test(line))
  if (refusalLines.length > MAX_REFUSAL_LOG_LINES) {
    findings.push(
      problem(
        'log-flooded',
        `${refusalLines.length} log lines for ${refusals.length} refusals (at most ${MAX_REFUSAL_LOG_LINES})`,
      ),
    )
  }
  const secretLines = observations.logLines.filter((line) =>
    observations.secrets.some((secret) => secret.length > 0 && line.includes(secret)),
  )
  if (secretLines.length > 0) {
    findings.push(problem('secret-in-log', `${secretLines.length} log lines hold a secret`))
  }
  if (!observations.stalePortReused) {
    findings.push(
      note('stale-port-moved', 'the second launch got another port; stale cookie sent by value'),
    )
  }

  return {
    figures: {
      attackerProcesses: observations.attackerProcesses,
      channelsAttacked: ratio(attacked.size, observations.channels.length),
      answeredWithoutSecret: ratio(answeredWithout.length, withoutSecret.length),
      answeredStale: ratio(answeredStale.length, stale.length),
      answeredWithCookie: ratio(control.length - controlRefused.length, control.length),
      refusedAsForbidden: ratio(
        refusals.filter((o) => o.status === 403 && o.forbidden).length,
        refusals.length,
      ),
      stalePortReused: observations.stalePortReused,
      refusalLogLines: refusalLines.length,
      secretsInLog: secretLines.length,
    },
    findings,
  }
}
