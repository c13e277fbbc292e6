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

const builds = await step('building the app and a bare React page', async () =>
  buildRenderers(repo),
)
let renderer: { size: ScenarioResult; firstScreen: ScenarioResult }
try {
  const size = benchRendererSize(builds.appDir, builds.bareDir)
  const browser = await step('first screen in headless Chromium', () =>
    benchFirstScreen(builds.appDir, builds.bareDir),
  )
  machine.chromium = browser.chromium
  renderer = { size, firstScreen: browser.result }
} finally {
  builds.remove()
}
// The vault first among the in-process scenarios: it opens at app start, on a fresh heap.
const vault = await step('vault at 10,000 records', () => benchVault())
const list = await step('list every asset', () => benchListAssets(latencyMs))
const assign = await step('assign 200 assets (batched and naive)', () =>
  benchAssignAssets(latencyMs),
)
const flowService = await step('the whole flow through the guided-flow service', () =>
  benchFlowService(latencyMs),
)
const flowCalls = await step('the flow’s Graph calls alone (floor reference)', () =>
  benchFlowCalls(latencyMs),
)

machine.loadAtEnd = currentLoad()
const report: BenchReport = {
  generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  durationSeconds: Math.round((performance.now() - started) / 1000),
  latencyMs,
  machine,
  // The order: Graph round trips, big businesses, the vault, then the window.
  scenarios: [list, assign, flowService, flowCalls, vault, renderer.size, renderer.firstScreen],
}
writeFileSync(join(repo, 'bench', 'results.json'), `${JSON.stringify(report, null, 2)}\n`)
writeFileSync(join(repo, 'bench', 'RESULTS.md'), renderMarkdown(report))
const missed = report.scenarios.flatMap((s) => s.figures).filter((f) => f.met === false)
console.log(
  `bench: done in ${report.durationSeconds} s; ${missed.length} target(s) missed. ` +
    'See bench/RESULTS.md.',
)
