import { describe, expect, it } from 'vitest'
import { hungRequest } from '../reliability/hang'
import {
  checkRun,
  earlyRequests,
  type RequestSeen,
  type RunSnapshot,
} from '../reliability/invariants'
import { seededRun } from '../reliability/seeded-run'
import { capFindings, judgeHang, judgeRuns } from '../reliability/suite'
import type { WireLog } from '../reliability/wire-log'
import { evaluateReliabilityReport, RELIABILITY_OPTIONS } from './reliability'

/*
 * The reliability gate's code on a few real seeds, and proof that each invariant can fail: the
 * checker gets simulator snapshots with a duplicate system user, a lost token, a request to a
 * throttled bucket, a blind create retry, an unexplained stop — and must name each one.
 */
const SEEDS = [20_260_700, 20_260_701, 20_260_702, 20_260_703]
const codes = (snapshot: RunSnapshot): string[] => checkRun(snapshot).findings.map((f) => f.code)

let real: RunSnapshot[] | undefined
const snapshots = async (): Promise<RunSnapshot[]> =>
  (real ??= await Promise.all(SEEDS.map((seed) => seededRun(seed))))

/** A finished run of the real flow whose system user holds its one token. */
async function finished(): Promise<RunSnapshot> {
  const done = (await snapshots()).find((s) => s.outcome !== 'stuck')
  if (!done) expect.fail('no seeded run finished')
  return done
}

const request = (at: number, path: string, method = 'GET'): RequestSeen => ({
  at,
  method,
  path,
  status: 200,
  auth: 'Bearer admin',
  objects: [],
})

describe('seeded runs through the setup service', () => {
  it('end completed or resumed, with every invariant holding', async () => {
    for (const snapshot of await snapshots()) {
      expect(snapshot.outcome, `seed ${snapshot.seed}`).not.toBe('stuck')
      expect(codes(snapshot), `seed ${snapshot.seed}: ${snapshot.script}`).toEqual([])
      expect(snapshot.requests.length).toBeGreaterThan(0)
    }
  }, 30_000)

  it('replay: the same seed draws the same goal and fault script', async () => {
    // Assign and install run side by side, so which of them meets a fault first may vary; the
    // goal and the script a seed draws may not.
    const [first] = await snapshots()
    const again = await seededRun(first!.seed)
    expect([again.goal, again.script]).toEqual([first!.goal, first!.script])
  })
})

describe('the invariant checker fails when it should', () => {
  it('a duplicate system user with the run name', async () => {
    const s = await finished()
    const twin = { id: '999', name: s.name }
    expect(codes({ ...s, systemUsers: [...s.systemUsers, twin] })).toContain(
      'duplicate-system-user',
    )
  })

  it('a completed run with no system user', async () => {
    const s = await finished()
    expect(codes({ ...s, systemUsers: [] })).toContain('system-user-missing')
  })

  it('a token missing from the keychain, or not the one Meta holds valid', async () => {
    const s = await finished()
    expect(codes({ ...s, stored: [] })).toContain('token-lost')
    const swapped = s.stored.map((entry) => ({ ...entry, value: `${entry.value ?? ''}x` }))
    expect(codes({ ...s, stored: swapped })).toContain('token-lost')
    expect(codes({ ...s, vault: [] })).toContain('token-lost')
  })

  it('a valid token the simulator issued that nobody stored', async () => {
    const s = await finished()
    const orphan = { userId: s.systemUsers[0]!.id, value: 'orphan-token-value', valid: true }
    expect(codes({ ...s, issuedTokens: [...s.issuedTokens, orphan] })).toContain('token-lost')
  })

  it('a stuck run, an unresumable stop and a stop without a plain message', async () => {
    const s = await finished()
    const stop = { phase: 'run', code: 'internal', messageKey: 'no.such.key' } as const
    const found = codes({
      ...s,
      outcome: 'stuck',
      stops: [{ ...stop, resumable: false, plain: false }],
    })
    expect(found).toEqual(
      expect.arrayContaining(['run-stuck', 'stop-not-resumable', 'unplain-error']),
    )
  })

  it('a create sent again after an unknown outcome, with no reconciling read between', async () => {
    const s = await finished()
    const create = { ...request(0, '/1/system_users', 'POST'), status: 0 }
    const blind = [create, request(0, '/1/applications', 'POST'), create]
    expect(codes({ ...s, requests: blind })).toContain('blind-create-retry')
    const reconciled = [create, request(0, '/1/system_users'), { ...create, status: 200 }]
    expect(codes({ ...s, requests: reconciled })).not.toContain('blind-create-retry')
  })
})

