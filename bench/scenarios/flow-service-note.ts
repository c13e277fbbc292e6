import type { Round } from '../support/round-trips'
import { FLOW_ROUND_TRIPS } from './flow-calls'

/**
 * Why the guided-flow service's wall time misses its target, when it does: the round trips it
 * made beyond the five the flow needs (named from the measured rounds, so the note follows the
 * service), and the local work — journal fsyncs and the rest — with what would cut it.
 */
export interface NoteInput {
  /** One typical run's rounds, run-start's first. */
  readonly rounds: readonly Round[]
  readonly startRounds: number
  readonly latencyMs: number
  /** Medians over the runs. */
  readonly localMs: number
  readonly writes: number
  readonly fsyncMs: number
}

/** What each round the floor has is for, in order (flow-calls.ts). */
const FLOOR_ROUNDS = [
  /GET \/\{id\}\/system_users/,
  /POST \/\{id\}\/system_users/,
  /assigned_users/,
  /access_tokens/,
  /debug_token/,
]

const ms = (value: number) => `${Math.round(value)} ms`

/** The missed-target note for the service's "wall time ÷ floor" figure. */
export function flowServiceMissNote(input: NoteInput): string {
  const { rounds, startRounds, latencyMs } = input
  const floorMs = FLOW_ROUND_TRIPS * latencyMs
  // Rounds that carry none of the floor's calls are the extra ones.
  let next = 0
  const extra: string[] = []
  rounds.forEach((round, index) => {
    const text = round.requests.join(' ')
    if (next < FLOOR_ROUNDS.length && FLOOR_ROUNDS[next]!.test(text)) next += 1
    else extra.push(`${index + 1}. ${round.requests.map((r) => `\`${r}\``).join(' ∥ ')}`)
  })
  const lines = [
    `The service made ${rounds.length} sequential round trips (run-start: ${startRounds}) where ` +
      `the flow needs ${FLOW_ROUND_TRIPS}: ${ms(rounds.length * latencyMs)} of waiting on Meta ` +
      `before any local work, against a floor of ${ms(floorMs)}.`,
  ]
  if (extra.length > 0) {
    lines.push(
      `The rounds beyond the floor: ${extra.join('; ')}. A run-start round is the name check ` +
        'reading the system users itself, which happens when main holds no recent list (the ' +
        'overview was not read, or more than 10 minutes ago, or a create’s outcome was lost).',
    )
  }
  lines.push(
    `Local work adds ${ms(input.localMs)} (median), of which ${input.writes} fsynced journal ` +
      `and vault writes take ${ms(input.fsyncMs)}; the rest is zod re-validating the run ` +
      'on each journal write, appsecret_proof HMACs and the in-process simulator. 1.3× leaves ' +
      `${ms(floorMs * 0.3)} for it. Local work is what a loaded machine inflates first (see ` +
      'the load average above): fsync and CPU time, not round trips. What would cut it further, ' +
      'keeping write-ahead: one write for the IN_FLIGHTs of two actions that leave side by side ' +
      '(assign ∥ install), and validating the run once per change instead of per write.',
  )
  return lines.join(' ')
}
