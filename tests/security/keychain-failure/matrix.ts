import { randomBytes } from 'node:crypto'
import type { Result } from '@shared/result'
import { drillActions, type DrillAction } from './actions'
import { describeFault, type Fault } from './faults'
import { connectHealthy, runFlow } from './journey'
import type { AttemptObservation } from './observations'
import { doneWithoutToken, keep, lossesSince, postsSince, snapshot } from './observe'
import type { Scanner } from './scan'
import { startWorld, type StoreWrap, type World } from './world'

/**
 * Every secret-writing action against every keychain failure, in one app instance that already
 * holds what an admin would have: a connection, two tokens from the guided flow, an encrypted
 * backup taken before those tokens were refreshed (so a restore that fails half way has something
 * newer to lose) and an imported token. Each attempt: snapshot, break the keychain, act, heal,
 * compare.
 */

/** Enough for every action's writes; the sweep stops at the first k the action never reaches. */
export const MAX_K = 8

export const NAMED_FAULTS: readonly Fault[] = [
  { mode: 'unavailable', timing: 'from-start' },
  { mode: 'unavailable', timing: 'at-write' },
  { mode: 'locked', timing: 'from-start' },
  { mode: 'locked', timing: 'at-write' },
]

export interface MatrixOutcome {
  readonly attempts: AttemptObservation[]
  readonly writesPerAction: Record<string, number>
  readonly doneWithoutToken: string[]
  runsDone: number
  readonly problems: string[]
}

function must<T>(answer: Result<T>, what: string): T {
  if (!answer.ok) throw new Error(`${what} failed: ${answer.error.messageKey}`)
  return answer.value
}

/** The admin's vault before anything fails; answers the backup's password. */
async function furnish(world: World): Promise<string> {
  const sim = await world.sim()
  // Full tier: the drill makes more system users than the limited tier's one.
  sim.model.updateApp(sim.fixtures.appId, { tier: 'full' })
  await connectHealthy(world)
  must(await runFlow(world, 'Keychain drill baseline A'), 'the baseline run A')
  must(await runFlow(world, 'Keychain drill baseline B'), 'the baseline run B')
  // Two records in the backup: each restore attempt costs a scrypt derivation (~0.5 s).
  const password = randomBytes(18).toString('base64url')
  must(await world.invoke('vault:backup-create', { password }), 'the baseline backup')
  const listed = must(await world.invoke('vault:records-list', {}), 'listing the vault')
  for (const record of listed.records.filter((r) => r.kind === 'system-user')) {
    must(await world.invoke('vault:refresh', { id: record.id }), 'refreshing a baseline token')
  }
  const imported = sim.issueToken({ kind: 'user' })
  must(await world.invoke('vault:import', { token: imported }), 'the baseline import')
  return password
}

export async function runMatrix(
  scanner: Scanner,
  wrap: StoreWrap | undefined,
  only?: (action: DrillAction) => boolean,
): Promise<MatrixOutcome> {
  const world = await startWorld(wrap ? { wrap } : {})
  const outcome: MatrixOutcome = {
    attempts: [],
    writesPerAction: {},
    doneWithoutToken: [],
    runsDone: 0,
    problems: [],
  }
  let attemptNo = 0
  const missingRuns = new Set<string>()

  const attempt = async (action: DrillAction, fault: Fault): Promise<AttemptObservation> => {
    attemptNo += 1
    await action.prepare?.(world)
    const before = await snapshot(world)
    world.store.arm(fault)
    let answer: Result<unknown>
    let healedAt: number
    try {
      answer = await action.run(world, attemptNo)
    } finally {
      healedAt = (await world.sim()).requests.length
      world.store.heal()
    }
    const failure = world.store.failures[0]
    const reached = failure !== undefined
    const posts =
      action.stopsAtFailure && failure
        ? (await postsSince(world, failure.requestsSeen)) - (await postsSince(world, healedAt))
        : 0
    // Compared whenever the keychain failed, even if the action claims it worked.
    const losses = reached
      ? await lossesSince(world, before)
      : { lost: [], unlisted: [], connectionLost: false }
    if (answer.ok) await action.afterSuccess?.(world, answer)
    if (action.stopsAtFailure) {
      const runs = await doneWithoutToken(world)
      for (const runId of runs.missing) missingRuns.add(runId)
      outcome.runsDone = Math.max(outcome.runsDone, runs.done.length)
    }
    const label = `${action.id}, ${describeFault(fault)}`
    await scanner.scan(world, label)
    const observation: AttemptObservation = {
      action: action.id,
      mode: fault.mode,
      fault: describeFault(fault),
      keepFailing: fault.keepFailing === true,
      reached,
      answer: keep(answer),
      canaryHitsInAnswer: await scanner.hitsIn(world, JSON.stringify(answer)),
      ...losses,
      postsAfterFailure: posts,
    }
    outcome.attempts.push(observation)
    return observation
  }

  try {
    const password = await furnish(world)
    await scanner.scan(world, 'furnishing the vault')
    const actions = drillActions({ backupPassword: password }).filter(only ?? (() => true))
    for (const action of actions) {
      try {
        for (const fault of NAMED_FAULTS) await attempt(action, fault)
        let writes: number | undefined
        for (let k = 1; k <= MAX_K && writes === undefined; k += 1) {
          const once = await attempt(action, { mode: 'fail-write', timing: 'from-start', k })
          if (!once.reached) {
            writes = k - 1
            // The k-th write never came: the action ran on a working keychain, and must work.
            outcome.attempts.pop()
            if (!once.answer.ok) {
              outcome.problems.push(`${action.id} failed on a working keychain`)
            }
          } else {
            await attempt(action, {
              mode: 'fail-write',
              timing: 'from-start',
              k,
              keepFailing: true,
            })
          }
        }
        if (writes === undefined) outcome.problems.push(`${action.id}: more than ${MAX_K} writes`)
        else outcome.writesPerAction[action.id] = writes
      } catch (error) {
        outcome.problems.push(
          `${action.id}: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    }
  } finally {
    outcome.doneWithoutToken.push(...missingRuns)
    await world.close()
  }
  return outcome
}
