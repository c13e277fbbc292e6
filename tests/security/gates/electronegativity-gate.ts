import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  electronVersionOf,
  findEngDisables,
  parseSarif,
  reviewFindings,
  runElectronegativity,
  validateAllowlist,
  type EngFinding,
} from '../electronegativity'
import { note, problem, resultOf, type Finding, type Gate, type GateResult } from '../gate'
import { toPosix, walkFiles } from '../source-files'

/**
 * SEC-02: Electronegativity on the sources and on the bundle, 0 findings outside the reviewed
 * allowlist. It also scans the seeded insecure fixture, and fails if the tool does not flag it:
 * a broken or silently failing scanner must turn the gate red, not green.
 */

const HERE = import.meta.dirname
export const ALLOWLIST_FILE = join(HERE, '..', 'electronegativity-allowlist.json')
export const FIXTURE_DIRECTORY = join(HERE, '..', 'fixtures')
const SEEDED_RULE = 'NODE_INTEGRATION_JS_CHECK'
const WINDOW_FACTORY = 'src/main/window.ts'

function describe(finding: EngFinding): string {
  return `${finding.ruleId}: ${finding.message}`
}

export const electronegativityGate: Gate = {
  id: 'electronegativity',
  ids: ['SEC-02'],
  name: 'Electronegativity: 0 unreviewed findings',
  async run(context): Promise<GateResult> {
    const findings: Finding[] = []
    const { entries, problems } = validateAllowlist(
      JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8')),
    )
    findings.push(...problems)
    const electronVersion = electronVersionOf(context.root)
    const scan = (input: string, sarifName: string, prefix: string) =>
      runElectronegativity({
        cwd: context.root,
        input,
        output: join(context.reportsDir, sarifName),
        electronVersion,
      }).then((sarif) => parseSarif(sarif, prefix))

    const hasBundle = existsSync(join(context.root, 'out'))
    if (!hasBundle) findings.push(problem('bundle-missing', 'no out/ to scan: build first'))
    const fixturePrefix = toPosix(relative(context.root, FIXTURE_DIRECTORY))
    // The three scans mostly wait on npx and the tool's start-up: run them side by side.
    const [fromSource, fromBundle, fromFixture] = await Promise.all([
      scan(join(context.root, 'src'), 'electronegativity.sarif', 'src'),
      hasBundle ? scan(join(context.root, 'out'), 'electronegativity-out.sarif', 'out') : [],
      scan(FIXTURE_DIRECTORY, 'electronegativity-fixture.sarif', fixturePrefix),
    ])

    const review = reviewFindings([...fromSource, ...fromBundle], entries)
    for (const finding of review.unreviewed) {
      findings.push(problem('electronegativity-unreviewed', describe(finding), finding))
    }
    for (const { finding, entry } of review.accepted) {
      findings.push(
        note('electronegativity-accepted', `${describe(finding)}: ${entry.reason}`, finding),
      )
    }
    for (const entry of review.stale) {
      findings.push(
        note('allowlist-stale', `allowlist entry ${entry.ruleId} ${entry.file} matched nothing`),
      )
    }

    const seeded = reviewFindings(fromFixture, entries).unreviewed.filter(
      (finding) => finding.ruleId === SEEDED_RULE,
    )
    if (seeded.length === 0) {
      findings.push(
        problem(
          'scanner-blind',
          `the seeded fixture's ${SEEDED_RULE} was not reported: the scan proves nothing`,
        ),
      )
    }

    const sources = walkFiles(context.root, 'src').map((path) => ({
      path,
      text: readFileSync(join(context.root, path), 'utf8'),
    }))
    const disables = findEngDisables(sources)
    for (const disable of disables.filter((entry) => entry.reason === null)) {
      findings.push(
        problem(
          'eng-disable-unreasoned',
          `eng-disable ${disable.checks} without "-- reason"`,
          disable,
        ),
      )
    }

    const factoryWarnings = fromSource.filter(
      (finding) => finding.file === WINDOW_FACTORY && finding.level === 'warning',
    )
    return resultOf(
      electronegativityGate,
      {
        electronVersionAssumed: electronVersion,
        sourceFindings: fromSource.length,
        bundleFindings: fromBundle.length,
        accepted: review.accepted.length,
        unreviewed: review.unreviewed.length,
        allowlistEntries: entries.length,
        staleAllowlistEntries: review.stale.length,
        windowFactoryWarnings: factoryWarnings.length,
        seededFixtureFindings: fromFixture.length,
        engDisableComments: disables.length,
      },
      findings,
    )
  },
}
