import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { runCommand } from '../dependencies'
import { note, problem, resultOf, type Finding, type Gate, type GateResult } from '../gate'

/**
 * REL-01…06 under faults: the practice simulator's fault injector drives the whole guided flow
 * (createFlowService) through latency, 5xx, codes 1/2, throttling with usage headers, dropped
 * connections and lost answers, over 200 seeded runs; a hung request is abandoned at the client's
 * timeout while IPC is pinged through the real dispatcher. The suite (reliability/suite.ts) runs
 * in its own process (reliability/run.mjs): its timings must not share an event loop with the
 * other gates. Every run must end completed, or stopped resumable with a plain message and then
 * completed; with exactly one system user, no token lost, no request to a throttled bucket before
 * its regain time and no blind retry of a create. A finding names the seed that replays its run.
 */

export const RELIABILITY_REPORT = join('reports', 'reliability.json')
const RUNNER = join('tests', 'security', 'reliability', 'run.mjs')

export const RELIABILITY_OPTIONS = {
  runs: 200,
  /** Fixed, so a red run is the same red run on every machine: run i uses seed base + i. */
  baseSeed: 20_260_700,
  concurrency: 2,
  /** The client's own timeout (no override): REL-06 says 30 s ± 1 s. */
  hang: { pingEveryMs: 25 },
  expectedTimeoutMs: 30_000,
  toleranceMs: 1_000,
} as const

const FindingSchema = z.object({
  code: z.string(),
  message: z.string(),
  level: z.enum(['error', 'note']),
})
const ReportSchema = z.object({
  generatedAt: z.iso.datetime(),
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  findings: z.array(FindingSchema),
})

/** Judges the suite's report: its figures as they are, its findings rebuilt through problem/note. */
export function evaluateReliabilityReport(
  raw: unknown,
  notBefore: Date,
): { figures: GateResult['figures']; findings: Finding[] } {
  const parsed = ReportSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'
    return { figures: {}, findings: [problem('report-malformed', `reliability.json: ${where}`)] }
  }
  const report = parsed.data
  const findings = report.findings.map((finding) =>
    finding.level === 'error'
      ? problem(finding.code, finding.message)
      : note(finding.code, finding.message),
  )
  if (Date.parse(report.generatedAt) < notBefore.getTime()) {
    findings.push(problem('report-stale', `reliability.json is from ${report.generatedAt}`))
  }
  if (report.figures.runs !== RELIABILITY_OPTIONS.runs) {
    findings.push(
      problem(
        'too-few-runs',
        `${String(report.figures.runs)} runs, not ${RELIABILITY_OPTIONS.runs}`,
      ),
    )
  }
  return { figures: report.figures, findings }
}

export const reliabilityGate: Gate = {
  id: 'reliability',
  ids: ['REL-01', 'REL-02', 'REL-03', 'REL-04', 'REL-05', 'REL-06'],
  name: 'Reliability under faults: seeded fault runs, throttling, a hung request',
  async run(context): Promise<GateResult> {
    const reportPath = join(context.root, RELIABILITY_REPORT)
    // A report from an earlier run must never stand in for this one.
    rmSync(reportPath, { force: true })
    const startedAt = new Date()
    const suite = await runCommand(
      process.execPath,
      [join(context.root, RUNNER), context.root, JSON.stringify(RELIABILITY_OPTIONS), reportPath],
      context.root,
      300_000,
    )
    const findings: Finding[] = []
    if (suite.code !== 0) {
      const tail = `${suite.stdout}\n${suite.stderr}`.trim().split('\n').slice(-4).join(' / ')
      findings.push(problem('suite-crashed', `the reliability suite failed: ${tail}`))
    }
    if (!existsSync(reportPath)) {
      findings.push(problem('report-missing', `${RELIABILITY_REPORT} was not written`))
      return resultOf(reliabilityGate, {}, findings)
    }
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(reportPath, 'utf8'))
    } catch (error) {
      findings.push(problem('report-malformed', `${RELIABILITY_REPORT}: ${String(error)}`))
      return resultOf(reliabilityGate, {}, findings)
    }
    const judged = evaluateReliabilityReport(raw, startedAt)
    return resultOf(reliabilityGate, judged.figures, [...findings, ...judged.findings])
  },
}
