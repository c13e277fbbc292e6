import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  findEngDisables,
  matchesPath,
  parseSarif,
  reviewFindings,
  validateAllowlist,
  type AllowlistEntry,
  type EngFinding,
} from './electronegativity'
import { ALLOWLIST_FILE } from './gates/electronegativity-gate'

/** A SARIF log in the shape electronegativity 1.10.3 writes (util/file.js). */
function sarif(results: { ruleId: string; level: string; uri: string; line: number }[]) {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', rules: [] } },
        results: results.map((result) => ({
          ruleId: result.ruleId,
          level: result.level,
          message: { text: `${result.ruleId} text` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: result.uri },
                region: { startLine: result.line, startColumn: 1, charLength: 3 },
              },
            },
          ],
        })),
      },
    ],
  }
}

const REASON = 'Reviewed: the options come from a pinned builder function.'

function finding(ruleId: string, file: string, line = 1): EngFinding {
  return { ruleId, file, line, level: 'warning', message: '' }
}

describe('reading the SARIF', () => {
  it('prefixes relative paths with the scanned folder and keeps rule, level and line', () => {
    const parsed = parseSarif(
      sarif([
        { ruleId: 'SANDBOX_JS_CHECK', level: 'warning', uri: 'main/window.ts', line: 99 },
        { ruleId: 'CSP_GLOBAL_CHECK', level: 'warning', uri: 'file:///', line: 1 },
      ]),
      'src',
    )
    expect(parsed).toStrictEqual([
      {
        ruleId: 'SANDBOX_JS_CHECK',
        level: 'warning',
        file: 'src/main/window.ts',
        line: 99,
        message: 'SANDBOX_JS_CHECK text',
      },
      {
        ruleId: 'CSP_GLOBAL_CHECK',
        level: 'warning',
        file: 'src/(global)',
        line: 1,
        message: 'CSP_GLOBAL_CHECK text',
      },
    ])
  })

  it('throws on something that is not a SARIF log, rather than reading it as clean', () => {
    expect(() => parseSarif({}, 'src')).toThrow(/not a SARIF log/)
    expect(() => parseSarif({ runs: [{}] }, 'src')).toThrow(/not a SARIF log/)
  })
})

describe('the allowlist', () => {
  it('accepts entries with a rule, a file and a real reason', () => {
    const { entries, problems } = validateAllowlist([
      { ruleId: 'SANDBOX_JS_CHECK', file: 'src/main/window.ts', reason: REASON },
    ])
    expect(problems).toStrictEqual([])
    expect(entries).toHaveLength(1)
  })

  it.each([
    ['no reason', { ruleId: 'SANDBOX_JS_CHECK', file: 'src/a.ts' }],
    ['a token reason', { ruleId: 'SANDBOX_JS_CHECK', file: 'src/a.ts', reason: 'ok' }],
    ['no file', { ruleId: 'SANDBOX_JS_CHECK', reason: REASON }],
    ['an unknown key', { ruleId: 'SANDBOX_JS_CHECK', file: 'src/a.ts', reason: REASON, line: 3 }],
    ['a zero max', { ruleId: 'SANDBOX_JS_CHECK', file: 'src/a.ts', reason: REASON, max: 0 }],
  ])('refuses an entry with %s', (_label, entry) => {
    expect(validateAllowlist([entry]).problems.map((problem) => problem.code)).toStrictEqual([
      'allowlist-invalid',
    ])
  })

  it('the reviewed allowlist in the repository is valid', () => {
    const { entries, problems } = validateAllowlist(
      JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8')),
    )
    expect(problems).toStrictEqual([])
    expect(entries.length).toBeGreaterThan(0)
  })

  it('matches * inside one folder and ** across folders', () => {
    expect(matchesPath('out/main/chunks/*.js', 'out/main/chunks/settings-RBspSCCA.js')).toBe(true)
    expect(matchesPath('out/main/chunks/*.js', 'out/main/chunks/deep/x.js')).toBe(false)
    expect(matchesPath('out/**/x.js', 'out/main/chunks/deep/x.js')).toBe(true)
    expect(matchesPath('src/main/window.ts', 'src/main/window.tsx')).toBe(false)
  })
})

describe('reviewing findings', () => {
  const entry: AllowlistEntry = {
    ruleId: 'SANDBOX_JS_CHECK',
    file: 'src/main/window.ts',
    reason: REASON,
  }

  it('accepts a reviewed finding and leaves others unreviewed', () => {
    const review = reviewFindings(
      [
        finding('SANDBOX_JS_CHECK', 'src/main/window.ts'),
        finding('NODE_INTEGRATION_JS_CHECK', 'src/main/window.ts'),
      ],
      [entry],
    )
    expect(review.accepted).toHaveLength(1)
    expect(review.unreviewed.map((item) => item.ruleId)).toStrictEqual([
      'NODE_INTEGRATION_JS_CHECK',
    ])
    expect(review.stale).toStrictEqual([])
  })

  it('covers one finding per entry unless max says more: a second window stays unreviewed', () => {
    const findings = [
      finding('SANDBOX_JS_CHECK', 'src/main/window.ts', 10),
      finding('SANDBOX_JS_CHECK', 'src/main/window.ts', 20),
    ]
    expect(reviewFindings(findings, [entry]).unreviewed).toHaveLength(1)
    expect(reviewFindings(findings, [{ ...entry, max: 2 }]).unreviewed).toHaveLength(0)
  })

  it('does not accept the same rule in another file', () => {
    expect(
      reviewFindings([finding('SANDBOX_JS_CHECK', 'src/main/popup.ts')], [entry]).unreviewed,
    ).toHaveLength(1)
  })

  it('lists entries that matched nothing as stale', () => {
    expect(reviewFindings([], [entry]).stale).toStrictEqual([entry])
  })
})

describe('eng-disable comments', () => {
  it('requires a reason after " -- "', () => {
    const found = findEngDisables([
      {
        path: 'src/main/a.ts',
        text: [
          'const a = 1 // eng-disable SANDBOX_JS_CHECK -- the sandbox is forced by app.enableSandbox()',
          '/* eng-disable OPEN_EXTERNAL_JS_CHECK */',
          '<!-- eng-disable CSP_GLOBAL_CHECK -->',
          'const plain = "no suppression here"',
        ].join('\n'),
      },
    ])
    expect(found.map((item) => [item.line, item.checks, item.reason !== null])).toStrictEqual([
      [1, 'SANDBOX_JS_CHECK', true],
      [2, 'OPEN_EXTERNAL_JS_CHECK', false],
      [3, 'CSP_GLOBAL_CHECK', false],
    ])
  })
})
