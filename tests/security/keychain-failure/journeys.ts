import type { Result } from '@shared/result'
import { chooseBusiness, flowRequest, signIn } from './journey'
import { MAX_K } from './matrix'
import type { JourneyObservation } from './observations'
import { doneWithoutToken, keep, postsSince, type KeptAnswer } from './observe'
import type { Scanner } from './scan'
import { startWorld, type StoreWrap, type World } from './world'

/**
 * REL-05 over the whole guided journey of a new admin — sign in, choose the business, start the
 * setup run, continue it — in a fresh app each time, with the k-th keychain write failing, for
 * every k the journey reaches (and once more, where nothing fails). When a step reports the
 * failure, the drill counts what the simulator received until the admin repairs the keychain,
 * then repeats the step, as the admin would: the journey must end DONE with its token stored.
 */

interface Failure {
  readonly step: string
  readonly answer: KeptAnswer
  readonly canaryHits: number
}

interface Walked {
  /** The first step that answered an error after the keychain failed. */
  readonly failure?: Failure
  /** POSTs from the keychain's failure until it was repaired (or the journey's end). */
  readonly posts: number
  readonly recovered: boolean
}

async function journey(world: World, scanner: Scanner): Promise<Walked> {
  const sim = await world.sim()
  let runId = ''
  const steps: [string, () => Promise<Result<unknown>>][] = [
    ['sign-in', () => signIn(world)],
    ['choose the business', () => chooseBusiness(world)],
    [
      'start the run',
      async () => {
        const started = await world.invoke(
          'flow:run-start',
          flowRequest(sim.fixtures, 'Keychain journey'),
        )
        if (started.ok) runId = started.value.runId
        return started
      },
    ],
    ['continue the run', () => world.invoke('flow:run-continue', { runId })],
  ]
  let failure: Failure | undefined
  let posts: number | undefined
  const postsSinceFailure = async () => {
    const failed = world.store.failures[0]
    return failed ? postsSince(world, failed.requestsSeen) : 0
  }
  for (const [step, run] of steps) {
    let answer = await run()
    if (!answer.ok && failure === undefined && world.store.failures.length > 0) {
      failure = {
        step,
        answer: keep(answer),
        canaryHits: await scanner.hitsIn(world, JSON.stringify(answer)),
      }
      posts = await postsSinceFailure()
      world.store.heal()
      answer = await run()
    }
    if (!answer.ok) {
      return {
        ...(failure ? { failure } : {}),
        posts: posts ?? (await postsSinceFailure()),
        recovered: false,
      }
    }
  }
  // A failure nobody answered (a store that swallows it): everything after it counts.
  return {
    ...(failure ? { failure } : {}),
    posts: posts ?? (await postsSinceFailure()),
    recovered: true,
  }
}

export async function runJourneys(
  scanner: Scanner,
  wrap: StoreWrap | undefined,
): Promise<{ journeys: JourneyObservation[]; writes: number; problems: string[] }> {
  const journeys: JourneyObservation[] = []
  const problems: string[] = []
  let writes: number | undefined
  for (const keepFailing of [false, true]) {
    for (let k = 1; k <= MAX_K; k += 1) {
      const world = await startWorld(wrap ? { wrap } : {})
      try {
        world.store.arm({ mode: 'fail-write', timing: 'from-start', k, keepFailing })
        const walked = await journey(world, scanner)
        const runs = await doneWithoutToken(world)
        await scanner.scan(world, `journey k=${k}${keepFailing ? ' keep-failing' : ''}`)
        if (world.store.failures.length === 0) {
          // The k-th write never came: this journey ran on a working keychain and must be DONE.
          if (!walked.recovered || runs.done.length !== 1) {
            problems.push('the guided journey did not finish on a working keychain')
          }
          writes ??= k - 1
          break
        }
        journeys.push({
          k,
          keepFailing,
          reached: true,
          ...(walked.failure ? { failedStep: walked.failure.step } : {}),
          // No step reported the failure: judged as an answer that claims success.
          answer: walked.failure?.answer ?? { ok: true },
          canaryHitsInAnswer: walked.failure?.canaryHits ?? 0,
          postsAfterFailure: walked.posts,
          recovered: walked.recovered && runs.done.length === 1,
          runsDone: runs.done.length,
          doneWithoutToken: runs.missing.length,
        })
      } finally {
        await world.close()
      }
    }
  }
  if (writes === undefined) problems.push(`the guided journey made more than ${MAX_K} writes`)
  return { journeys, writes: writes ?? MAX_K, problems }
}
