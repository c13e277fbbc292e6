import { execFileSync } from 'node:child_process'
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** A file the checks read: its path relative to the scanned root (forward slashes) and its text. */
export interface SourceText {
  readonly path: string
  readonly text: string
}

const SCRIPT_EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git'])

/** Forward slashes on every platform, so allowlists and reports read the same everywhere. */
export function toPosix(path: string): string {
  return path.split(sep).join('/')
}

/** Every file under `dir` (recursively, symlinks not followed), as paths relative to `root`. */
export function walkFiles(root: string, dir: string): string[] {
  const start = join(root, dir)
  if (!existsSync(start)) return []
  const out: string[] = []
  const visit = (path: string) => {
    const info = lstatSync(path)
    if (info.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (!SKIPPED_DIRECTORIES.has(name)) visit(join(path, name))
      }
    } else if (info.isFile()) {
      out.push(toPosix(relative(root, path)))
    }
  }
  visit(start)
  return out
}

/** Unit tests construct fakes on purpose; the rules are about code that ships. */
export function isTestFile(path: string): boolean {
  return /\.test\.(ts|tsx|mts|cts|js|mjs)$/.test(path) || path.endsWith('.d.ts')
}

/** The app's own script sources under `src/` (tests and declaration files left out). */
export function readAppSources(root: string): SourceText[] {
  return walkFiles(root, 'src')
    .filter((path) => SCRIPT_EXTENSIONS.test(path) && !isTestFile(path))
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }))
}

function gitTopLevel(root: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return null
  }
}

/**
 * The files a commit would contain: tracked plus untracked-but-not-ignored (`git ls-files`), so a
 * secret in a file someone is about to add is caught too. Outside a git work tree (the self-test's
 * copies) every file under `root` counts.
 */
export function repositoryFiles(root: string): string[] {
  const topLevel = gitTopLevel(root)
  if (topLevel === null || toPosix(topLevel) !== toPosix(root)) return walkFiles(root, '.')
  const listing = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  // A tracked file deleted in the work tree is not there to leak anything.
  return listing
    .split('\0')
    .filter((path) => path.length > 0 && existsSync(join(root, path)))
    .sort()
}
