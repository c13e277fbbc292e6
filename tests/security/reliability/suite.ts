import { problem, type Figure, type Finding } from '../gate'
import { hungRequest, type HangOptions, type HangResult } from './hang'
import { checkRun, type RunVerdict } from './invariants'
import { seededRun } from './seeded-run'

/**
 * The reliability suite behind the `reliability` gate (REL-01…06): `runs` seeded runs of the whole
 * guided flow under random faults, and, alongside them, one hung request with IPC pinged during
 * the hang. Answers the figures and the findings; the gate only adds its verdict.
 */
export interface SuiteOptions {
  readonly runs: number
  /** Run i uses seed baseSeed + i: a finding's seed replays that run alone. */
  readonly baseSeed: number
  /** Seeded runs in flight at once (each has its own simulator, clock and stores). */
  readonly concurrency: number
  readonly hang: HangOptions
  /** The timeout the hung request must be abandoned at, and the tolerance (REL-06: 30 s ± 1 s). */
  readonly expectedTimeoutMs: number
  readonly toleranceMs: number
}

/** REL-06: IPC ping p95 during the hang. */
export const PING_P95_LIMIT_MS = 200
/** Fewer pings than this and the p95 says little. */
export const MIN_PINGS = 20
/** Findings listed per code; the rest are counted in one more. */
const FINDINGS_PER_CODE = 5

const FAULT_KINDS = ['latency', 'http-error', 'graph-error', 'throttle', 'drop', 'commit-then-drop']

async function pool<T>(count: number, width: number, work: (index: number) => Promise<T>) {
  const out: T[] = new Array<T>(count)
  let next = 0
  const lane = async () => {
    for (let index = next++; index < count; index = next++) out[index] = await work(index)
  }
  await Promise.all(Array.from({ length: Math.max(1, width) }, lane))
  return out
}

/** Keeps the first few findings of each code and says how many more there were. */
export function capFindings(findings: readonly Finding[]): Finding[] {
  const byCode = new Map<string, Finding[]>()
  for (const finding of findings)
    byCode.set(finding.code, [...(byCode.get(finding.code) ?? []), finding])
  return [...byCode.entries()].flatMap(([code, all]) =>
    all.length <= FINDINGS_PER_CODE
      ? all
      : [
          ...all.slice(0, FINDINGS_PER_CODE),
          problem(code, `…and ${all.length - FINDINGS_PER_CODE} more runs like these`),
        ],
  )
}

export interface RunTally {
  readonly verdicts: readonly RunVerdict[]
  readonly faultsByKind: Readonly<Record<string, number>>
  readonly startRetries: number
  readonly resumes: number
  readonly stops: number
  readonly requests: number
}

/** The seeded runs' figures and findings. */
export function judgeRuns(tally: RunTally): {
  figures: Record<string, Figure>
  findings: Finding[]
} {
  const { verdicts } = tally
  const sum = (pick: (verdict: RunVerdict) => number) =>
    verdicts.reduce((total, verdict) => total + pick(verdict), 0)
  const count = (outcome: RunVerdict['outcome']) =>
    verdicts.filter((v) => v.outcome === outcome).length
  const findings = verdicts.flatMap((verdict) => verdict.findings)
  const missingKinds = FAULT_KINDS.filter((kind) => !tally.faultsByKind[kind])
  if (missingKinds.length > 0) {
    // A run of the gate that never injected a kind of fault proves nothing about it.
    findings.push(problem('fault-kind-missing', `no ${missingKinds.join(', ')} fault was injected`))
  }
  const figures: Record<string, Figure> = {
    runs: verdicts.length,
    completed: count('completed'),
    resumableThenCompleted: count('resumed'),
    stuck: count('stuck'),
    duplicateSystemUsers: sum((v) => v.duplicateSystemUsers),
    missingSystemUsers: sum((v) => v.missingSystemUsers),
    tokensLost: sum((v) => v.tokensLost),
    earlyRequestsToThrottledBucket: sum((v) => v.earlyRequests),
    throttleAnswersTimed: sum((v) => v.timedThrottles),
    blindCreateRetries: sum((v) => v.blindCreateRetries),
    stopsNotResumable: sum((v) => v.unresumableStops),
    stopsWithoutPlainMessage: sum((v) => v.unplainStops),
    stops: tally.stops,
    startRetries: tally.startRetries,
    resumes: tally.resumes,
    requests: tally.requests,
    faultsInjected: Object.values(tally.faultsByKind).reduce((a, b) => a + b, 0),
    faultsByKind: Object.entries(tally.faultsByKind)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', '),
  }
  return { figures, findings }
}

