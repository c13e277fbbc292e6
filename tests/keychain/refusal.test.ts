import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { makeCanaryToken, scanForCanaries } from '../fixtures/canaries'
import { recordEvidence } from '../fixtures/evidence'
import { requireKeyringSession } from './keyring-session'

/*
 * SEC-11 on the real library: a child process runs the real adapter (bundled from
 * src/main/secrets/keychain-store.ts, so nothing is re-implemented here) against a machine state
 * with no usable Secret Service, and must refuse to store.
 */
const repo = resolve(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'sua-refusal-'))
const canary = makeCanaryToken()
/** Scenarios whose every check held, for the security gate's figure. */
let refused = 0

let bundled: Promise<string> | undefined
/** Bundles the adapter once; node_modules is linked so the bundle resolves @napi-rs/keyring. */
const bundle = (): Promise<string> =>
  (bundled ??= (async () => {
    const outDir = join(work, 'bundle')
    await build({
      configFile: false,
      logLevel: 'silent',
      root: repo,
      build: {
        ssr: join(repo, 'src/main/secrets/keychain-store.ts'),
        outDir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: { output: { format: 'es', entryFileNames: 'keychain-store.mjs' } },
      },
    })
    symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir')
    return pathToFileURL(join(outDir, 'keychain-store.mjs')).href
  })())

const PROBE = `
const { createKeychainStore } = await import(process.env.SUA_BUNDLE)
const store = createKeychainStore({ appId: 'sua-refusal-test' })
const status = await store.status()
const ref = { kind: 'system-user-token', id: 'refusal' }
const failure = await store.set(ref, process.env.SUA_CANARY).then(
  () => null,
  (error) => ({ name: error.name, code: error.code, messageKey: error.messageKey, message: error.message, detail: error.detail }),
)
// A locked or daemon-less Secret Service answers "no entry" to a read; the store must not.
const read = await store.get(ref).then(
  (value) => ({ value }),
  (error) => ({ code: error.code, messageKey: error.messageKey }),
)
console.log('RESULT ' + JSON.stringify({ status, failure, read }))
`

interface ProbeResult {
  status: { available: boolean; backend: string; problemKey?: string }
  failure: {
    name: string
    code: string
    messageKey: string
    message: string
    detail?: string
  } | null
  read: { value?: string | null; code?: string; messageKey?: string }
}

/** Fresh, private XDG and HOME dirs, so a fallback that wrote a file would be found by the scan. */
function freshHome(): { home: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(work, 'home-'))
  for (const dir of ['run', 'data', 'config']) mkdirSync(join(home, dir), { mode: 0o700 })
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, SUA_CANARY: canary }
  delete env.DBUS_SESSION_BUS_ADDRESS
  delete env.SUA_TEST_KEYRING
  Object.assign(env, {
    XDG_RUNTIME_DIR: join(home, 'run'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
  })
  return { home, env }
}

async function runProbe(
  env: NodeJS.ProcessEnv,
  shell?: string,
): Promise<{ result: ProbeResult; output: string }> {
  const probe = `node --input-type=module -e "$SUA_PROBE"`
  const child = spawnSync(
    shell ? 'dbus-run-session' : process.execPath,
    shell ? ['--', 'bash', '-c', `${shell}\n${probe}`] : ['--input-type=module', '-e', PROBE],
    {
      cwd: work,
      env: { ...env, SUA_BUNDLE: await bundle(), SUA_PROBE: PROBE },
      encoding: 'utf8',
      timeout: 60_000,
    },
  )
  const output = `${child.stdout}\n${child.stderr}`
  const line = child.stdout.split('\n').find((text) => text.startsWith('RESULT '))
  if (!line) throw new Error(`probe printed no result (exit ${child.status}): ${output}`)
  return { result: JSON.parse(line.slice('RESULT '.length)) as ProbeResult, output }
}

/** Creates a login keyring with one password, so a later session with another finds it locked. */
const CREATE_KEYRING = `echo -n first-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
node --input-type=module -e "
import { Entry } from '@napi-rs/keyring'
const entry = new Entry('sua-refusal-setup', 'x', { linux: { store: 'secret-service' } })
entry.setPassword('setup-value-123')
entry.deleteCredential()"`

const SCENARIOS = [
  {
    name: 'no D-Bus session at all',
    prepare: (env: NodeJS.ProcessEnv) => env,
    problemKey: 'errors.keychainUnavailable',
  },
  {
    name: 'a bus address whose socket is dead',
    prepare: (env: NodeJS.ProcessEnv, home: string) => ({
      ...env,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'run', 'no-bus-here')}`,
    }),
    problemKey: 'errors.keychainUnavailable',
  },
  {
    name: 'a bus on which no keyring was ever set up',
    prepare: (env: NodeJS.ProcessEnv) => env,
    shell: 'true',
    problemKey: 'errors.keychainUnavailable',
  },
  {
    name: 'a locked keyring (wrong password, no one to answer the prompt)',
    prepare: (env: NodeJS.ProcessEnv) => env,
    setup: CREATE_KEYRING,
    shell: 'echo -n wrong-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
    problemKey: 'errors.keychainLocked',
  },
] as const

beforeEach(() => {
  requireKeyringSession()
})

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

describe('keychain store refuses to store without a usable Secret Service', () => {
  it.each(SCENARIOS)(
    '$name: status unavailable, set refused, canary nowhere',
    async (scenario) => {
      const { home, env } = freshHome()
      const scenarioEnv = scenario.prepare(env, home)
      if ('setup' in scenario) {
        const setup = spawnSync('dbus-run-session', ['--', 'bash', '-c', scenario.setup], {
          cwd: work,
          env: scenarioEnv,
          encoding: 'utf8',
          timeout: 60_000,
        })
        expect(setup.status, setup.stderr).toBe(0)
      }
      const shell = 'shell' in scenario ? scenario.shell : undefined
      const { result, output } = await runProbe(scenarioEnv, shell)
      expect(result.status).toEqual({
        available: false,
        backend: 'secret-service',
        problemKey: scenario.problemKey,
      })
      expect(result.failure).toMatchObject({
        name: 'SecretStoreError',
        code: 'keychain-unavailable',
        messageKey: scenario.problemKey,
      })
      expect(result.read).toEqual({ code: 'keychain-unavailable', messageKey: scenario.problemKey })
      // Never a plaintext fallback: not in the child's output, not in any file under its home.
      expect(scanForCanaries(output, [canary])).toEqual([])
      expect(scanForCanaries(home, [canary])).toEqual([])
      refused += 1
      recordEvidence('keychain-refusal', {
        realBackendCasesRefused: `${refused} of ${SCENARIOS.length}`,
        canaryHitsOutsideKeychain: 0,
      })
    },
    90_000,
  )
})
