import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { format, resolveConfig } from 'prettier'
import type { Figure, GateResult } from './gate'
import type { Requirement } from './requirements'
import { toPosix } from './source-files'

/**
 * Regenerates the machine-written parts of docs/security.md (between marker comments), leaving the
 * hand-written threat model and notes alone.
 */

export interface TestCount {
  readonly passed: number
  readonly total: number
}

export interface DocInputs {
  readonly generatedOn: string
  readonly gates: ReadonlyMap<string, GateResult>
  /** Pass counts by repository-relative test file, from reports/vitest.json; null when absent. */
  readonly tests: ReadonlyMap<string, TestCount> | null
  readonly exists: (path: string) => boolean
}

/** Per-file pass counts from vitest's JSON report (jest-compatible shape). */
export function readVitestCounts(root: string): Map<string, TestCount> | null {
  const path = join(root, 'reports', 'vitest.json')
  if (!existsSync(path)) return null
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    testResults?: { name?: string; assertionResults?: { status?: string }[] }[]
  }
  const counts = new Map<string, TestCount>()
  for (const file of report.testResults ?? []) {
    if (typeof file.name !== 'string') continue
    const results = file.assertionResults ?? []
    counts.set(toPosix(relative(root, file.name)), {
      passed: results.filter((result) => result.status === 'passed').length,
      total: results.length,
    })
  }
  return counts
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function code(path: string): string {
  return `\`${path}\``
}

function formatFigure(value: Figure | undefined): string {
  return value === undefined ? 'n/a' : String(value)
}

function figureCell(requirement: Requirement, inputs: DocInputs): string {
  const parts: string[] = []
  for (const gate of requirement.gates ?? []) {
    const result = inputs.gates.get(gate.id)
    if (!result) {
      parts.push(`gate ${gate.id}: not run`)
      continue
    }
    const shown = gate.figures
      .filter((key) => result.figures[key] !== undefined)
      .map((key) => `${key} ${formatFigure(result.figures[key])}`)
    parts.push(
      `**${result.status === 'pass' ? 'pass' : 'FAIL'}** (${gate.id}): ${shown.join(', ')}`,
    )
  }
  for (const test of requirement.tests.filter(inputs.exists)) {
    const name = test.split('/').pop() ?? test
    const count = inputs.tests?.get(test)
    if (count) parts.push(`${name} ${count.passed}/${count.total} passed`)
    else parts.push(inputs.tests ? `${name}: not in the last test report` : name)
  }
  return parts.length > 0 ? parts.join('; ') : 'none yet'
}

function openCell(requirement: Requirement): string {
  const parts: string[] = []
  if (requirement.pending) parts.push(`pending — ${requirement.pending}`)
  if (requirement.releaseMachine) parts.push(`release machine: ${requirement.releaseMachine}`)
  return parts.join('; ') || '—'
}

/** The requirement table, one row per requirement. */
export function renderRequirementTable(
  requirements: readonly Requirement[],
  inputs: DocInputs,
): string {
  const rows = requirements.map((requirement) => {
    const metIn = requirement.metIn.filter(inputs.exists).map(code)
    const provedBy = [
      ...(requirement.gates ?? []).map((gate) => `gate \`${gate.id}\``),
      ...requirement.tests.filter(inputs.exists).map(code),
    ]
    return [
      requirement.id,
      requirement.title,
      metIn.join(', ') || 'not built yet',
      provedBy.join(', ') || 'no test yet',
      figureCell(requirement, inputs),
      openCell(requirement),
    ]
      .map(cell)
      .join(' | ')
  })
  const testNote = inputs.tests
    ? 'Test counts are from the last `npm test` (reports/vitest.json).'
    : 'No reports/vitest.json: run `npm test` before this command to show test counts.'
  return [
    `Generated on ${inputs.generatedOn} by \`npm run verify:security\`. ${testNote}`,
    '',
    '| ID | Requirement | Met in | Proved by | Current figure | Still open |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n')
}

/** The gate summary: one line per gate with its status and every figure. */
export function renderGateSummary(results: readonly GateResult[]): string {
  return results
    .map((result) => {
      const figures = Object.entries(result.figures)
        .map(([key, value]) => `${key} ${formatFigure(value)}`)
        .join(', ')
      const errors = result.findings.filter((finding) => finding.level === 'error').length
      return `- **${result.status === 'pass' ? 'pass' : 'FAIL'}** ${result.ids.join(', ')} ${result.name}: ${figures}${errors > 0 ? ` — ${errors} finding(s), see reports/security.json` : ''}`
    })
    .join('\n')
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = document.indexOf(start)
  const to = document.indexOf(end)
  if (from < 0 || to < from) throw new Error(`docs/security.md lacks the ${start} … ${end} markers`)
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`
}

/**
 * Rewrites docs/security.md's generated sections in place, formatted with the repository's
 * Prettier settings so `prettier --check` stays green after every run.
 */
export async function updateSecurityDoc(
  root: string,
  requirements: readonly Requirement[],
  results: readonly GateResult[],
  generatedOn: string,
): Promise<void> {
  const path = join(root, 'docs', 'security.md')
  const gates = new Map(results.map((result) => [result.gate, result]))
  const inputs: DocInputs = {
    generatedOn,
    gates,
    tests: readVitestCounts(root),
    exists: (file) => existsSync(join(root, file)),
  }
  let document = readFileSync(path, 'utf8')
  document = replaceSection(document, 'gates', renderGateSummary(results))
  document = replaceSection(document, 'requirements', renderRequirementTable(requirements, inputs))
  const config = (await resolveConfig(path)) ?? {}
  writeFileSync(path, await format(document, { ...config, filepath: path }))
}