/** The hung request's figures and findings. */
export function judgeHang(
  hang: HangResult,
  options: Pick<SuiteOptions, 'expectedTimeoutMs' | 'toleranceMs' | 'hang'>,
): { figures: Record<string, Figure>; findings: Finding[] } {
  const findings: Finding[] = []
  const offBy = Math.abs(hang.abandonMs - options.expectedTimeoutMs)
  if (hang.abandonMs < 0)
    findings.push(problem('hang-not-reached', 'the hung request never reached the simulator'))
  else if (offBy > options.toleranceMs) {
    findings.push(
      problem(
        'hang-timeout-off',
        `the hung request was abandoned after ${hang.abandonMs} ms, not ${options.expectedTimeoutMs} ± ${options.toleranceMs} ms`,
      ),
    )
  }
  if (hang.pings < MIN_PINGS)
    findings.push(problem('too-few-pings', `only ${hang.pings} IPC pings during the hang`))
  if (hang.pingFailures > 0)
    findings.push(
      problem('ipc-ping-failed', `${hang.pingFailures} IPC pings failed during the hang`),
    )
  if (hang.pingP95Ms >= PING_P95_LIMIT_MS) {
    findings.push(
      problem(
        'ipc-unresponsive',
        `IPC ping p95 ${hang.pingP95Ms} ms during the hang (limit ${PING_P95_LIMIT_MS} ms)`,
      ),
    )
  }
  if (!hang.resumable || !hang.answerPlain) {
    findings.push(
      problem(
        'hang-stop-unclear',
        `after the timeout the run answered ${hang.answer}: resumable ${hang.resumable}, plain message ${hang.answerPlain}`,
      ),
    )
  }
  if (!hang.completedAfter || hang.systemUsers !== 1) {
    findings.push(
      problem(
        'hang-run-stuck',
        `after the hang cleared: completed ${hang.completedAfter}, ${hang.systemUsers} system users`,
      ),
    )
  }
  return {
    figures: {
      hangTimeoutPolicy:
        options.hang.timeoutMs === undefined
          ? `client default, expected ${options.expectedTimeoutMs} ms`
          : `configured ${options.hang.timeoutMs} ms for this run`,
      hangAbandonMs: hang.abandonMs,
      hangAnswer: hang.answer,
      hangRunCompletedAfterResume: hang.completedAfter,
      ipcPingsDuringHang: hang.pings,
      ipcPingP95Ms: hang.pingP95Ms,
      ipcPingMaxMs: hang.pingMaxMs,
    },
    findings,
  }
}

export async function runReliability(
  options: SuiteOptions,
): Promise<{ figures: Record<string, Figure>; findings: Finding[] }> {
  const started = performance.now()
  const faultsByKind: Record<string, number> = {}
  let startRetries = 0
  let resumes = 0
  let stops = 0
  let requests = 0
  // The hang waits on a real timer; the seeded runs use that time instead of adding to it.
  const hang = hungRequest(options.hang)
  const verdicts = await pool(options.runs, options.concurrency, async (index) => {
    const snapshot = await seededRun(options.baseSeed + index)
    for (const taken of snapshot.wire.faults) {
      faultsByKind[taken.fault.kind] = (faultsByKind[taken.fault.kind] ?? 0) + 1
    }
    startRetries += snapshot.startRetries
    resumes += snapshot.resumes
    stops += snapshot.stops.length
    requests += snapshot.requests.length
    return checkRun(snapshot)
  })
  const runs = judgeRuns({ verdicts, faultsByKind, startRetries, resumes, stops, requests })
  const hung = judgeHang(await hang, options)
  return {
    figures: {
      baseSeed: options.baseSeed,
      ...runs.figures,
      ...hung.figures,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    findings: capFindings([...runs.findings, ...hung.findings]),
  }
}
