import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger, fileSink } from '../../../src/main/log'
import { resultOf } from '../gate'
import { checkLogRedaction, logRedactionGate, type LoggerApi } from './log-redaction'

/** The real file sink behind a logger that forgot to redact: what the gate exists to catch. */
const unredacted: LoggerApi = {
  fileSink,
  createLogger: (sinks) => {
    const emit = (event: string, fields?: Record<string, unknown>) => {
      const line = JSON.stringify({ event, ...fields })
      for (const sink of sinks) sink.write(line)
    }
    return { debug: emit, info: emit, warn: emit, error: emit }
  },
}

const errorCodes = (findings: readonly { code: string; level: string }[]) =>
  [...new Set(findings.filter((f) => f.level === 'error').map((f) => f.code))].sort()

describe('the SEC-13 log-redaction gate', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sua-log-gate-test-'))
  })
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  it('passes on this tree: 10,000 cases, 0 canaries in the log, planted ones found', async () => {
    const result = await logRedactionGate.run({ root: process.cwd(), reportsDir: '' })
    expect(result.findings).toStrictEqual([])
    expect(result.status).toBe('pass')
    expect(result.figures).toMatchObject({ cases: 10_000, canaryHits: 0, plantedFound: '4 of 4' })
    expect(result.figures.logBytes).toBeGreaterThan(1_000_000)
  }, 120_000)

  it('covers every kind of hiding place', () => {
    const { figures } = checkLogRedaction({ createLogger, fileSink }, dataDir, {
      seed: 3,
      cases: 2_000,
    })
    for (const kind of ['text', 'json', 'url', 'error', 'stack', 'header', 'key-value']) {
      expect(String(figures.byKind)).toMatch(new RegExp(`\\b${kind} [1-9]`))
    }
  })

  it('turns red on a logger that does not redact', () => {
    const { figures, findings } = checkLogRedaction(unredacted, dataDir, { seed: 5, cases: 500 })
    expect(errorCodes(findings)).toStrictEqual(['canary-in-log'])
    expect(figures.canaryHits).toBeGreaterThan(100)
    expect(resultOf(logRedactionGate, figures, findings).status).toBe('fail')
    // A finding says where and in which form, never the value it found.
    expect(findings.every((f) => !/EAA[A-Za-z0-9]{20}|[0-9a-f]{32}/i.test(f.message))).toBe(true)
  })

  it('turns red when the scanner is blind (the planted control)', () => {
    const { figures, findings } = checkLogRedaction({ createLogger, fileSink }, dataDir, {
      seed: 9,
      cases: 100,
      scan: () => [],
    })
    expect(errorCodes(findings)).toStrictEqual(['scanner-blind'])
    expect(figures.plantedFound).toBe('0 of 4')
  })
})
