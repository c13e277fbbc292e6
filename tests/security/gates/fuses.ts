import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { runnerImport } from 'vite'
import type * as FusesModule from '../../../scripts/release/fuses'
import { note, problem, resultOf, type Finding, type Gate, type GateResult } from '../gate'
import { importFromTree } from '../preload-runtime'

/**
 * SEC-21 (the part a tree can show): the release's fuse configuration sets the seven fuses
 * docs/security-requirements.md requires, with @electron/fuses's names, and a release step flips
 * them. Whether a packaged binary really carries them is only visible on the release machine, so
 * the gate says how to check there instead of pretending to.
 */

/**
 * docs/security-requirements.md SEC-21, restated here so the configuration is checked against the
 * requirement.
 */
export const REQUIRED_FUSES: Readonly<Record<string, boolean>> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
}

export const FUSES_CONFIG = 'scripts/release/fuses.ts'
export const FLIP_SCRIPT = 'scripts/release/flip-fuses.mjs'
export const RELEASE_CHECK = 'npx @electron/fuses read --app <packaged app>'

export interface FuseInputs {
  readonly config: Readonly<Record<string, unknown>>
  readonly wireIndex: Readonly<Record<string, unknown>>
  /** The flip script's text, or null when it is missing. */
  readonly flipScript: string | null
  /** @electron/fuses's FuseV1Options when the package is installed, else null. */
  readonly packageOptions: Readonly<Record<string, unknown>> | null
}

export function checkFuses(inputs: FuseInputs): {
  figures: Record<string, string>
  findings: Finding[]
} {
  const findings: Finding[] = []
  const required = Object.entries(REQUIRED_FUSES)
  let asRequired = 0
  for (const [name, value] of required) {
    const actual = inputs.config[name]
    if (actual === undefined) {
      findings.push(problem('fuse-missing', `${name} is not configured (SEC-21: ${value})`))
    } else if (actual !== value) {
      findings.push(
        problem('fuse-wrong', `${name} is ${JSON.stringify(actual)}, SEC-21 requires ${value}`),
      )
    } else {
      asRequired += 1
    }
    if (typeof inputs.wireIndex[name] !== 'number') {
      findings.push(problem('fuse-unmapped', `${name} has no fuse-wire index in ${FUSES_CONFIG}`))
    }
  }
  for (const name of Object.keys(inputs.config).filter((n) => !(n in REQUIRED_FUSES))) {
    findings.push(problem('fuse-unknown', `${name} is configured but is not one of SEC-21's fuses`))
  }
  if (inputs.packageOptions) {
    for (const [name] of required) {
      const index = inputs.packageOptions[name]
      if (index !== inputs.wireIndex[name]) {
        findings.push(
          problem(
            'fuse-index-mismatch',
            `@electron/fuses puts ${name} at ${String(index)}, ${FUSES_CONFIG} expects ${String(inputs.wireIndex[name])}`,
          ),
        )
      }
    }
  } else {
    // A devDependency: without it the wire positions above go unchecked and nothing can flip.
    findings.push(
      problem('fuses-package-missing', '@electron/fuses is not installed: run npm install'),
    )
  }
  if (inputs.flipScript === null) {
    findings.push(problem('flip-script-missing', `${FLIP_SCRIPT} is missing: nothing flips them`))
  } else if (!/flipFuses\(/.test(inputs.flipScript) || !inputs.flipScript.includes('fuses.ts')) {
    findings.push(
      problem('flip-script-unwired', `${FLIP_SCRIPT} does not flip the fuses of ${FUSES_CONFIG}`),
    )
  }
  findings.push(
    note('release-check', `on the release machine, after packaging: ${RELEASE_CHECK} (7 of 7)`),
  )
  return {
    figures: {
      fusesAsRequired: `${asRequired} of ${required.length}`,
      packageInstalled: inputs.packageOptions ? 'yes' : 'no',
      releaseMachine: RELEASE_CHECK,
    },
    findings,
  }
}

/** FuseV1Options of the @electron/fuses installed for the tree at `root`, if there is one. */
async function packageOptions(root: string): Promise<Record<string, unknown> | null> {
  let entry: string
  try {
    entry = createRequire(join(root, 'package.json')).resolve('@electron/fuses')
  } catch {
    return null
  }
  // Through Vite's module runner, not import(): verify.mjs runs the gates inside a runner that has
  // closed by the time they run, and a bare import() here would be routed to it.
  const { module } = await runnerImport<{ FuseV1Options?: Record<string, unknown> }>(entry, {
    configFile: false,
    logLevel: 'silent',
  })
  return module.FuseV1Options ?? null
}

export const fusesGate: Gate = {
  id: 'fuses',
  ids: ['SEC-21'],
  name: 'Electron fuses: the release configuration sets all seven',
  async run(context): Promise<GateResult> {
    const fuses = await importFromTree<typeof FusesModule>(context.root, FUSES_CONFIG)
    const script = join(context.root, FLIP_SCRIPT)
    const { figures, findings } = checkFuses({
      config: fuses.ELECTRON_FUSES,
      wireIndex: fuses.FUSE_WIRE_INDEX,
      flipScript: existsSync(script) ? readFileSync(script, 'utf8') : null,
      packageOptions: await packageOptions(context.root),
    })
    return resultOf(fusesGate, figures, findings)
  },
}
