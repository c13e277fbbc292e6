// npm run deps: redraws docs/dependencies.md from the code.
// npm run deps:check: fails when an import breaks a rule of docs/architecture.md › Import boundaries,
// when src/main's folders import each other in a cycle, or when docs/dependencies.md
// is not what `npm run deps` would write now. Plain messages, one per problem, then what to run.
//
// Usage: node scripts/deps/run.mjs [--check] [--root <dir>] (root: the repository, by default this
// one; the test points it at a broken fixture).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { areaCycles, folderEdges, renderPicture } from './folder-graph.mjs'

const PICTURE = 'docs/dependencies.md'
const CONFIG = '.dependency-cruiser.cjs'
const FOLDERS = ['src', 'scripts', 'tests', 'bench']

const { values } = parseArgs({
  options: { check: { type: 'boolean', default: false }, root: { type: 'string' } },
})
const root = resolve(values.root ?? join(import.meta.dirname, '../..'))
// The package exports no path to its command line, so it is found where npm installs it.
const cli = join(
  import.meta.dirname,
  '../../node_modules/dependency-cruiser/bin/dependency-cruiser.mjs',
)

/** The module graph and its rule violations, as dependency-cruiser's JSON report. */
function cruise() {
  const folders = FOLDERS.filter((folder) => existsSync(join(root, folder)))
  // Exit code 0 even with violations: the JSON reporter reports them, this script judges them.
  const json = execFileSync(
    process.execPath,
    [cli, '--config', CONFIG, '--output-type', 'json', ...folders],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  )
  return JSON.parse(json)
}

const result = cruise()
const edges = folderEdges(result.modules)
const picture = renderPicture(edges)
const picturePath = join(root, PICTURE)

if (!values.check) {
  writeFileSync(picturePath, picture)
  console.log(`deps: wrote ${PICTURE} (${edges.length} folder arrows).`)
  process.exit(0)
}

const problems = []
for (const violation of result.summary.violations) {
  const rule = violation.rule.name
  const via = violation.cycle
    ? ` (cycle: ${violation.cycle.map((step) => step.name).join(' → ')})`
    : ''
  problems.push(`${rule}: ${violation.from} imports ${violation.to}${via}`)
}
for (const cycle of areaCycles(edges)) {
  problems.push(`no-cycle-between-main-folders: ${cycle.join(', ')} import each other in a cycle`)
}
const rulesBroken = problems.length > 0
const current = existsSync(picturePath) ? readFileSync(picturePath, 'utf8') : ''
const stale = current !== picture
if (stale) problems.push(`${PICTURE} does not match the code.`)

if (problems.length === 0) {
  console.log(
    `deps:check: ${result.summary.totalCruised} files; the import rules hold and ${PICTURE} is current.`,
  )
  process.exit(0)
}
console.error(`deps:check found ${problems.length} problem(s):`)
for (const problem of problems) console.error(`  - ${problem}`)
if (rulesBroken)
  console.error(
    'Fix the imports above: the rules are docs/architecture.md › Import boundaries (and .dependency-cruiser.cjs).',
  )
if (stale) console.error(`Run \`npm run deps\` and commit ${PICTURE}.`)
process.exit(1)
