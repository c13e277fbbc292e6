// `npm run bench`: bundles the TypeScript bench (bench/main.ts and the real main-process modules it
// imports) with vite's build() API — the same bundler the app ships with — then runs the bundle in
// a child Node process started with --expose-gc, so the memory figure is taken after a real
// garbage collection. Not part of `npm test`: it measures, it never asserts speed.
// `npm run bench -- --only=flow` (or renderer, vault, list, assign; comma-separated) runs only
// those scenarios and prints their figures without touching bench/RESULTS.md or results.json.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { build } from 'vite'

const repo = resolve(import.meta.dirname, '..')
// Under node_modules so Node resolves the bundle's external packages (axios, zod, playwright-core,
// @napi-rs/keyring) from the repo's node_modules, and nothing lands in the work tree.
const outDir = resolve(repo, 'node_modules', '.cache', 'sua-bench')

await build({
  configFile: false,
  logLevel: 'warn',
  root: repo,
  resolve: { alias: { '@shared': resolve(repo, 'src/shared') } },
  build: {
    ssr: resolve(repo, 'bench/main.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rolldownOptions: { output: { format: 'es', entryFileNames: 'bench.mjs' } },
  },
})

const child = spawnSync(
  process.execPath,
  ['--expose-gc', resolve(outDir, 'bench.mjs'), ...process.argv.slice(2)],
  { cwd: repo, stdio: 'inherit', env: { ...process.env, SUA_REPO: repo } },
)
if (child.status !== 0) process.exit(child.status ?? 1)

// `--only=…` runs write no report (bench/main.ts): nothing to format.
if (process.argv.slice(2).some((arg) => arg.startsWith('--only='))) process.exit(0)

// The committed report is kept in the repo's own Prettier style, so `npm run format` leaves it be.
const report = resolve(repo, 'bench', 'RESULTS.md')
const options = (await resolveConfig(report)) ?? {}
writeFileSync(report, await format(readFileSync(report, 'utf8'), { ...options, filepath: report }))
