import { describe, expect, it } from 'vitest'
import { buildFuseConfig, ELECTRON_FUSES, FUSE_WIRE_INDEX, fusesNotAsConfigured } from './fuses'

/** @electron/fuses's FuseV1Options as the package compiles it: a numeric enum, both directions. */
const PACKAGE_OPTIONS: Record<string, string | number> = {}
;[
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
  'WasmTrapHandlers',
].forEach((name, index) => {
  PACKAGE_OPTIONS[name] = index
  PACKAGE_OPTIONS[index] = name
})
const STATES = { ENABLE: 0x31, DISABLE: 0x30 }

describe('the release fuse configuration (SEC-21)', () => {
  it('sets the 7 fuses security.md requires, and nothing else', () => {
    expect(ELECTRON_FUSES).toStrictEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    })
    expect(Object.keys(FUSE_WIRE_INDEX).sort()).toStrictEqual(Object.keys(ELECTRON_FUSES).sort())
  })

  it("builds flipFuses' argument keyed by the package's enum values", () => {
    expect(
      buildFuseConfig(PACKAGE_OPTIONS, '1', { resetAdHocDarwinSignature: true }),
    ).toStrictEqual({
      version: '1',
      resetAdHocDarwinSignature: true,
      0: false,
      1: true,
      2: false,
      3: false,
      4: true,
      5: true,
      7: false,
    })
  })

  it('refuses a package that lacks a fuse or numbers it differently', () => {
    const { GrantFileProtocolExtraPrivileges: _dropped, ...older } = PACKAGE_OPTIONS
    expect(() => buildFuseConfig(older, '1')).toThrow(
      /no fuse named GrantFileProtocolExtraPrivileges/,
    )
    expect(() => buildFuseConfig({ ...PACKAGE_OPTIONS, RunAsNode: 9 }, '1')).toThrow(
      /puts RunAsNode at 9/,
    )
  })

  it('reads back a flipped wire: all as configured, or names the ones that are not', () => {
    const wire: Record<string, unknown> = { version: '1' }
    for (const [name, value] of Object.entries(ELECTRON_FUSES)) {
      wire[FUSE_WIRE_INDEX[name as keyof typeof FUSE_WIRE_INDEX]] = value ? 0x31 : 0x30
    }
    wire[6] = 0x31
    expect(fusesNotAsConfigured(wire, PACKAGE_OPTIONS, STATES)).toStrictEqual([])
    expect(
      fusesNotAsConfigured({ ...wire, 0: 0x31, 5: 0x90 }, PACKAGE_OPTIONS, STATES),
    ).toStrictEqual(['RunAsNode', 'OnlyLoadAppFromAsar'])
  })
})