describe('requests to a throttled bucket', () => {
  const throttled = (regainMinutes: number): WireLog['faults'][number] => ({
    request: 0,
    at: 0,
    realAt: 10,
    scope: 'request',
    method: 'POST',
    path: '/1/applications',
    fault: { kind: 'throttle', code: 80004, regainMinutes },
  })
  const requests = [request(0, '/1/applications', 'POST'), request(0, '/2'), request(0, '/3')]

  it('counts a request sent after the throttle was known, before the regain time', () => {
    // r1 was sent (9) before the client took note (12) and arrived after: excused. r2 was not.
    const wire = {
      faults: [throttled(5)],
      arrivals: [1, 13, 15],
      sends: [0, 9, 14],
      throttlesSeen: [12],
    }
    expect(earlyRequests(requests, wire)).toMatchObject({ count: 1, timed: 1 })
  })

  it('excuses only what was sent before the answer when the client never took note of it', () => {
    // r1 left (11) after the answer was made (10): with no note taken, nothing excuses it.
    const wire = {
      faults: [throttled(5)],
      arrivals: [1, 13, 15],
      sends: [0, 11, 14],
      throttlesSeen: [],
    }
    expect(earlyRequests(requests, wire).count).toBe(2)
  })

  it('passes a request sent once the regain time has passed', () => {
    const later = [requests[0]!, request(5 * 60_000, '/2'), request(5 * 60_000 + 1, '/3')]
    const wire = {
      faults: [throttled(5)],
      arrivals: [1, 13, 15],
      sends: [0, 12.5, 14],
      throttlesSeen: [12],
    }
    expect(earlyRequests(later, wire).count).toBe(0)
  })
})

describe('the hung request (short configured timeout: the gate uses the real 30 s)', () => {
  it('is abandoned at the timeout while IPC pings answer, then the run completes', async () => {
    const options = {
      hang: { timeoutMs: 500, pingEveryMs: 5 },
      expectedTimeoutMs: 500,
      // Loose here (a busy test machine delays timers); the gate holds the real policy to ±1 s.
      toleranceMs: 2_000,
    }
    const hang = await hungRequest(options.hang)
    expect(hang.abandonMs).toBeGreaterThanOrEqual(450)
    expect(hang.pings).toBeGreaterThan(20)
    expect(hang.pingP95Ms).toBeGreaterThan(0)
    expect(hang).toMatchObject({
      answer: 'unknown-outcome',
      pingFailures: 0,
      resumable: true,
      completedAfter: true,
      systemUsers: 1,
    })
    const codesOf = (result: Parameters<typeof judgeHang>[0]) =>
      judgeHang(result, options).findings.map((f) => f.code)
    expect(codesOf({ ...hang, pingP95Ms: 1 })).toEqual([])
    expect(codesOf({ ...hang, pingP95Ms: 200, abandonMs: 3_000 })).toEqual([
      'hang-timeout-off',
      'ipc-unresponsive',
    ])
    expect(codesOf({ ...hang, completedAfter: false })).toContain('hang-run-stuck')
    expect(codesOf({ ...hang, abandonMs: -1 })).toContain('hang-not-reached')
  }, 20_000)
})

describe('figures and the report', () => {
  it('a suite that injected no faults of a kind is red', async () => {
    const verdicts = (await snapshots()).map(checkRun)
    const tally = {
      verdicts,
      faultsByKind: { latency: 3 },
      startRetries: 0,
      resumes: 0,
      stops: 0,
      requests: 9,
    }
    const { figures, findings } = judgeRuns(tally)
    expect(figures).toMatchObject({
      runs: SEEDS.length,
      stuck: 0,
      duplicateSystemUsers: 0,
      tokensLost: 0,
    })
    expect(findings.map((f) => f.code)).toEqual(['fault-kind-missing'])
  })

  it('caps repeated findings and says how many more', () => {
    const many = Array.from({ length: 9 }, (_, n) => ({
      code: 'run-stuck',
      message: `seed ${n}`,
      level: 'error' as const,
    }))
    const capped = capFindings(many)
    expect(capped).toHaveLength(6)
    expect(capped.at(-1)?.message).toContain('4 more')
  })

  it('reads a clean report, and refuses a stale, short or malformed one', () => {
    const started = new Date('2030-01-01T00:00:00.000Z')
    const report = {
      generatedAt: '2030-01-01T00:00:40.000Z',
      figures: { runs: RELIABILITY_OPTIONS.runs, stuck: 0 },
      findings: [],
    }
    expect(evaluateReliabilityReport(report, started).findings).toEqual([])
    const red = (raw: unknown) =>
      evaluateReliabilityReport(raw, started).findings.map((f) => f.code)
    expect(red({ ...report, generatedAt: '2029-12-31T00:00:00.000Z' })).toContain('report-stale')
    expect(red({ ...report, figures: { runs: 3 } })).toContain('too-few-runs')
    expect(red({ figures: 'none' })).toContain('report-malformed')
    const finding = { code: 'token-lost', message: 'seed 7: …', level: 'error' }
    expect(red({ ...report, findings: [finding] })).toEqual(['token-lost'])
  })
})
