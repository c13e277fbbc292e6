import { describe, expect, it } from 'vitest'
import { countKeytar, electronVersions, latestMajor, majorOf, parseAudit } from './dependencies'
import { uploadingCrashReporters } from './gates/dependencies-gate'

const AUDIT_CLEAN = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {},
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 0, critical: 0, total: 1 } },
})

describe('reading npm audit', () => {
  it('reads the counts of a completed audit', () => {
    expect(parseAudit(AUDIT_CLEAN)).toStrictEqual({
      ok: true,
      counts: { info: 0, low: 1, moderate: 0, high: 0, critical: 0 },
    })
  })

  it('reports an unreachable endpoint as a failure, never as zero advisories', () => {
    // What npm 11 prints when the registry refuses the bulk advisory POST.
    const refused = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    })
    const reading = parseAudit(refused)
    expect(reading.ok).toBe(false)
    expect(reading.ok ? '' : reading.reason).toMatch(/405 Method Not Allowed/)
  })

  it('reports output that is not JSON as a failure', () => {
    expect(parseAudit('npm error network').ok).toBe(false)
    expect(parseAudit('').ok).toBe(false)
  })
})

describe('the lockfile and Electron', () => {
  const manifest = JSON.stringify({ devDependencies: { electron: '45.5.0' } })
  const lock = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ packages: { 'node_modules/electron': { version: '45.5.0' }, ...extra } })

  it('counts keytar wherever it appears', () => {
    expect(countKeytar(lock())).toBe(0)
    expect(countKeytar(lock({ 'node_modules/keytar': { version: '7.9.0' } }))).toBe(1)
    expect(countKeytar('"@napi-rs/keyring": "2.1.2"')).toBe(0)
  })

  it('reads the declared and locked versions and their majors', () => {
    expect(electronVersions(manifest, lock())).toStrictEqual({
      declared: '45.5.0',
      locked: '45.5.0',
    })
    expect(majorOf('^43.1.0')).toBe(43)
    expect(Number.isNaN(majorOf('latest'))).toBe(true)
  })

  it('reads the newest major from the dist-tags, and refuses an answer without one', () => {
    expect(latestMajor(JSON.stringify({ latest: '47.0.1', beta: '48.0.0-beta.2' }))).toBe(47)
    expect(() => latestMajor(JSON.stringify({ beta: '48.0.0-beta.2' }))).toThrow(/latest/)
  })
})

describe('the crash reporter', () => {
  const source = (text: string) => [
    { path: 'src/main/index.ts', text: `import { crashReporter } from 'electron'\n${text}` },
  ]

  it('passes when it is never started, or never uploads', () => {
    expect(uploadingCrashReporters(source(''))).toStrictEqual([])
    expect(
      uploadingCrashReporters(
        source("crashReporter.start({ submitURL: '', uploadToServer: false })"),
      ),
    ).toStrictEqual([])
  })

  it('finds a start that may upload dumps', () => {
    const found = uploadingCrashReporters(
      source("crashReporter.start({ submitURL: 'https://crash.example' })"),
    )
    expect(found.map((item) => [item.code, item.line])).toStrictEqual([
      ['crash-reporter-uploads', 2],
    ])
  })
})
