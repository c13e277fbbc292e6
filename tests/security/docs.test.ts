import { describe, expect, it } from 'vitest'
import { parseArguments } from './cli'
import { renderRequirementTable, replaceSection, type DocInputs } from './docs'
import { resultOf } from './gate'
import { GATES } from './registry'
import { buildReport, formatSummary } from './report'
import { REQUIREMENTS, type Requirement } from './requirements'

const ALL_IDS = [
  ...Array.from({ length: 25 }, (_, index) => `SEC-${String(index + 1).padStart(2, '0')}`),
  ...Array.from({ length: 8 }, (_, index) => `REL-${String(index + 1).padStart(2, '0')}`),
]

describe('the requirement list', () => {
  it('has every one of the 33 requirements exactly once, in order', () => {
    expect(REQUIREMENTS.map((requirement) => requirement.id)).toStrictEqual(ALL_IDS)
  })

  it('names only gates that are registered', () => {
    const registered = new Set(GATES.map((gate) => gate.id))
    const named = REQUIREMENTS.flatMap((requirement) =>
      (requirement.gates ?? []).map((gate) => gate.id),
    )
    expect(named.filter((id) => !registered.has(id))).toStrictEqual([])
  })
})

describe('docs/security.md generation', () => {
  const gate = { id: 'factory-adapters', ids: ['SEC-01' as const], name: 'Factory' }
  const inputs = (overrides: Partial<DocInputs> = {}): DocInputs => ({
    generatedOn: '2026-01-02',
    gates: new Map([
      [
        'factory-adapters',
        resultOf(
          gate,
          { filesWithNewBrowserWindow: 1, browserWindowSites: 'src/main/window.ts ×1' },
          [],
        ),
      ],
    ]),
    tests: new Map([['src/main/window.test.ts', { passed: 12, total: 12 }]]),
    exists: (path) => path === 'src/main/window.ts' || path === 'src/main/window.test.ts',
    ...overrides,
  })

  it('shows gate figures, test counts and only files that exist', () => {
    const table = renderRequirementTable(REQUIREMENTS.slice(0, 1), inputs())
    const row = table.split('\n').find((line) => line.startsWith('| SEC-01')) ?? ''
    expect(row).toContain('**pass** (factory-adapters): filesWithNewBrowserWindow 1')
    expect(row).toContain('window.test.ts 12/12 passed')
    expect(row).toContain('gate electronegativity: not run')
    expect(row).not.toContain('src/main/index.ts')
  })

  it('says "pending" and "not built yet" instead of claiming a figure', () => {
    const unfinished: Requirement = {
      id: 'REL-03',
      title: 'Crash-safe journal',
      metIn: ['src/main/flow/journal.ts'],
      tests: ['src/main/flow/journal.test.ts'],
      pending: 'the crash-injection test — issue 5',
    }
    const row =
      renderRequirementTable([unfinished], inputs({ exists: () => false }))
        .split('\n')
        .pop() ?? ''
    expect(row).toContain('not built yet')
    expect(row).toContain('none yet')
    expect(row).toContain('pending — ')
  })

  it('replaces only the text between its markers, and refuses a document without them', () => {
    const document = 'intro\n<!-- gates:start -->\nold\n<!-- gates:end -->\noutro'
    expect(replaceSection(document, 'gates', 'new')).toBe(
      'intro\n<!-- gates:start -->\nnew\n<!-- gates:end -->\noutro',
    )
    expect(() => replaceSection('no markers', 'gates', 'new')).toThrow(/markers/)
  })
})

describe('the report and the command line', () => {
  it('is red when any gate is red, and lists what made it red', () => {
    const green = resultOf({ id: 'a', ids: ['SEC-01'], name: 'A' }, { n: 0 }, [])
    const red = resultOf({ id: 'b', ids: ['SEC-22'], name: 'B' }, {}, [
      { code: 'audit-unavailable', message: 'no audit', level: 'error' },
    ])
    const report = buildReport([green, red], new Date('2026-01-02T00:00:00Z'))
    expect(report).toMatchObject({ status: 'fail', gatesPassed: 1, gatesTotal: 2 })
    expect(formatSummary(report)).toContain('x audit-unavailable: no audit')
    expect(buildReport([green], new Date()).status).toBe('pass')
    expect(buildReport([], new Date()).status).toBe('fail')
  })

  it('a note alone never turns a gate red', () => {
    const noted = resultOf({ id: 'a', ids: ['SEC-02'], name: 'A' }, {}, [
      { code: 'allowlist-stale', message: 'm', level: 'note' },
    ])
    expect(noted.status).toBe('pass')
  })

  it('parses its options and refuses unknown ones', () => {
    expect(parseArguments(['--self-test', '--skip-build'])).toStrictEqual({
      selfTest: true,
      skipBuild: true,
      only: null,
      except: [],
    })
    expect(parseArguments(['--only=dependencies']).only).toStrictEqual(['dependencies'])
    expect(parseArguments(['--except=dependencies']).except).toStrictEqual(['dependencies'])
    expect(() => parseArguments(['--except=nope'])).toThrow(/unknown gate/)
    expect(() => parseArguments(['--only=nope'])).toThrow(/unknown gate/)
    expect(() => parseArguments(['--fast'])).toThrow(/unknown option/)
  })
})
