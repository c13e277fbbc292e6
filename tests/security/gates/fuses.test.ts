import { describe, expect, it } from 'vitest'
import { ELECTRON_FUSES, FUSE_WIRE_INDEX } from '../../../scripts/release/fuses'
import { resultOf } from '../gate'
import { checkFuses, FLIP_SCRIPT, fusesGate, RELEASE_CHECK, type FuseInputs } from './fuses'

const GOOD: FuseInputs = {
  config: ELECTRON_FUSES,
  wireIndex: FUSE_WIRE_INDEX,
  flipScript: "import('@electron/fuses'); runnerImport('fuses.ts'); flipFuses(target, config)",
  packageOptions: FUSE_WIRE_INDEX,
}

const errorCodes = (findings: readonly { code: string; level: string }[]) =>
  [...new Set(findings.filter((f) => f.level === 'error').map((f) => f.code))].sort()

describe('the SEC-21 fuses gate', () => {
  it('passes on this tree: 7 of 7, with the release-machine check as a note', async () => {
    const result = await fusesGate.run({ root: process.cwd(), reportsDir: '' })
    expect(result.status).toBe('pass')
    expect(result.figures).toMatchObject({
      fusesAsRequired: '7 of 7',
      packageInstalled: 'yes',
      releaseMachine: RELEASE_CHECK,
    })
    expect(result.findings.map((f) => [f.level, f.code])).toContainEqual(['note', 'release-check'])
  })

  it('turns red on a fuse set wrong, one missing, or one unknown', () => {
    const { RunAsNode: _gone, ...withoutRunAsNode } = ELECTRON_FUSES
    const { figures, findings } = checkFuses({
      ...GOOD,
      config: {
        ...withoutRunAsNode,
        OnlyLoadAppFromAsar: false,
        LoadBrowserProcessSpecificV8Snapshot: true,
      },
    })
    expect(errorCodes(findings)).toStrictEqual(['fuse-missing', 'fuse-unknown', 'fuse-wrong'])
    expect(figures.fusesAsRequired).toBe('5 of 7')
    expect(resultOf(fusesGate, figures, findings).status).toBe('fail')
  })

  it('turns red when nothing flips the fuses', () => {
    expect(errorCodes(checkFuses({ ...GOOD, flipScript: null }).findings)).toStrictEqual([
      'flip-script-missing',
    ])
    expect(errorCodes(checkFuses({ ...GOOD, flipScript: '// TODO' }).findings)).toStrictEqual([
      'flip-script-unwired',
    ])
    expect(FLIP_SCRIPT).toBe('scripts/release/flip-fuses.mjs')
  })

  it('turns red when the installed @electron/fuses numbers a fuse differently', () => {
    const packageOptions = { ...FUSE_WIRE_INDEX, GrantFileProtocolExtraPrivileges: 6 }
    expect(errorCodes(checkFuses({ ...GOOD, packageOptions }).findings)).toStrictEqual([
      'fuse-index-mismatch',
    ])
    expect(errorCodes(checkFuses(GOOD).findings)).toStrictEqual([])
  })

  it('turns red when @electron/fuses is not installed', () => {
    expect(errorCodes(checkFuses({ ...GOOD, packageOptions: null }).findings)).toStrictEqual([
      'fuses-package-missing',
    ])
  })
})
