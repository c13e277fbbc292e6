import { join } from 'node:path'
import { runNodeScript } from './child-process'
import {
  electronPackageDir,
  electronVersion,
  hasElectronBinary,
  runElectronInstaller,
} from './electron-binary'
import { startStep } from './start-step'

/** What `npm start` ran before it had a step of its own: build, then launch Electron on the build. */
function appStartScript(root: string): { script: string; args: string[] } {
  return {
    script: join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    args: ['preview'],
  }
}

/** `npm start` (scripts/start.mjs): resolves with the exit code to leave with. */
export function main(root: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const electronDir = electronPackageDir(root)
  const app = appStartScript(root)
  return startStep({
    electronVersion: electronVersion(electronDir),
    checkBinary: () => hasElectronBinary(electronDir, env),
    runInstaller: () => runElectronInstaller(electronDir, env),
    startApp: async () =>
      (await runNodeScript(app.script, app.args, { cwd: root, env, captureStderr: false })).code,
    print: (text, kind) => (kind === 'problem' ? console.error(text) : console.log(text)),
  })
}
