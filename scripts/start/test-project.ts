import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/*
 * Test support for start.test.ts: a throwaway copy of this project in which `npm start`'s step runs
 * as it would on a fresh install, without the Electron binary whatever this machine has. The start
 * step is copied; every installed package is linked, except electron (copied without dist/ and
 * path.txt) and any package a test replaces with files of its own.
 */

const repoRoot = resolve(import.meta.dirname, '..', '..')
const installed = join(repoRoot, 'node_modules')

/** Package name → file path inside the package → contents. */
export type PackageStandIns = Record<string, Record<string, string>>

export function copyProjectWithoutElectronBinary(standIns: PackageStandIns = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'sua-start-'))
  cpSync(join(repoRoot, 'scripts', 'start.mjs'), join(root, 'scripts', 'start.mjs'))
  cpSync(join(repoRoot, 'scripts', 'start'), join(root, 'scripts', 'start'), { recursive: true })
  const modules = join(root, 'node_modules')
  mkdirSync(modules)
  for (const name of readdirSync(installed)) {
    // Dot entries are npm's and Vite's own bookkeeping, which must not be shared with the copy.
    if (name.startsWith('.') || name === 'electron' || name in standIns) continue
    symlinkSync(join(installed, name), join(modules, name), 'junction')
  }
  cpSync(join(installed, 'electron'), join(modules, 'electron'), {
    recursive: true,
    filter: (source) => !/[\\/]electron[\\/](dist|path\.txt)$/.test(source),
  })
  for (const [name, files] of Object.entries(standIns)) {
    for (const [file, contents] of Object.entries(files)) {
      const path = join(modules, name, file)
      mkdirSync(resolve(path, '..'), { recursive: true })
      writeFileSync(path, contents)
    }
  }
  return root
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true })
}

/**
 * This machine's environment without anything that tells Electron's installer where or how to
 * download (ELECTRON_*, npm_config_electron_*, proxies), so a test decides that alone.
 */
export function environmentWithoutDownloadSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/electron|proxy/i.test(name)),
  )
}
