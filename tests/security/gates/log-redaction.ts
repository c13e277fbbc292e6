import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type * as LoggerModule from '../../../src/main/log'
import {
  encodingsOf,
  makeCanaryToken,
  scanForCanaries,
  type CanaryEncoding,
  type CanaryHit,
} from '../../fixtures/canaries'
import { problem, resultOf, type Finding, type Gate, type GateResult } from '../gate'
import { importFromTree } from '../preload-runtime'
import { logCase } from './log-redaction-cases'

/**
 * SEC-13: secrets never reach the log file. Generated cases go through the app's real logger
 * (loaded from the tree being checked, so the self-test's copies are judged) into a real file,
 * exactly as main writes `<userData>/logs/main.log`; the file is then scanned with the canary
 * scanner the hygiene end-to-end test uses, in all four encodings. A clean scan only counts if
 * the same scan finds canaries planted in the same file afterwards.
 */

export const LOG_CASES = 10_000
export const LOG_FILE = join('logs', 'main.log')

export type LoggerApi = Pick<typeof LoggerModule, 'createLogger' | 'fileSink'>
export type Scanner = (data: Buffer, canaries: readonly string[]) => CanaryHit[]

export interface LogCheckOptions {
  readonly seed: number
  readonly cases?: number
  /** Stand-in scanner for tests that must prove the planted control catches a blind scan. */
  readonly scan?: Scanner
}

/** Writes one canary in each encoding straight into the file, bypassing the logger. */
function plantCanaries(file: string): { canary: string; encoding: CanaryEncoding }[] {
  const token = makeCanaryToken()
  // A token URL-encodes to itself; an app token's "|" makes its URL form differ from raw.
  const appToken = `1234567890|${makeCanaryToken().slice(4, 40)}`
  const planted = [
    { canary: token, encoding: 'raw' as const },
    { canary: makeCanaryToken(), encoding: 'base64' as const },
    { canary: appToken, encoding: 'url' as const },
    { canary: makeCanaryToken(), encoding: 'utf16le' as const },
  ]
  for (const { canary, encoding } of planted) {
    appendFileSync(file, Buffer.concat([encodingsOf(canary)[encoding], Buffer.from('\n')]))
  }
  return planted
}

/** Runs the cases through `loggerApi` into `<dataDir>/logs/main.log` and scans what it wrote. */
export function checkLogRedaction(
  loggerApi: LoggerApi,
  dataDir: string,
  options: LogCheckOptions,
): { figures: Record<string, string | number>; findings: Finding[] } {
  const scan: Scanner = options.scan ?? ((data, canaries) => scanForCanaries(data, canaries))
  const log = loggerApi.createLogger([loggerApi.fileSink(dataDir)], 'debug')
  const file = join(dataDir, LOG_FILE)
  const cases = fc.sample(logCase, { numRuns: options.cases ?? LOG_CASES, seed: options.seed })
  // Each case's bytes, so each is scanned for its own canaries only (scanning 10 MB for 10,000
  // sets of canaries would take minutes and find nothing more: the sink writes synchronously).
  const ranges: { start: number; end: number }[] = []
  let end = 0
  for (const sample of cases) {
    const start = end
    sample.write(log)
    end = statSync(file, { throwIfNoEntry: false })?.size ?? 0
    ranges.push({ start, end })
  }

  const contents = readFileSync(file)
  const leaks = new Map<string, { count: number; firstAt: number }>()
  let canaryHits = 0
  cases.forEach((sample, index) => {
    const range = ranges[index] ?? { start: 0, end: 0 }
    for (const hit of scan(contents.subarray(range.start, range.end), sample.canaries)) {
      canaryHits += 1
      const key = `${sample.kind} (${hit.encoding})`
      const seen = leaks.get(key) ?? { count: 0, firstAt: range.start + hit.offset }
      leaks.set(key, { ...seen, count: seen.count + 1 })
    }
  })
  const findings: Finding[] = [...leaks].map(([key, { count, firstAt }]) =>
    problem(
      'canary-in-log',
      `${count} canaries from ${key} cases reached the log file (first at byte ${firstAt})`,
    ),
  )

  const planted = plantCanaries(file)
  const withPlanted = readFileSync(file)
  const found = planted.filter(({ canary, encoding }) =>
    scan(withPlanted, [canary]).some((hit) => hit.encoding === encoding),
  )
  for (const { encoding } of planted.filter((p) => !found.includes(p))) {
    findings.push(
      problem('scanner-blind', `a canary written ${encoding} into the log file was not found`),
    )
  }

  const kinds = new Map<string, number>()
  for (const sample of cases) kinds.set(sample.kind, (kinds.get(sample.kind) ?? 0) + 1)
  return {
    figures: {
      seed: options.seed,
      cases: cases.length,
      byKind: [...kinds].map(([kind, count]) => `${kind} ${count}`).join(', '),
      logBytes: contents.length,
      canaryHits,
      plantedFound: `${found.length} of ${planted.length}`,
    },
    findings,
  }
}

export const logRedactionGate: Gate = {
  id: 'log-redaction',
  ids: ['SEC-13'],
  name: 'Log redaction: no canary reaches the log file',
  async run(context): Promise<GateResult> {
    const loggerApi = await importFromTree<typeof LoggerModule>(
      context.root,
      'src/main/log/logger.ts',
    )
    // The file holds canaries, and planted ones on purpose: it never outlives the run.
    const dataDir = mkdtempSync(join(tmpdir(), 'sua-log-gate-'))
    try {
      const seed = Date.now() % 2 ** 31
      const { figures, findings } = checkLogRedaction(loggerApi, dataDir, { seed })
      return resultOf(logRedactionGate, figures, findings)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
}
