import { writeFileSync } from 'node:fs'
import type { GateResult } from './gate'

/** reports/security.json: every gate's result, and the overall verdict CI acts on. */
export interface SecurityReport {
  readonly generatedAt: string
  readonly status: 'pass' | 'fail'
  readonly gatesPassed: number
  readonly gatesTotal: number
  readonly gates: readonly GateResult[]
}

export function buildReport(results: readonly GateResult[], generatedAt: Date): SecurityReport {
  const passed = results.filter((result) => result.status === 'pass').length
  return {
    generatedAt: generatedAt.toISOString(),
    status: passed === results.length && results.length > 0 ? 'pass' : 'fail',
    gatesPassed: passed,
    gatesTotal: results.length,
    gates: results,
  }
}

export function writeReport(path: string, report: SecurityReport): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
}

const MAX_LISTED = 15

/** The readable summary printed to stdout: a line per gate, its figures, and what made it red. */
export function formatSummary(report: SecurityReport): string {
  const lines = [`Security gates: ${report.gatesPassed} of ${report.gatesTotal} green`]
  for (const gate of report.gates) {
    const mark = gate.status === 'pass' ? 'PASS' : 'FAIL'
    lines.push(`  ${mark}  ${gate.ids.join(', ').padEnd(16)} ${gate.name}`)
    const figures = Object.entries(gate.figures).map(([key, value]) => `${key}=${String(value)}`)
    if (figures.length > 0) lines.push(`        ${figures.join('  ')}`)
    const errors = gate.findings.filter((finding) => finding.level === 'error')
    for (const finding of errors.slice(0, MAX_LISTED)) {
      const where = finding.file
        ? ` [${finding.file}${finding.line ? `:${finding.line}` : ''}]`
        : ''
      lines.push(`        x ${finding.code}: ${finding.message}${where}`)
    }
    if (errors.length > MAX_LISTED)
      lines.push(`        … and ${errors.length - MAX_LISTED} more in the report`)
    const notes = gate.findings.length - errors.length
    if (notes > 0) lines.push(`        (${notes} reviewed note(s) in reports/security.json)`)
  }
  lines.push(report.status === 'pass' ? 'verify:security: green' : 'verify:security: RED')
  return lines.join('\n')
}
