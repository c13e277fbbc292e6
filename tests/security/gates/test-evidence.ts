import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  problem,
  resultOf,
  type Figure,
  type Finding,
  type Gate,
  type GateResult,
  type RequirementId,
} from '../gate'
import { toPosix, walkFiles } from '../source-files'

/**
 * The proofs only a real browser or a real keychain can give (renderer containment, the whole-app
 * secret scan, the keychain's refusals, the error panel) run inside `npm test`, in its own D-Bus
 * session with gnome-keyring and headless Chromium. Running them a second time here would double
 * CI's slowest part, so this gate checks their outcome instead, strictly: the test file passed in
 * full in the last `npm test` (reports/vitest.json), that run is newer than every source and test
 * file, and the figures the test recorded after its assertions held (reports/evidence/*.json,
 * tests/fixtures/evidence.ts) are from that same run. Anything missing, failed or stale is red.
 */
export interface Proof {
  /** reports/evidence/<evidence>.json */
  readonly evidence: string
  readonly testFile: string
  readonly ids: readonly RequirementId[]
}

const SECURITY_E2E = 'tests/e2e/security.e2e.test.ts'
const HYGIENE_E2E = 'tests/e2e/secret-hygiene.e2e.test.ts'

export const PROOFS: readonly Proof[] = [
  { evidence: 'csp-probes', testFile: SECURITY_E2E, ids: ['SEC-03'] },
  { evidence: 'renderer-offline', testFile: SECURITY_E2E, ids: ['SEC-04'] },
  { evidence: 'renderer-globals', testFile: SECURITY_E2E, ids: ['SEC-07'] },
  {
    evidence: 'secret-hygiene-run',
    testFile: HYGIENE_E2E,
    ids: ['SEC-04', 'SEC-10', 'SEC-12', 'SEC-13', 'SEC-14'],
  },
  {
    evidence: 'keychain-round-trips',
    testFile: 'tests/keychain/keychain-store.test.ts',
    ids: ['SEC-11'],
  },
  { evidence: 'keychain-refusal', testFile: 'tests/keychain/refusal.test.ts', ids: ['SEC-11'] },
  { evidence: 'error-panel', testFile: 'tests/e2e/error-panel.e2e.test.ts', ids: ['REL-07'] },
]

interface VitestReport {
  readonly startTime: number
  readonly testResults: readonly {
    readonly name: string
    readonly status: string
    readonly assertionResults: readonly { readonly status: string; readonly fullName: string }[]
  }[]
}

interface Evidence {
  readonly recordedAt: string
  readonly figures: Record<string, Figure>
}

function readJson<T>(path: string): T | null {
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T
  } catch {
    return null
  }
}

/** The newest change to code or tests: a report older than this proves an older tree. */
function newestSourceChange(root: string): { path: string; mtimeMs: number } | null {
  let newest: { path: string; mtimeMs: number } | null = null
  for (const path of [...walkFiles(root, 'src'), ...walkFiles(root, 'tests')]) {
    const mtimeMs = statSync(join(root, path)).mtimeMs
    if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs }
  }
  return newest
}

function checkProof(
  root: string,
  report: VitestReport,
  proof: Proof,
): { figures: Record<string, Figure>; findings: Finding[] } {
  const file = report.testResults.find(
    (result) => toPosix(relative(root, result.name)) === proof.testFile,
  )
  if (!file) {
    return {
      figures: {},
      findings: [
        problem('proof-test-missing', `${proof.testFile} did not run in the last npm test`, {
          file: proof.testFile,
        }),
      ],
    }
  }
  const notPassed = file.assertionResults.filter((test) => test.status !== 'passed')
  if (file.status !== 'passed' || notPassed.length > 0 || file.assertionResults.length === 0) {
    const names = notPassed.map((test) => `${test.fullName} (${test.status})`).join('; ')
    return {
      figures: {},
      findings: [
        problem(
          'proof-test-failed',
          `${proof.testFile} did not pass in full: ${names || file.status}`,
          { file: proof.testFile },
        ),
      ],
    }
  }
  const evidencePath = join(root, 'reports', 'evidence', `${proof.evidence}.json`)
  const evidence = readJson<Evidence>(evidencePath)
  if (!evidence || typeof evidence.figures !== 'object' || evidence.figures === null) {
    return {
      figures: {},
      findings: [
        problem(
          'evidence-missing',
          `${proof.testFile} passed but recorded no figures as reports/evidence/${proof.evidence}.json`,
          { file: proof.testFile },
        ),
      ],
    }
  }
  if (!(Date.parse(evidence.recordedAt) >= report.startTime)) {
    return {
      figures: {},
      findings: [
        problem(
          'evidence-stale',
          `reports/evidence/${proof.evidence}.json is older than the last npm test`,
        ),
      ],
    }
  }
  const figures = Object.fromEntries(
    Object.entries(evidence.figures).map(([key, value]) => [`${proof.evidence}/${key}`, value]),
  )
  return {
    figures: { ...figures, [`${proof.evidence}/tests`]: file.assertionResults.length },
    findings: [],
  }
}

export const testEvidenceGate: Gate = {
  id: 'test-evidence',
  ids: ['SEC-03', 'SEC-04', 'SEC-07', 'SEC-10', 'SEC-11', 'SEC-12', 'SEC-13', 'SEC-14', 'REL-07'],
  name: 'Browser and keychain proofs from the last npm test',
  run(context): Promise<GateResult> {
    return Promise.resolve(checkEvidence(context.root, PROOFS))
  },
}

export function checkEvidence(root: string, proofs: readonly Proof[]): GateResult {
  const report = readJson<VitestReport>(join(root, 'reports', 'vitest.json'))
  if (!report || typeof report.startTime !== 'number' || !Array.isArray(report.testResults)) {
    return resultOf(testEvidenceGate, {}, [
      problem('no-test-report', 'reports/vitest.json is missing or unreadable: run npm test first'),
    ])
  }
  const findings: Finding[] = []
  const newest = newestSourceChange(root)
  if (newest && newest.mtimeMs > report.startTime) {
    findings.push(
      problem(
        'stale-test-report',
        `${newest.path} changed after the last npm test started: run npm test again`,
        { file: newest.path },
      ),
    )
  }
  const figures: Record<string, Figure> = {
    testRunStarted: new Date(report.startTime).toISOString(),
  }
  let proved = 0
  for (const proof of proofs) {
    const outcome = checkProof(root, report, proof)
    Object.assign(figures, outcome.figures)
    findings.push(...outcome.findings)
    if (outcome.findings.length === 0) proved += 1
  }
  figures.proofs = `${proved} of ${proofs.length}`
  return resultOf(testEvidenceGate, figures, findings)
}
