/**
 * SEC-21: the Electron fuses every release flips in the packaged binary, after packaging and
 * before code signing (so the OS signature then protects the flipped bits). Names are exactly
 * @electron/fuses's `FuseV1Options` member names. This module deliberately does not import the
 * package: the configuration, and the gate that checks it, work in a tree where it is not
 * installed; scripts/release/flip-fuses.mjs maps the names to the package's enum at release time.
 */

export const ELECTRON_FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node runtime.
  RunAsNode: false,
  // Cookies on disk are encrypted with the OS key, like Chrome's.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could preload arbitrary code into main.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect would let any local process attach a debugger to main.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded at packaging (macOS, Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, so the integrity check above cannot be sidestepped with a folder.
  OnlyLoadAppFromAsar: true,
  // file:// gets no extra privileges; the UI is served from app:// (src/main/app-protocol.ts).
  GrantFileProtocolExtraPrivileges: false,
} as const satisfies Record<string, boolean>

export type FuseName = keyof typeof ELECTRON_FUSES

/**
 * Each fuse's position on Electron's fuse wire, as @electron/fuses numbers `FuseV1Options`. Used
 * to check the package installed at release time names the same fuses we mean.
 */
export const FUSE_WIRE_INDEX: Readonly<Record<FuseName, number>> = {
  RunAsNode: 0,
  EnableCookieEncryption: 1,
  EnableNodeOptionsEnvironmentVariable: 2,
  EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4,
  OnlyLoadAppFromAsar: 5,
  GrantFileProtocolExtraPrivileges: 7,
}

/** @electron/fuses's `FuseV1Options`: a numeric TypeScript enum (name → index and back). */
export type FuseEnum = Readonly<Record<string, string | number>>

/** The package's index for a fuse name, or an error naming what the installed package lacks. */
function indexOf(options: FuseEnum, name: FuseName): number {
  const index = options[name]
  if (typeof index !== 'number') {
    throw new Error(`@electron/fuses has no fuse named ${name}: update the package`)
  }
  if (index !== FUSE_WIRE_INDEX[name]) {
    throw new Error(`@electron/fuses puts ${name} at ${index}, expected ${FUSE_WIRE_INDEX[name]}`)
  }
  return index
}

/** The argument for `flipFuses(binary, config)`, keyed by the package's own enum values. */
export function buildFuseConfig(
  options: FuseEnum,
  version: string,
  extra: { readonly resetAdHocDarwinSignature?: boolean } = {},
): Record<string, string | boolean> {
  const config: Record<string, string | boolean> = { version, ...extra }
  for (const [name, value] of Object.entries(ELECTRON_FUSES) as [FuseName, boolean][]) {
    config[String(indexOf(options, name))] = value
  }
  return config
}

/** The byte states @electron/fuses reads back (`FuseState`: '0' disabled, '1' enabled). */
export interface FuseStates {
  readonly ENABLE: number
  readonly DISABLE: number
}

/** Names of fuses whose state in a read-back wire (`getCurrentFuseWire`) is not the configured one. */
export function fusesNotAsConfigured(
  wire: Readonly<Record<string, unknown>>,
  options: FuseEnum,
  states: FuseStates,
): FuseName[] {
  return (Object.entries(ELECTRON_FUSES) as [FuseName, boolean][])
    .filter(
      ([name, value]) => wire[indexOf(options, name)] !== (value ? states.ENABLE : states.DISABLE),
    )
    .map(([name]) => name)
}
