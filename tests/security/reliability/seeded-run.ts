import { GOAL_IDS } from '../../../src/shared/catalog/goals'
import type { RunSummary } from '../../../src/shared/ipc/schemas/flow'
import { en } from '../../../src/shared/i18n/en'
import { translate } from '../../../src/shared/i18n/translate'
import type { AppError, Result } from '../../../src/shared/result'
import { type RecordedRequest, stripVersion } from '../../../src/main/practice'
import {
  goalRequest,
  startFlowHarness,
  type FlowHarness,
} from '../../support/node/flow-harness'
import { describeScript, faultScript, rulesOf, seededRandom, type Random } from './fault-script'
import { UNKNOWN_REGAIN_MS, type RequestSeen, type RunSnapshot, type StopSeen } from './invariants'
import { recordWire } from './wire-log'

/**
 * One seeded run of the whole guided flow under a random fault script, through the real setup
 * service (createFlowService via the flow harness: practice simulator, fake clock, temp journal,
 * in-memory keychain). It does what the app lets the admin do: start (again, when starting
 * failed), continue, and on a stop resume — sometimes after a relaunch, sometimes after waiting
 * out a throttle — up to a bound with the faults still live, then once more after they clear.
 */

/** Every goal with a fixed plan (Custom needs a hand-made one). */
export const GOALS = GOAL_IDS.filter(
  (goal): goal is Exclude<(typeof GOAL_IDS)[number], 'custom'> => goal !== 'custom',
)

/** Attempts with the faults still live, then one after they clear. */
export const START_TRIES = 3
export const FAULTY_RESUMES = 3

/** A message the admin can read: a known key, no placeholder left unfilled, a known hint. */
export function isPlain(error: AppError): boolean {
  if (!Object.hasOwn(en, error.messageKey)) return false
  if (/\{\w+\}/.test(translate(en, error.messageKey, error.params))) return false
  return error.hintKey === undefined || Object.hasOwn(en, error.hintKey)
}

const NODE = /^(act_)?\d+$/

/** The request as the checker needs it: path, status, token bucket and the objects it touches. */
export function requestSeen(request: RecordedRequest): RequestSeen {
  const [raw = '/', query = ''] = request.url.split(/\?(.*)/s)
  const path = stripVersion(raw)
  const params = new URLSearchParams(query)
  const form = new URLSearchParams(request.body)
  const objects = new Set<string>()
  const node = path.split('/')[1] ?? ''
  if (NODE.test(node)) objects.add(node)
  const business = params.get('business') ?? form.get('business')
  if (business && NODE.test(business)) objects.add(business)
  try {
    const ops = JSON.parse(form.get('batch') ?? '[]') as { relative_url?: unknown }[]
    for (const op of Array.isArray(ops) ? ops : []) {
      const url = typeof op?.relative_url === 'string' ? op.relative_url : ''
      const first = url.replace(/^\/+(v\d+\.\d+\/)?/, '').split(/[/?]/)[0]
      if (first && NODE.test(first)) objects.add(first)
    }
  } catch {
    // Not a batch: nothing more to read.
  }
  return {
    at: request.at,
    method: request.method.toUpperCase(),
    path,
    status: request.status,
    auth: request.headers.authorization ?? '',
    objects: [...objects],
  }
}

async function snapshotOf(
  flow: FlowHarness,
  run: Omit<RunSnapshot, 'systemUsers' | 'issuedTokens' | 'vault' | 'stored' | 'requests'>,
): Promise<RunSnapshot> {
  const { sim } = flow.h
  const nowS = Math.floor(sim.model.now() / 1000)
  const stored = await Promise.all(
    flow.secrets
      .refs()
      .filter((ref) => ref.kind === 'system-user-token')
      .map(async (ref) => ({ id: ref.id, value: await flow.secrets.get(ref) })),
  )
  return {
    ...run,
    systemUsers: sim.model
      .systemUsers(sim.fixtures.businessId)
      .map(({ id, name }) => ({ id, name })),
    issuedTokens: sim.model.tokens({ type: 'SYSTEM_USER' }).map((token) => ({
      ...(token.userId !== undefined ? { userId: token.userId } : {}),
      value: token.value,
      valid: !token.revoked && (token.expiresAt === 0 || token.expiresAt > nowS),
    })),
    vault: flow.vault.list().map((record) => ({
      id: record.id,
      ...(record.systemUserId !== undefined ? { systemUserId: record.systemUserId } : {}),
    })),
    stored,
    requests: sim.requests.map(requestSeen),
  }
}

/** What the admin does after a stop: maybe relaunch, maybe wait out the throttle first. */
function afterStop(flow: FlowHarness, random: Random, error: AppError): void {
  if (random.chance(0.3)) flow.restart()
  if (error.retryAfterMs !== undefined && random.chance(0.6))
    flow.h.clock.advance(error.retryAfterMs)
}

/** The faults stop: nothing more injected, and every throttle window has passed. */
function clearFaults(flow: FlowHarness): void {
  flow.h.sim.faults.clear()
  flow.h.clock.advance(UNKNOWN_REGAIN_MS + 60_000)
}

export async function seededRun(seed: number): Promise<RunSnapshot> {
  const random = seededRandom(seed)
  const flow = await startFlowHarness()
  try {
    const wire = recordWire(flow.h.sim, flow.h.client, () => flow.h.clock.now())
    const goal = random.pick(GOALS)
    const script = faultScript(random)
    for (const rule of rulesOf(script)) flow.h.sim.faults.add(rule)
    const name = `Reliability ${seed}`
    const { request } = goalRequest(flow.h, goal, name)
    const stops: StopSeen[] = []
    const stopOf = (phase: StopSeen['phase'], error: AppError, resumable: boolean): void => {
      stops.push({
        phase,
        code: error.code,
        messageKey: error.messageKey,
        resumable,
        plain: isPlain(error),
      })
    }

    let started: Result<RunSummary> | undefined
    let startRetries = 0
    for (let attempt = 0; attempt <= START_TRIES; attempt += 1) {
      if (attempt === START_TRIES) clearFaults(flow)
      started = await flow.service.handlers['flow:run-start'](request)
      if (started.ok) break
      stopOf('start', started.error, true)
      startRetries += 1
      afterStop(flow, random, started.error)
    }
    let outcome: RunSnapshot['outcome'] = 'stuck'
    let resumes = 0
    if (started?.ok) {
      const runId = started.value.runId
      for (let attempt = 0; attempt <= FAULTY_RESUMES + 1; attempt += 1) {
        if (attempt === FAULTY_RESUMES + 1) clearFaults(flow)
        if (attempt > 0) resumes += 1
        const answer = await flow.service.handlers['flow:run-continue']({ runId })
        if (answer.ok && answer.value.status === 'done') {
          outcome = attempt === 0 ? 'completed' : 'resumed'
          break
        }
        const error: AppError = answer.ok
          ? { code: 'internal', messageKey: `run ended ${answer.value.status}` }
          : answer.error
        const unfinished = await flow.service.handlers['flow:runs-unfinished']({})
        const offered = unfinished.ok
          ? unfinished.value.runs.find((run) => run.runId === runId)
          : undefined
        stopOf('run', error, offered?.resumable === true)
        afterStop(flow, random, error)
      }
    }
    return await snapshotOf(flow, {
      seed,
      goal,
      name,
      script: describeScript(script),
      outcome,
      startRetries,
      resumes,
      stops,
      wire,
    })
  } finally {
    await flow.close()
  }
}
