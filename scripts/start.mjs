// `npm start`: downloads Electron's binary on first start, then builds and opens the desktop app
// (scripts/start/). npm install never downloads it: package.json's allowScripts denies Electron's
// install script. The step is TypeScript, which Node 20 loads through Vite's module runner, as
// verify.mjs does.
import { resolve } from 'node:path'
import { runnerImport } from 'vite'

const root = resolve(import.meta.dirname, '..')
const { module } = await runnerImport(resolve(import.meta.dirname, 'start', 'cli.ts'), {
  configFile: false,
  logLevel: 'silent',
  root,
})
process.exitCode = await module.main(root)
