import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { messages, type InstallerResult } from './start-step'
import { runNodeScript } from './child-process'

/*
 * Electron 45 keeps its binary in node_modules/electron/dist, and names the executable inside it in
 * node_modules/electron/path.txt, which its installer writes last. electron-vite launches exactly
 * that file unless ELECTRON_EXEC_PATH names another, so that is what is checked here.
 */

export function electronPackageDir(root: string): string {
  return join(root, 'node_modules', 'electron')
}

export function electronVersion(electronDir: string): string {
  const manifest = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as {
    version: string
  }
  return manifest.version
}

export function hasElectronBinary(electronDir: string, env: NodeJS.ProcessEnv): boolean {
  if (env.ELECTRON_EXEC_PATH) return existsSync(env.ELECTRON_EXEC_PATH)
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return false
  const executable = readFileSync(pathFile, 'utf8')
  return executable !== '' && existsSync(join(electronDir, 'dist', executable))
}

/**
 * Runs Electron's own installer, which downloads through @electron/get: it verifies the zip against
 * the package's checksums.json, caches it, and reads ELECTRON_MIRROR, ELECTRON_GET_USE_PROXY with
 * HTTPS_PROXY, and the npm_config_electron_* settings from the environment it inherits.
 */
export async function runElectronInstaller(
  electronDir: string,
  env: NodeJS.ProcessEnv,
): Promise<InstallerResult> {
  const outcome = await runNodeScript(join(electronDir, 'install.js'), [], {
    cwd: electronDir,
    env,
    // On failure the installer prints the error's whole stack; only its message is passed on.
    captureStderr: true,
  })
  return outcome.code === 0
    ? { ok: true }
    : { ok: false, reason: installerReason(outcome.stderr, outcome.code) }
}

/** The message of the error install.js printed as a stack ("TypeError: fetch failed\n    at …"). */
export function installerReason(stderr: string, code: number): string {
  const firstLine = stderr
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '))
  const message = firstLine?.replace(/^[A-Za-z]*Error: /, '')
  return message ? messages.installerSaid(message) : messages.installerStopped(code)
}
