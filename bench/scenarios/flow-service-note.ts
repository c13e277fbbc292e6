import type { Round } from '../support/round-trips'
import { FLOW_ROUND_TRIPS } from './flow-calls'

/**
 * Why the guided-flow service's wall time misses the floor: which round trips it makes beyond the
 * five the flow needs, what each is for (all are there for crash safety or least privilege), and
 * the changes that would reach the target keeping them. The counts come from the measured rounds,
 * so the note follows the service if it changes; the reasons cite the code they come from.
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

type Role = 'list-users' | 'create' | 'read-grants' | 'assign' | 'apps-read' | 'install' | 'other'

function roleOf(round: Round): Role {
  const text = round.requests.join(' ')
  if (text.includes('assigned_users')) return 'assign'
  if (/POST \/\{id\}\/system_users/.test(text)) return 'create'
  if (/GET \/\{id\}\/system_users/.test(text)) return 'list-users'
  if (text.includes('assigned_apps')) return 'apps-read'
  if (/POST \/\{id\}\/applications/.test(text)) return 'install'
  if (/GET \/\{id\}\/assigned_/.test(text)) return 'read-grants'
  return 'other'
}

const ms = (value: number) => `${Math.round(value)} ms`

/** The missed-target note for the service's "wall time ÷ floor" figure. */
export function flowServiceMissNote(input: NoteInput): string {
  const { rounds, startRounds, latencyMs } = input
  const roles = rounds.map(roleOf)
  const firstAssign = roles.indexOf('assign')
  const count = (role: Role, from = 0, to = roles.length) =>
    roles.slice(from, to).filter((r) => r === role).length
  const readsBefore = firstAssign < 0 ? 0 : count('read-grants', 0, firstAssign)
  const readsAfter = firstAssign < 0 ? count('read-grants') : count('read-grants', firstAssign)
  const appsRead = count('apps-read')
  const extra = rounds.length - FLOW_ROUND_TRIPS
  const floorMs = FLOW_ROUND_TRIPS * latencyMs
  const budgetMs = floorMs * 0.3
  return [
    `The service makes ${rounds.length} sequential round trips where the flow needs ` +
      `${FLOW_ROUND_TRIPS} (${ms(rounds.length * latencyMs)} of waiting on Meta alone, ` +
      `${(rounds.length / FLOW_ROUND_TRIPS).toFixed(1)}× the floor before any local work); local ` +
      `work adds ${ms(input.localMs)} (median), of which ${input.writes} fsynced journal and ` +
      `vault writes take ${ms(input.fsyncMs)} — the rest is zod re-validating the run record on ` +
      'each journal write, appsecret_proof HMACs and the in-process simulator. So the ' +
      `${extra} extra round trips are the miss. Each is there for safety:`,
    `(1) run-start lists the system users (${startRounds} round) to refuse a taken name before ` +
      'the plan is journaled, and find-or-create lists them again just before creating ' +
      '(REL-04, steps/find-or-create.ts) — the second read is the crash-safe one;',
    `(2) before assigning, the grants are read only for a system user this call did not just ` +
      `create (here ${readsBefore} rounds), so a resumed run sends only what is missing and an ` +
      'adopted user’s tasks are united, never narrowed (steps/assign.ts, side by side per kind);',
    `(3) the read-back reads every kind side by side (${readsAfter} round) right after the ` +
      'batch, before install, instead of beside generate;',
    `(4) the installed check (${appsRead} round) is likewise skipped for a user just created, and ` +
      'install waits for the read-back (steps/install-app.ts) instead of going beside the batch.',
    'What would reach ≤ 1.3× keeping all of it: check run-start’s name against the system-user ' +
      'list main read for the overview moments before (cached like the asset list) — it guards ' +
      'no write, find-or-create’s read does (−1); send the install beside the assignment batch, ' +
      'or as one more operation of the same Batch API request (−1); run the read-back beside ' +
      'generate — its differences are needed only by the vault record, written after the check ' +
      '(−1). That is find → create → assign∥install → generate∥read-back → ' +
      `check: the floor’s ${FLOW_ROUND_TRIPS} rounds, ${ms(floorMs)}, which leaves ` +
      `${ms(budgetMs)} for local work under 1.3×; at this run’s ${ms(input.localMs)} that is ` +
      `≈ ${((floorMs + input.localMs) / floorMs).toFixed(2)}×.`,
    'The local work shrinks with it: fewer requests, and fewer journal writes — a step’s DONE ' +
      'can share one write with the next step’s IN_FLIGHT when only a read lies between them, ' +
      'and the run’s RUNNING and DONE statuses can ride on the first and last step writes ' +
      `(about 8 writes instead of ${input.writes}); write-ahead is kept, since every IN_FLIGHT is ` +
      'still durable before its request leaves.',
  ].join(' ')
}
