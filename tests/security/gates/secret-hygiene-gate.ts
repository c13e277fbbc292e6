import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeCanaryAppSecret, makeCanaryToken } from '../../fixtures/canaries'
import { problem, resultOf, type Finding, type Gate, type GateResult } from '../gate'
import { scanFiles } from '../secret-scan'
import { repositoryFiles, walkFiles } from '../source-files'

/**
 * SEC-12 (static part): no token-shaped string in the repository's files or in the bundle. Before
 * trusting a clean result, the scanner must find canaries planted in each form it claims to see.
 */

/** The planted files and the pattern each must trip. */
function plantCanaries(directory: string): Record<string, string> {
  rmSync(directory, { recursive: true, force: true })
  mkdirSync(directory, { recursive: true })
  const token = makeCanaryToken()
  const planted: Record<string, { data: Buffer; pattern: string }> = {
    'leak.ts': { data: Buffer.from(`export const leaked = '${token}'\n`), pattern: 'token' },
    'leak-utf16.bin': { data: Buffer.from(`x${token}`, 'utf16le'), pattern: 'token-utf16le' },
    'leak-base64.txt': {
      data: Buffer.from(Buffer.from(token).toString('base64')),
      pattern: 'token-base64',
    },
    'leak.env': {
      data: Buffer.from(`APP_SECRET=${makeCanaryAppSecret()}\n`),
      pattern: 'hex-secret',
    },
  }
  const expected: Record<string, string> = {}
  for (const [name, { data, pattern }] of Object.entries(planted)) {
    writeFileSync(join(directory, name), data)
    expected[name] = pattern
  }
  return expected
}

/** Findings when the scanner misses a planted canary (it would then miss a real leak too). */
export function checkScannerSees(directory: string): Finding[] {
  const expected = plantCanaries(directory)
  const { hits } = scanFiles(directory, Object.keys(expected))
  const findings = Object.entries(expected)
    .filter(([file, pattern]) => !hits.some((hit) => hit.file === file && hit.pattern === pattern))
    .map(([file, pattern]) =>
      problem('scanner-blind', `the planted ${pattern} canary in ${file} was not found`),
    )
  rmSync(directory, { recursive: true, force: true })
  return findings
}

export const secretHygieneGate: Gate = {
  id: 'secret-hygiene',
  ids: ['SEC-12'],
  name: 'No secrets in the repository or the bundle',
  async run(context): Promise<GateResult> {
    const findings = checkScannerSees(join(context.reportsDir, 'secret-scan-canaries'))
    const files = [
      ...new Set([...repositoryFiles(context.root), ...walkFiles(context.root, 'out')]),
    ]
    const scan = scanFiles(context.root, files)
    for (const hit of scan.hits) {
      findings.push(
        problem('secret-in-tree', `${hit.pattern}-shaped string (${hit.length} characters)`, hit),
      )
    }
    for (const file of scan.tooLarge) {
      findings.push(problem('file-too-large', `${file} is too large to scan`, { file }))
    }
    return resultOf(
      secretHygieneGate,
      {
        filesScanned: scan.filesScanned,
        bytesScanned: scan.bytesScanned,
        hits: scan.hits.length,
        plantedCanariesFound: findings.some((finding) => finding.code === 'scanner-blind')
          ? 'no'
          : '4 of 4',
      },
      findings,
    )
  },
}
