import { describe, expect, it } from 'vitest'
import { GATES } from '../registry'
import { REQUIREMENTS } from '../requirements'
import {
  evaluateFuzzReport,
  failureExcerpt,
  MIN_RUNS,
  P99_LIMIT_MS,
  SLOW_BY_DESIGN,
} from './ipc-fuzz'

const CHANNELS = ['app:status-get', 'vault:backup-create']
const STARTED = new Date('2030-01-01T00:00:00.000Z')

function channel(name: string, overrides: Record<string, unknown> = {}) {
  return {
    channel: name,
    seed: 7,
    runs: 1_000,
    byKind: { json: 200, valid: 100 },
    invalid: 850,
    valid: 150,
    heavyCases: 7,
    forgedSenderRuns: 1_000,
    uncaught: 0,
    invalidNotRefused: 0,
    portCallsOnInvalid: 0,
    forgedNotRefused: 0,
    portCallsOnForged: 0,
    portCallsOnValid: 40,
    validAnswers: { ok: 150 },
    p50Ms: 0.02,
    p99Ms: 0.4,
    maxMs: 3,
    refusedP99Ms: 0.1,
    acceptedP99Ms: 0.9,
    ...overrides,
  }
}

function report(
  overrides: Record<string, unknown> = {},
  channels = CHANNELS.map((c) => channel(c)),
) {
  return {
    generatedAt: '2030-01-01T00:00:30.000Z',
    seed: 7,
    runsPerChannel: 1_000,
    channels,
    pollution: { pollutedSeen: false, prototypeChanges: [] },
    processErrors: 0,
    p99Ms: 0.4,
    ...overrides,
  }
}

const errorCodes = (raw: unknown): string[] =>
  evaluateFuzzReport(raw, CHANNELS, STARTED)
    .findings.filter((finding) => finding.level === 'error')
    .map((finding) => finding.code)

describe('evaluateFuzzReport', () => {
  it('passes a clean report and shows its figures, per channel too', () => {
    const { figures, findings } = evaluateFuzzReport(report(), CHANNELS, STARTED)
    expect(findings).toStrictEqual([])
    expect(figures).toMatchObject({
      channelsFuzzed: '2 of 2',
      minRunsPerChannel: 1_000,
      minForgedSenderRunsPerChannel: 1_000,
      totalRequests: 4_014,
      uncaught: 0,
      portCallsOnInvalid: 0,
      forgedRefused: '2000 of 2000',
      polluted: false,
    })
    expect(figures['channel vault:backup-create']).toContain('1000 runs (850 invalid) + 7 heavy')
  })

  const red: Array<[string, unknown, string]> = [
    [
      'a port call on invalid input',
      report({}, [
        channel('app:status-get', { portCallsOnInvalid: 1 }),
        channel('vault:backup-create'),
      ]),
      'port-call-on-invalid',
    ],
    [
      'an invalid payload answered otherwise',
      report({}, [
        channel('app:status-get', { invalidNotRefused: 2 }),
        channel('vault:backup-create'),
      ]),
      'invalid-not-refused',
    ],
    [
      'an uncaught exception',
      report({}, [channel('app:status-get', { uncaught: 1 }), channel('vault:backup-create')]),
      'uncaught',
    ],
    ['an unhandled rejection', report({ processErrors: 1 }), 'process-error'],
    [
      'a forged sender let through',
      report({}, [
        channel('app:status-get', { forgedNotRefused: 1 }),
        channel('vault:backup-create'),
      ]),
      'forged-not-refused',
    ],
    [
      'a port call from a forged sender',
      report({}, [
        channel('app:status-get', { portCallsOnForged: 3 }),
        channel('vault:backup-create'),
      ]),
      'port-call-on-forged',
    ],
    ['pollution', report({ pollution: { pollutedSeen: true, prototypeChanges: [] } }), 'polluted'],
    [
      'a changed prototype',
      report({
        pollution: { pollutedSeen: false, prototypeChanges: ['added Object.prototype.polluted'] },
      }),
      'prototype-changed',
    ],
    [
      'too few runs',
      report({}, [
        channel('app:status-get', { runs: MIN_RUNS - 1 }),
        channel('vault:backup-create'),
      ]),
      'too-few-runs',
    ],
    [
      'too few forged runs',
      report({}, [
        channel('app:status-get', { forgedSenderRuns: 10 }),
        channel('vault:backup-create'),
      ]),
      'too-few-runs',
    ],
    [
      'no heavy cases',
      report({}, [channel('app:status-get', { heavyCases: 0 }), channel('vault:backup-create')]),
      'no-heavy-cases',
    ],
    ['a channel left out', report({}, [channel('app:status-get')]), 'channel-not-fuzzed'],
    [
      'p99 at the limit',
      report({}, [
        channel('app:status-get', { p99Ms: P99_LIMIT_MS }),
        channel('vault:backup-create'),
      ]),
      'slow-channel',
    ],
    [
      'slow refusals, even where slowness is reviewed',
      report({}, [channel('app:status-get'), channel('vault:backup-create', { refusedP99Ms: 80 })]),
      'slow-refusal',
    ],
    ['a stale report', report({ generatedAt: '2029-12-31T23:59:59.000Z' }), 'report-stale'],
    ['a malformed report', { channels: 'none' }, 'report-malformed'],
  ]
  for (const [name, raw, code] of red) {
    it(`is red on ${name} (${code})`, () => {
      expect(errorCodes(raw)).toContain(code)
    })
  }

  it('notes, but passes, a slow channel whose reason was reviewed', () => {
    expect(Object.keys(SLOW_BY_DESIGN)).toContain('vault:backup-create')
    const raw = report({}, [
      channel('app:status-get'),
      channel('vault:backup-create', { p99Ms: 600 }),
    ])
    const { findings } = evaluateFuzzReport(raw, CHANNELS, STARTED)
    expect(findings.map((finding) => [finding.code, finding.level])).toStrictEqual([
      ['slow-by-design', 'note'],
    ])
  })
})

describe('failureExcerpt', () => {
  it("keeps vitest's counterexample and seed, without colour codes", () => {
    const esc = String.fromCharCode(27)
    const output = [
      `${esc}[31m FAIL ${esc}[39m src/main/ipc/ipc-fuzz.test.ts > app:status-get > 1000 generated`,
      'Error: Property failed after 7 tests',
      '{ seed: 547290665, path: "6:0", endOnFailure: true }',
      'Counterexample: [{"kind":"structured-clone","payload":new Set([])}]',
      ' ❯ buildError node_modules/fast-check/lib/fast-check.js:2497:16',
    ].join('\n')
    const excerpt = failureExcerpt(output)
    expect(excerpt).toContain('Counterexample: [{"kind":"structured-clone"')
    expect(excerpt).toContain('seed: 547290665')
    expect(excerpt).not.toContain(esc)
    expect(excerpt).not.toContain('buildError')
  })
})

describe('the ipc-fuzz gate is wired in', () => {
  it('is registered and proves SEC-08 and SEC-09 with its figures', () => {
    expect(GATES.map((gate) => gate.id)).toContain('ipc-fuzz')
    for (const id of ['SEC-08', 'SEC-09']) {
      const row = REQUIREMENTS.find((requirement) => requirement.id === id)
      expect(row?.gates?.some((gate) => gate.id === 'ipc-fuzz')).toBe(true)
      expect(row?.tests).toContain('src/main/ipc/ipc-fuzz.test.ts')
    }
  })
})
