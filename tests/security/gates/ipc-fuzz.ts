import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { IpcFuzzReport } from '../../support/node/fuzz-report'
import { CHANNEL_NAMES } from '../../../src/shared/ipc/channels'
import { runCommand } from '../dependencies'
import {
  note,
  problem,
  resultOf,
  type Figure,
  type Finding,
  type Gate,
  type GateResult,
} from '../gate'

/**
 * SEC-08 and SEC-09 by fuzzing: runs src/main/ipc/ipc-fuzz.test.ts, reads the figures it wrote to
 * reports/ipc-fuzz.json and applies docs/security-requirements.md's thresholds — ≥ 1,000 runs per
 * channel (through the dispatcher and from forged senders), 0 uncaught exceptions, 0 port calls on
 * invalid input or forged senders, no prototype pollution, p99 < 50 ms. Timing is judged here, not
 * in the test, so a slow machine shows a red figure instead of a flaky test.
 */

export const IPC_FUZZ_TEST = 'src/main/ipc/ipc-fuzz.test.ts'
export const IPC_FUZZ_REPORT = join('reports', 'ipc-fuzz.json')
export const MIN_RUNS = 1_000
export const P99_LIMIT_MS = 50

/**
 * Channels whose handler is slow on purpose, with the reviewed reason. For these the 50 ms limit
 * applies to refused requests only (what validation costs); their full p99 is still reported.
 */
export const SLOW_BY_DESIGN: Readonly<Record<string, string>> = {
  'vault:backup-create':
    'a valid backup derives its key with scrypt N=2^17 (SEC-20: a password-encrypted file must ' +
    'resist guessing); it runs on the libuv pool, so main stays responsive while it takes ~0.5 s',
}

const count = z.number().int().nonnegative()
const ms = z.number().nonnegative()
const ChannelSchema = z.object({
  channel: z.string(),
  seed: z.number(),
  runs: count,
  byKind: z.record(z.string(), count),
  invalid: count,
  valid: count,
  heavyCases: count,
  forgedSenderRuns: count,
  uncaught: count,
  invalidNotRefused: count,
  portCallsOnInvalid: count,
  forgedNotRefused: count,
  portCallsOnForged: count,
  portCallsOnValid: count,
  validAnswers: z.record(z.string(), count),
  p50Ms: ms,
  p99Ms: ms,
  maxMs: ms,
  refusedP99Ms: ms,
  acceptedP99Ms: ms,
})

/** Typed against the suite's own report type, so the two cannot drift apart silently. */
const ReportSchema: z.ZodType<IpcFuzzReport> = z.object({
  generatedAt: z.iso.datetime(),
  seed: z.number(),
  runsPerChannel: count,
  channels: z.array(ChannelSchema),
  pollution: z.object({ pollutedSeen: z.boolean(), prototypeChanges: z.array(z.string()) }),
  processErrors: count,
  p99Ms: ms,
})

type ChannelSummary = z.infer<typeof ChannelSchema>

const sum = (channels: readonly ChannelSummary[], pick: (c: ChannelSummary) => number): number =>
  channels.reduce((total, channel) => total + pick(channel), 0)

/** The per-channel findings: too few runs, anything reaching a port, anything thrown, slowness. */
function channelFindings(channel: ChannelSummary): Finding[] {
  const name = channel.channel
  const findings: Finding[] = []
  const counts: Array<[number, string, string]> = [
    [channel.uncaught, 'uncaught', 'requests rejected instead of answering a Result'],
    [
      channel.invalidNotRefused,
      'invalid-not-refused',
      'invalid payloads not answered invalid-input',
    ],
    [channel.portCallsOnInvalid, 'port-call-on-invalid', 'port calls while refusing invalid input'],
    [
      channel.forgedNotRefused,
      'forged-not-refused',
      'forged senders not answered forbidden-sender',
    ],
    [channel.portCallsOnForged, 'port-call-on-forged', 'port calls on a forged sender'],
  ]
  for (const [value, code, what] of counts) {
    if (value > 0) findings.push(problem(code, `${name}: ${value} ${what}`))
  }
  if (channel.runs < MIN_RUNS || channel.forgedSenderRuns < MIN_RUNS) {
    findings.push(
      problem(
        'too-few-runs',
        `${name}: ${channel.runs} dispatcher and ${channel.forgedSenderRuns} forged-sender runs (need ${MIN_RUNS} each)`,
      ),
    )
  }
  if (channel.heavyCases === 0)
    findings.push(problem('no-heavy-cases', `${name}: no 1 MB / 1,000-deep payloads were sent`))
  if (channel.refusedP99Ms >= P99_LIMIT_MS) {
    findings.push(
      problem('slow-refusal', `${name}: refusing takes ${channel.refusedP99Ms} ms at p99`),
    )
  }
  const reason = SLOW_BY_DESIGN[name]
  if (channel.p99Ms >= P99_LIMIT_MS) {
    findings.push(
      reason
        ? note('slow-by-design', `${name}: p99 ${channel.p99Ms} ms, reviewed: ${reason}`)
        : problem('slow-channel', `${name}: p99 ${channel.p99Ms} ms (limit ${P99_LIMIT_MS} ms)`),
    )
  }
  return findings
}

const perChannel = (channel: ChannelSummary): string =>
  `${channel.runs} runs (${channel.invalid} invalid) + ${channel.heavyCases} heavy, ` +
  `${channel.forgedSenderRuns} forged; ${channel.portCallsOnInvalid + channel.portCallsOnForged} ` +
  `port calls refused; p99 ${channel.p99Ms} ms (refused ${channel.refusedP99Ms} ms)`

