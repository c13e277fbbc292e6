import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCommand } from './dependencies'
import { updateSecurityDoc } from './docs'
import { problem, resultOf, runGuarded, type GateResult } from './gate'
import { GATES } from './registry'
import { buildReport, formatSummary, writeReport } from './report'
import { REQUIREMENTS } from './requirements'
import { formatMutations, runMutations } from './self-test'

/**
 * `npm run verify:security [-- --self-test | --skip-build | --only=a,b | --except=a,b]`: builds the bundle, runs
 * every registered gate side by side, writes reports/security.json, regenerates docs/security.md's
 * tables and prints a summary. Exit code 1 on any red gate, so CI fails.
 */

export interface CliOptions {
  readonly selfTest: boolean
  readonly skipBuild: boolean
  readonly only: readonly string[] | null
  readonly except: readonly string[]
}

export function parseArguments(argv: readonly string[]): CliOptions {
  let selfTest = false
  let skipBuild = false
  let only: string[] | null = null
  let except: string[] = []
  for (const argument of argv) {
    if (argument === '--self-test') selfTest = true
    else if (argument === '--skip-build') skipBuild = true
    else if (argument.startsWith('--only='))
      only = argument.slice('--only='.length).split(',').filter(Boolean)
    else if (argument.startsWith('--except='))
      except = argument.slice('--except='.length).split(',').filter(Boolean)
    else
      throw new Error(
        `unknown option ${argument} (use --self-test, --skip-build, --only=<gate,…>, --except=<gate,…>)`,
      )
  }
  const unknown = [...(only ?? []), ...except].filter((id) => !GATES.some((gate) => gate.id === id))
  if (unknown.length > 0) {
    throw new Error(
      `unknown gate ${unknown.join(', ')}; gates: ${GATES.map((gate) => gate.id).join(', ')}`,
    )
  }
  return { selfTest, skipBuild, only, except }
}

/** The gates read out/, so it must be the bundle of the sources being checked. */
async function build(root: string): Promise<GateResult | null> {
  const result = await runCommand('npx', ['electron-vite', 'build'], root, 600_000)
  if (result.code === 0) return null
  const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-5).join(' / ')
  return resultOf(
    { id: 'build', ids: ['SEC-02', 'SEC-12'], name: 'Bundle build for the scans' },
    {},
    [problem('build-failed', `npx electron-vite build failed: ${tail}`)],
  )
}

export async function main(argv: readonly string[], root: string): Promise<number> {
  const options = parseArguments(argv)
  const reportsDir = join(root, 'reports')
  mkdirSync(reportsDir, { recursive: true })
  const buildFailure = options.skipBuild ? null : await build(root)

  if (options.selfTest) {
    const outcomes = await runMutations(root)
    const generatedAt = new Date().toISOString()
    writeFileSync(
      join(reportsDir, 'security-self-test.json'),
      `${JSON.stringify({ generatedAt, mutations: outcomes }, null, 2)}\n`,
    )
    console.log(formatMutations(outcomes))
    return outcomes.every((outcome) => outcome.caught) && !buildFailure ? 0 : 1
  }

  const gates = GATES.filter(
    (gate) => (options.only?.includes(gate.id) ?? true) && !options.except.includes(gate.id),
  )
  // The page shows every gate's latest figures: a partial run must not overwrite it.
  const complete = gates.length === GATES.length
  const results = await Promise.all(gates.map((gate) => runGuarded(gate, { root, reportsDir })))
  const all = buildFailure ? [buildFailure, ...results] : results
  const report = buildReport(all, new Date())
  writeReport(join(reportsDir, 'security.json'), report)
  if (complete) {
    await updateSecurityDoc(root, REQUIREMENTS, all, report.generatedAt.slice(0, 10))
  }
  console.log(formatSummary(report))
  return report.status === 'pass' ? 0 : 1
}
