/**
 * `npm run bench` (through bench/run.mjs): every figure of the "Benchmarks" issue in one run, so
 * figures that are compared (batched vs naive, app vs bare React page) share one machine state.
 * Writes bench/results.json (every run; not committed) and bench/RESULTS.md (committed).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchAssignAssets } from './scenarios/assign-assets'
import { benchFlowCalls } from './scenarios/flow-calls'
import { benchFlowService } from './scenarios/flow-service'
import { benchListAssets } from './scenarios/list-assets'
import { benchFirstScreen } from './scenarios/renderer-first-screen'
import { benchRendererSize } from './scenarios/renderer-size'
import { benchVault } from './scenarios/vault'
import { buildRenderers } from './support/builds'
import type { ScenarioResult } from './support/figures'
import { latencyFromEnv } from './support/graph-rig'
import { currentLoad, describeMachine } from './support/machine'
import { renderMarkdown, type BenchReport } from './support/report'

const repo = process.env.SUA_REPO ?? process.cwd()
const started = performance.now()
const latencyMs = latencyFromEnv()
const machine = describeMachine()

const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const start = performance.now()
  process.stdout.write(`bench: ${name}… `)
  const value = await work()
  process.stdout.write(`${((performance.now() - start) / 1000).toFixed(1)} s\n`)
  return value
}

/**
 * `npm run bench -- --only=flow` (comma-separated: renderer, vault, list, assign, flow) runs only
 * those scenarios and prints their figures, writing neither results.json nor RESULTS.md: the
 * committed report always comes from one whole run, so its figures share one machine state.
 */
const GROUPS = ['renderer', 'vault', 'list', 'assign', 'flow'] as const
type Group = (typeof GROUPS)[number]
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='))
const only = onlyArg
  ? new Set(onlyArg.slice('--only='.length).split(',').filter(Boolean))
  : undefined
const unknown = [...(only ?? [])].filter((name) => !(GROUPS as readonly string[]).includes(name))
if (unknown.length > 0 || only?.size === 0) {
  console.error(`bench: --only takes some of ${GROUPS.join(', ')}; got "${onlyArg ?? ''}"`)
  process.exit(2)
}
const wanted = (group: Group) => only === undefined || only.has(group)

const scenarios: ScenarioResult[] = []
if (wanted('renderer')) {
  const builds = await step('building the app and a bare React page', async () =>
    buildRenderers(repo),
  )
  try {
    const size = benchRendererSize(builds.appDir, builds.bareDir)
    const browser = await step('first screen in headless Chromium', () =>
      benchFirstScreen(builds.appDir, builds.bareDir),
    )
    machine.chromium = browser.chromium
    scenarios.push(size, browser.result)
  } finally {
    builds.remove()
  }
}
// The vault first among the in-process scenarios: it opens at app start, on a fresh heap.
if (wanted('vault')) scenarios.push(await step('vault at 10,000 records', () => benchVault()))
if (wanted('list')) {
  scenarios.push(await step('list every asset', () => benchListAssets(latencyMs)))
}
if (wanted('assign')) {
  scenarios.push(
    await step('assign 200 assets (batched and naive)', () => benchAssignAssets(latencyMs)),
  )
}
if (wanted('flow')) {
  scenarios.push(
    await step('the whole flow through the guided-flow service', () => benchFlowService(latencyMs)),
    await step('the flow’s Graph calls alone (floor reference)', () => benchFlowCalls(latencyMs)),
  )
}
// The issue's order: Graph round trips, big businesses, the vault, then the window.
const ORDER = [
  'list-assets',
  'assign-assets',
  'flow-service',
  'flow-calls',
  'vault',
  'renderer-size',
  'renderer-first-screen',
]
const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length)
scenarios.sort((a, b) => rank(a.id) - rank(b.id))

machine.loadAtEnd = currentLoad()
const report: BenchReport = {
  generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  durationSeconds: Math.round((performance.now() - started) / 1000),
  latencyMs,
  machine,
  scenarios,
}
if (only) {
  for (const scenario of scenarios) {
    console.log(`\n${scenario.title}`)
    for (const line of scenario.method) console.log(`  - ${line}`)
    for (const f of scenario.figures) {
      const verdict = f.met === undefined ? '' : f.met ? ' (target met)' : ' (target NOT met)'
      console.log(
        `  ${f.label}: median ${f.median} ${f.unit} [${f.min}–${f.max}]` +
          `${f.target ? `, target ${f.target.text}` : ''}${verdict}`,
      )
    }
  }
  console.log('\nbench: --only run; bench/RESULTS.md and bench/results.json left as they were.')
  process.exit(0)
}
writeFileSync(join(repo, 'bench', 'results.json'), `${JSON.stringify(report, null, 2)}\n`)
writeFileSync(join(repo, 'bench', 'RESULTS.md'), renderMarkdown(report))
const missed = report.scenarios.flatMap((s) => s.figures).filter((f) => f.met === false)
console.log(
  `bench: done in ${report.durationSeconds} s; ${missed.length} target(s) missed. ` +
    'See bench/RESULTS.md.',
)