/**
 * Judges a report: figures for security.json and a finding for every threshold missed. `notBefore`
 * rejects a report left over from an earlier run.
 */
export function evaluateFuzzReport(
  raw: unknown,
  channels: readonly string[],
  notBefore: Date,
): { figures: Record<string, Figure>; findings: Finding[] } {
  const parsed = ReportSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'
    return { figures: {}, findings: [problem('report-malformed', `ipc-fuzz.json: ${where}`)] }
  }
  const report = parsed.data
  const findings: Finding[] = []
  if (Date.parse(report.generatedAt) < notBefore.getTime()) {
    findings.push(problem('report-stale', `ipc-fuzz.json is from ${report.generatedAt}`))
  }
  const seen = new Map(report.channels.map((channel) => [channel.channel, channel]))
  for (const name of channels.filter((channel) => !seen.has(channel))) {
    findings.push(problem('channel-not-fuzzed', `${name} is in the contract but was not fuzzed`))
  }
  const fuzzed = report.channels
  findings.push(...fuzzed.flatMap(channelFindings))
  const uncaught = sum(fuzzed, (c) => c.uncaught) + report.processErrors
  if (report.processErrors > 0) {
    findings.push(
      problem('process-error', `${report.processErrors} unhandled rejections or exceptions`),
    )
  }
  if (report.pollution.pollutedSeen)
    findings.push(problem('polluted', '({}).polluted was defined during or after the suite'))
  for (const change of report.pollution.prototypeChanges)
    findings.push(problem('prototype-changed', change))

  const min = (pick: (c: ChannelSummary) => number): number =>
    fuzzed.length > 0 ? Math.min(...fuzzed.map(pick)) : 0
  const slowest = [...fuzzed].sort((a, b) => b.p99Ms - a.p99Ms)[0]
  const figures: Record<string, Figure> = {
    channelsFuzzed: `${channels.filter((c) => seen.has(c)).length} of ${channels.length}`,
    seed: report.seed,
    minRunsPerChannel: min((c) => c.runs),
    minForgedSenderRunsPerChannel: min((c) => c.forgedSenderRuns),
    heavyCases: sum(fuzzed, (c) => c.heavyCases),
    totalRequests: sum(fuzzed, (c) => c.runs + c.heavyCases + c.forgedSenderRuns),
    invalidRequests: sum(fuzzed, (c) => c.invalid + c.heavyCases),
    uncaught,
    portCallsOnInvalid: sum(fuzzed, (c) => c.portCallsOnInvalid),
    portCallsOnForged: sum(fuzzed, (c) => c.portCallsOnForged),
    portCallsOnValid: sum(fuzzed, (c) => c.portCallsOnValid),
    forgedRefused: `${sum(fuzzed, (c) => c.forgedSenderRuns - c.forgedNotRefused)} of ${sum(fuzzed, (c) => c.forgedSenderRuns)}`,
    polluted: report.pollution.pollutedSeen,
    prototypeChanges: report.pollution.prototypeChanges.length,
    p99Ms: Math.round(report.p99Ms * 1000) / 1000,
    maxRefusedP99Ms: Math.max(0, ...fuzzed.map((c) => c.refusedP99Ms)),
    slowestChannel: slowest ? `${slowest.channel} p99 ${slowest.p99Ms} ms` : 'none',
  }
  for (const channel of fuzzed) figures[`channel ${channel.channel}`] = perChannel(channel)
  return { figures, findings }
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** The lines of vitest's output that say what failed (counterexample, seed, assertion). */
export function failureExcerpt(output: string): string {
  const lines = output
    .replace(ANSI, '')
    .split('\n')
    .map((line) => line.trim())
  const telling = lines.filter((line) =>
    /^(FAIL|Counterexample|Error: Property failed|\{ seed|AssertionError|Error:)/.test(line),
  )
  return (telling.length > 0 ? telling : lines.filter(Boolean).slice(-6)).slice(0, 8).join(' / ')
}

export const ipcFuzzGate: Gate = {
  id: 'ipc-fuzz',
  ids: ['SEC-08', 'SEC-09'],
  name: 'IPC fuzzing: every channel, forged senders, no port reached',
  async run(context): Promise<GateResult> {
    const reportPath = join(context.root, IPC_FUZZ_REPORT)
    // A report from an earlier run must never stand in for this one.
    rmSync(reportPath, { force: true })
    const startedAt = new Date()
    const suite = await runCommand(
      'npx',
      ['vitest', 'run', '--project', 'main', '--reporter=dot', IPC_FUZZ_TEST],
      context.root,
      600_000,
    )
    const findings: Finding[] = []
    if (suite.code !== 0) {
      findings.push(
        problem(
          'suite-failed',
          `${IPC_FUZZ_TEST} failed: ${failureExcerpt(suite.stdout + suite.stderr)}`,
        ),
      )
    }
    if (!existsSync(reportPath)) {
      findings.push(problem('report-missing', `${IPC_FUZZ_REPORT} was not written`))
      return resultOf(ipcFuzzGate, {}, findings)
    }
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(reportPath, 'utf8'))
    } catch (error) {
      findings.push(problem('report-malformed', `${IPC_FUZZ_REPORT}: ${String(error)}`))
      return resultOf(ipcFuzzGate, {}, findings)
    }
    const judged = evaluateFuzzReport(raw, CHANNEL_NAMES, startedAt)
    return resultOf(ipcFuzzGate, judged.figures, [...findings, ...judged.findings])
  },
}
