// Runs the reliability suite (suite.ts) in its own Node process and writes its figures and
// findings as JSON: `node run.mjs <root> <options-json> <out-file>`. A process of its own, because
// the suite times a 30 s hang and IPC ping latency on its event loop, and the other gates of
// `verify:security` (a TypeScript program, file scans) would block a shared one and skew both.
// TypeScript loads through Vite's module runner with the app's `@shared` alias, as the bundler has it.
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runnerImport } from 'vite'

const [rootArgument, optionsJson, outFile] = process.argv.slice(2)
const root = resolve(rootArgument ?? '.')
try {
  const { module } = await runnerImport(join(root, 'tests/security/reliability/suite.ts'), {
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: [{ find: /^@shared\//, replacement: `${join(root, 'src/shared')}/` }] },
  })
  const options = JSON.parse(optionsJson ?? '{}')
  const result = await module.runReliability(options)
  const report = { generatedAt: new Date().toISOString(), options, ...result }
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`)
  process.exit(0)
} catch (error) {
  console.error('reliability suite could not run:', error instanceof Error ? error.stack : error)
  process.exit(1)
}
