import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkEvidence, PROOFS, type Proof } from './test-evidence'

/**
 * The evidence gate on a made-up tree: green only when the proving test passed in full in a run
 * newer than every source file and recorded its figures during that run.
 */
const PROOF: Proof = {
  evidence: 'csp-probes',
  testFile: 'tests/e2e/x.e2e.test.ts',
  ids: ['SEC-03'],
}
let root: string
const runStart = Date.now() - 60_000

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

function report(status: string, tests: string[] = ['passed', 'passed']): void {
  write(
    'reports/vitest.json',
    JSON.stringify({
      startTime: runStart,
      testResults: [
        {
          name: join(root, PROOF.testFile),
          status,
          assertionResults: tests.map((test, index) => ({ status: test, fullName: `t${index}` })),
        },
      ],
    }),
  )
}

function evidence(recordedAt = new Date(runStart + 1_000)): void {
  write(
    'reports/evidence/csp-probes.json',
    JSON.stringify({ recordedAt: recordedAt.toISOString(), figures: { probesBlocked: '4 of 4' } }),
  )
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sua-evidence-'))
  write('src/a.ts', 'export {}\n')
  write(PROOF.testFile, '// test\n')
  const before = new Date(runStart - 10_000)
  utimesSync(join(root, 'src/a.ts'), before, before)
  utimesSync(join(root, PROOF.testFile), before, before)
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const codes = () => checkEvidence(root, [PROOF]).findings.map((finding) => finding.code)

describe('test-evidence gate', () => {
  it('passes with a full pass and fresh figures, and shows the figures', () => {
    report('passed')
    evidence()
    const result = checkEvidence(root, [PROOF])
    expect(result.status).toBe('pass')
    expect(result.figures).toMatchObject({
      'csp-probes/probesBlocked': '4 of 4',
      'csp-probes/tests': 2,
      proofs: '1 of 1',
    })
  })

  it('is red without a test report', () => {
    expect(codes()).toEqual(['no-test-report'])
  })

  it('is red when the test did not run, failed, or skipped a case', () => {
    write('reports/vitest.json', JSON.stringify({ startTime: runStart, testResults: [] }))
    expect(codes()).toEqual(['proof-test-missing'])
    report('failed', ['passed', 'failed'])
    evidence()
    expect(codes()).toEqual(['proof-test-failed'])
    report('passed', ['passed', 'skipped'])
    expect(codes()).toEqual(['proof-test-failed'])
  })

  it('is red when the figures are missing or from an earlier run', () => {
    report('passed')
    expect(codes()).toEqual(['evidence-missing'])
    evidence(new Date(runStart - 1_000))
    expect(codes()).toEqual(['evidence-stale'])
  })

  it('is red when a source file changed after the run started', () => {
    report('passed')
    evidence()
    const later = new Date(runStart + 5_000)
    utimesSync(join(root, 'src/a.ts'), later, later)
    expect(codes()).toEqual(['stale-test-report'])
  })

  it('names a real test file for every proof, each recording its figures', () => {
    for (const proof of PROOFS) {
      expect(existsSync(proof.testFile), proof.testFile).toBe(true)
      expect(readFileSync(proof.testFile, 'utf8')).toContain(`'${proof.evidence}'`)
    }
  })
})
