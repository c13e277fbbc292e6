// `npm run verify:security`: loads the TypeScript gate runner through Vite's module runner (Node 20
// cannot run TypeScript itself) and exits with its verdict. See cli.ts.
import { resolve } from 'node:path'
import { runnerImport } from 'vite'

const root = resolve(import.meta.dirname, '..', '..')
try {
  const { module } = await runnerImport(resolve(import.meta.dirname, 'cli.ts'), {
    configFile: false,
    logLevel: 'silent',
    root,
  })
  process.exitCode = await module.main(process.argv.slice(2), root)
} catch (error) {
  console.error('verify:security could not run:', error instanceof Error ? error.message : error)
  process.exitCode = 1
}
