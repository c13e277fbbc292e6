import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNodeScript } from './start/child-process'
import { hasElectronBinary, installerReason } from './start/electron-binary'
import { messages, startStep, type InstallerResult, type StartStepPorts } from './start/start-step'
import {
  copyProjectWithoutElectronBinary,
  environmentWithoutDownloadSettings,
  removeProject,
} from './start/test-project'

/** A stack line ("    at …") or an error's name line ("TypeError: …"): neither may reach the user. */
const STACK_TRACE = /^\s+at |\b\w*Error:/m
const work = mkdtempSync(join(tmpdir(), 'sua-start-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The start step with every port recorded in `events`, in the order it used them. */
function fakePorts(options: { present: boolean; installer: InstallerResult; appCode?: number }) {
  const events: string[] = []
  let present = options.present
  const ports: StartStepPorts = {
    electronVersion: '45.5.0',
    checkBinary: () => present,
    runInstaller: async () => {
      events.push('installer')
      // A successful install is what makes the binary appear; a failed one leaves it absent.
      present = options.installer.ok
      return options.installer
    },
    startApp: async () => {
      events.push('app')
      return options.appCode ?? 0
    },
    print: (text, kind) => events.push(`${kind}: ${text}`),
  }
  return { ports, events }
}

describe('npm start downloads Electron when it is missing, then starts the app', () => {
  it('starts the app at once when the binary is there, downloading nothing', async () => {
    const { ports, events } = fakePorts({ present: true, installer: { ok: true }, appCode: 3 })
    expect(await startStep(ports)).toBe(3)
    expect(events).toEqual(['app'])
  })

  it('downloads a missing binary with a progress line, then starts the app with its exit code', async () => {
    const { ports, events } = fakePorts({ present: false, installer: { ok: true }, appCode: 5 })
    expect(await startStep(ports)).toBe(5)
    expect(events).toEqual([
      'progress: Downloading Electron 45.5.0 (about 100 MB, once)…',
      'installer',
      `progress: ${messages.downloaded('45.5.0')}`,
      'app',
    ])
  })

  it('says in one plain paragraph why it cannot start, and does not start the app', async () => {
    const reason = messages.installerSaid('fetch failed')
    const { ports, events } = fakePorts({ present: false, installer: { ok: false, reason } })
    expect(await startStep(ports)).toBe(1)
    expect(events).not.toContain('app')
    const problems = events.filter((event) => event.startsWith('problem: '))
    expect(problems).toHaveLength(1)
    const [paragraph] = problems
    expect(paragraph).toContain('Electron 45.5.0 could not be downloaded')
    expect(paragraph).toContain('the installer said: fetch failed')
    expect(paragraph).toContain('npm run preview')
    expect(paragraph).toContain('practice mode')
    expect(paragraph).not.toContain('\n')
    expect(paragraph).not.toMatch(STACK_TRACE)
  })

  it('does not trust an installer that reports success but leaves no binary', async () => {
    const { ports, events } = fakePorts({ present: false, installer: { ok: true } })
    expect(await startStep({ ...ports, checkBinary: () => false })).toBe(1)
    expect(events).not.toContain('app')
    expect(events.at(-1)).toContain(messages.noBinaryAfterInstall)
  })
})

describe('where Electron 45 keeps its binary', () => {
  const electronDir = (name: string) => {
    const dir = join(work, name)
    mkdirSync(dir, { recursive: true })
    return dir
  }

  it('is there only when path.txt names an executable that exists in dist/', () => {
    const fresh = electronDir('fresh')
    expect(hasElectronBinary(fresh, {})).toBe(false)
    writeFileSync(join(fresh, 'path.txt'), 'electron')
    expect(hasElectronBinary(fresh, {})).toBe(false)
    mkdirSync(join(fresh, 'dist'))
    writeFileSync(join(fresh, 'dist', 'electron'), '')
    expect(hasElectronBinary(fresh, {})).toBe(true)
  })

  it('is wherever ELECTRON_EXEC_PATH says, as electron-vite has it', () => {
    const elsewhere = join(electronDir('elsewhere'), 'my-electron')
    expect(hasElectronBinary(electronDir('empty'), { ELECTRON_EXEC_PATH: elsewhere })).toBe(false)
    writeFileSync(elsewhere, '')
    expect(hasElectronBinary(electronDir('empty'), { ELECTRON_EXEC_PATH: elsewhere })).toBe(true)
  })
})

describe("Electron's installer, as the start step reads it", () => {
  it('passes on the message of the error it printed as a stack, without the stack', () => {
    // What install.js printed here when it could not reach the download server.
    const stderr =
      'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n' +
      '    at async downloadArtifact (file:///x/node_modules/@electron/get/dist/index.js:154:12)\n'
    expect(installerReason(stderr, 1)).toBe(messages.installerSaid('fetch failed'))
    expect(installerReason('', 9)).toBe(messages.installerStopped(9))
  })

  it("runs a child with this terminal's output and forwards its exit code and the stop signals", async () => {
    const script = (name: string, source: string) => {
      const path = join(work, name)
      writeFileSync(path, source)
      return path
    }
    const options = { cwd: work, env: process.env, captureStderr: true }
    const failing = script('fails.cjs', "process.stderr.write('boom'); process.exit(7)")
    expect(await runNodeScript(failing, [], options)).toEqual({ code: 7, stderr: 'boom' })

    // Ends by itself, so a broken forwarding fails the test instead of leaving a process behind.
    const WAITS_THEN_EXITS_0 = 'setTimeout(() => process.exit(0), 50_000)'
    // The listener runNodeScript adds is called directly: a real SIGTERM would stop the test runner.
    const before = process.listeners('SIGTERM')
    const waiting = runNodeScript(script('waits.cjs', WAITS_THEN_EXITS_0), [], options)
    const [forward] = process.listeners('SIGTERM').filter((listener) => !before.includes(listener))
    expect(forward).toBeDefined()
    forward?.('SIGTERM')
    expect((await waiting).code).toBe(128 + 15)
    expect(process.listeners('SIGTERM')).toEqual(before)
  }, 60_000)
})

describe('scripts/start.mjs, run for real in a copy of the project without the Electron binary', () => {
  /**
   * A loopback port nothing listens on, so the download is refused at once: one the system just
   * handed out and took back. (A server that hangs up instead makes install.js wait 30 s.)
   */
  let mirror = ''
  beforeAll(async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const { port } = probe.address() as AddressInfo
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    mirror = `http://127.0.0.1:${port}/`
  })

  const runStart = (root: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const env = {
        ...environmentWithoutDownloadSettings(),
        ELECTRON_MIRROR: mirror,
        // An empty download cache: a cached Electron zip must not make the download succeed.
        electron_config_cache: join(root, 'electron-cache'),
      }
      execFile(
        process.execPath,
        [join(root, 'scripts', 'start.mjs')],
        { cwd: root, env, encoding: 'utf8', timeout: 120_000 },
        (error, stdout, stderr) =>
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
            stdout,
            stderr,
          }),
      )
    })

  it('offline: one plain paragraph on standard error, exit code 1, no stack trace', async () => {
    const root = copyProjectWithoutElectronBinary()
    try {
      const { code, stdout, stderr } = await runStart(root)
      expect(code).toBe(1)
      expect(stdout).toContain('Downloading Electron 45.5.0 (about 100 MB, once)…')
      expect(stderr.trim()).toBe(
        messages.cannotDownload('45.5.0', messages.installerSaid('fetch failed')),
      )
      expect(stdout + stderr).not.toMatch(STACK_TRACE)
      expect(existsSync(join(root, 'node_modules', 'electron', 'path.txt'))).toBe(false)
    } finally {
      removeProject(root)
    }
  }, 120_000)

  it('with a download that works, installs the binary and then runs electron-vite preview', async () => {
    const root = copyProjectWithoutElectronBinary({
      // Stand-ins: an installer that leaves a binary as Electron's does, and an app start that
      // reports how it was called and exits with a code of its own.
      electron: {
        'install.js':
          "const fs = require('fs'), path = require('path')\n" +
          "fs.mkdirSync(path.join(__dirname, 'dist'))\n" +
          "fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '')\n" +
          "fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron')\n",
      },
      'electron-vite': {
        'bin/electron-vite.js':
          "console.log('electron-vite ' + process.argv.slice(2).join(' ')); process.exit(4)\n",
      },
    })
    try {
      const { code, stdout, stderr } = await runStart(root)
      expect(stderr).toBe('')
      expect(code).toBe(4)
      expect(stdout.trim().split('\n')).toEqual([
        messages.downloading('45.5.0'),
        messages.downloaded('45.5.0'),
        'electron-vite preview',
      ])
    } finally {
      removeProject(root)
    }
  }, 120_000)
})
