// Release step (SEC-21): flips the Electron fuses of scripts/release/fuses.ts in a packaged app,
// then reads them back and fails unless all of them are as configured. Run it after packaging and
// BEFORE code signing: the signature is what stops anyone flipping them back.
//
//   node scripts/release/flip-fuses.mjs <packaged app or its Electron binary> [--reset-adhoc-darwin-signature]
//
// (pass --reset-adhoc-darwin-signature for an arm64 macOS build that is not signed right after.)
// There is no packaged app or Electron binary on the development machines (package.json's
// allowScripts keeps electron's download from running), so flip-fuses.test.ts runs this script
// against a stand-in binary carrying a real fuse wire. On the release machine, confirm the result
// on the real app with `npx @electron/fuses read --app <packaged app>`.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { runnerImport } from 'vite'

const root = resolve(import.meta.dirname, '..', '..')
const [target, ...flags] = process.argv.slice(2)
const unknown = flags.filter((flag) => flag !== '--reset-adhoc-darwin-signature')
if (!target || unknown.length > 0 || !existsSync(target)) {
  console.error(
    'usage: node scripts/release/flip-fuses.mjs <packaged app or Electron binary> ' +
      '[--reset-adhoc-darwin-signature]' +
      (target && !existsSync(target) ? `\n${target} does not exist` : ''),
  )
  process.exit(2)
}

let fuses
try {
  fuses = await import('@electron/fuses')
} catch {
  console.error('@electron/fuses is not installed: run npm install (it is a devDependency)')
  process.exit(1)
}

try {
  // fuses.ts is TypeScript; Node 20 loads it through Vite's module runner, as verify.mjs does.
  const { module: config } = await runnerImport(resolve(import.meta.dirname, 'fuses.ts'), {
    configFile: false,
    logLevel: 'silent',
    root,
  })
  const flipConfig = config.buildFuseConfig(fuses.FuseV1Options, fuses.FuseVersion.V1, {
    resetAdHocDarwinSignature: flags.includes('--reset-adhoc-darwin-signature'),
  })
  await fuses.flipFuses(target, flipConfig)
  const wire = await fuses.getCurrentFuseWire(target)
  const wrong = config.fusesNotAsConfigured(wire, fuses.FuseV1Options, fuses.FuseState)
  const total = Object.keys(config.ELECTRON_FUSES).length
  if (wrong.length > 0) {
    console.error(`fuses not as configured after flipping: ${wrong.join(', ')}`)
    process.exit(1)
  }
  console.log(`${total} of ${total} fuses as configured in ${target}`)
} catch (error) {
  console.error('flipping fuses failed:', error instanceof Error ? error.message : error)
  process.exit(1)
}
