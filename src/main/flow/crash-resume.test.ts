import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { ok } from '@shared/result'
import type { RunActionKind } from '@shared/ipc/schemas/flow'
import { createGraphClient } from '../graph/client'
import { silentLogger } from '../log/logger'
import { startSimulator, type Fault } from '../practice/simulator'
import { createFileKvStore } from '../settings/file-kv-store'
import { DEFAULT_SETTINGS } from '../settings/settings'
import { createVaultIndex } from '../vault/vault-index'
import { createFlowService } from './flow-handlers'
import { expectSetUp, valueOf } from '../../../tests/support/node/expect-run'
import { createFileSecretStoreForTests } from '../../../tests/support/node/file-secret-store'
import { goalRequest } from '../../../tests/support/node/flow-harness'

/*
 * REL-03 crash injection: the flow runs in a CHILD process against a simulator in this process
 * and is SIGKILLed at every side-effect point — before a request leaves, after Meta committed but
 * its answer was lost, and after an answer came back but before the journal recorded it. A
 * restart in this process then resumes from the journal. Every kill point must end with exactly
 * one system user, the planned assignments and one vaulted, valid token: 0 duplicates.
 */
const repo = resolve(import.meta.dirname, '../../..')
const work = mkdtempSync(join(tmpdir(), 'sua-crash-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

let bundled: Promise<string> | undefined
const bundle = (): Promise<string> =>
  (bundled ??= (async () => {
    const outDir = join(work, 'bundle')
    await build({
      configFile: false,
      logLevel: 'silent',
      root: repo,
      resolve: { alias: { '@shared': join(repo, 'src/shared') } },
      build: {
        ssr: join(repo, 'tests/support/node/crash-child.ts'),
        outDir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: { output: { format: 'es', entryFileNames: 'crash-child.mjs' } },
      },
    })
    symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir')
    return join(outDir, 'crash-child.mjs')
  })())

interface KillPoint {
  readonly at: `${'before-request' | 'after-response'}:${RunActionKind}`
  /** A fault on the action's request: 'commit-then-drop' = Meta committed, the answer was lost. */
  readonly fault?: { readonly path: string | RegExp; readonly fault: Fault }
  /**
   * Actions go side by side (assign ∥ install, read-back ∥ generate): this slows the partner's
   * request so it is surely still in flight at the kill — Meta then commits it after the crash,
   * while the journal says IN_FLIGHT.
   */
  readonly partner?: { readonly method: string; readonly path: string | RegExp }
}

const SIDE_EFFECTS: readonly RunActionKind[] = [
  'find-or-create',
  'assign',
  'install-app',
  'generate-token',
  'save-token',
]
const DROPPED: readonly (readonly [RunActionKind, string | RegExp])[] = [
  ['find-or-create', /system_users$/],
  ['assign', '/'], // the Batch API endpoint
  ['install-app', /applications$/],
  ['generate-token', /access_tokens$/],
]
const KILL_POINTS: readonly KillPoint[] = [
  ...SIDE_EFFECTS.flatMap((action) => [
    { at: `before-request:${action}` as const },
    { at: `after-response:${action}` as const },
  ]),
  ...DROPPED.map(([action, path]) => ({
    at: `after-response:${action}` as const,
    fault: { path, fault: { kind: 'commit-then-drop' } as const },
  })),
  { at: 'after-response:install-app', partner: { method: 'POST', path: '/' } },
  { at: 'after-response:assign', partner: { method: 'POST', path: /applications$/ } },
  { at: 'after-response:generate-token', partner: { method: 'GET', path: /assigned_/ } },
  { at: 'after-response:save-token', partner: { method: 'GET', path: /assigned_/ } },
]
const PARTNER_DELAY_MS = 300

const runChild = (script: string, env: NodeJS.ProcessEnv) =>
  new Promise<{ signal: NodeJS.Signals | null; output: string }>((done, fail) => {
    const child = spawn(process.execPath, [script], { env, cwd: work })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', fail)
    child.on('exit', (_code, signal) => done({ signal, output }))
  })

describe('crash-resume at every side-effect point (REL-03)', () => {
  it.each(
    KILL_POINTS.map(
      (point) =>
        [
          `${point.at}${point.fault ? ' (commit-then-drop)' : ''}${point.partner ? ' (partner in flight)' : ''}`,
          point,
        ] as const,
    ),
  )('%s', async (_label, point) => {
    const script = await bundle()
    const sim = await startSimulator()
    const f = sim.fixtures
    const dataDir = mkdtempSync(join(work, 'data-'))
    try {
      if (point.fault) {
        sim.faults.add({
          match: { method: 'POST', path: point.fault.path },
          fault: point.fault.fault,
        })
      }
      if (point.partner) {
        sim.faults.add({
          match: point.partner,
          fault: { kind: 'latency', ms: PARTNER_DELAY_MS },
          times: 10,
        })
      }
      const { request, plan } = goalRequest(
        { sim } as Parameters<typeof goalRequest>[0],
        'run-ads',
        'Ads server',
      )
      const child = await runChild(script, {
        ...process.env,
        SUA_DATA_DIR: dataDir,
        SUA_CRASH: point.at,
        SUA_SIM_URL: sim.baseUrl,
        SUA_VERSION: sim.version,
        SUA_ADMIN_TOKEN: f.adminUserToken,
        SUA_APP_SECRET: f.appSecret,
        SUA_APP_ID: f.appId,
        SUA_BUSINESS_ID: f.businessId,
        SUA_BUSINESS_NAME: f.businessName,
        SUA_REQUEST: JSON.stringify(request),
      })
      expect(child.signal, child.output).toBe('SIGKILL')
      sim.faults.clear()

      // The restart: the same data directory and keychain, a fresh process state.
      const secrets = createFileSecretStoreForTests(join(dataDir, 'test-keychain.json'))
      const vault = createVaultIndex(
        createFileKvStore(join(dataDir, 'settings.json'), DEFAULT_SETTINGS),
      )
      const client = createGraphClient({
        baseUrl: sim.baseUrl,
        version: sim.version,
        log: silentLogger,
      })
      const service = createFlowService({
        session: {
          current: async () =>
            ok({
              mode: 'practice',
              client,
              credentials: { token: f.adminUserToken, appSecret: f.appSecret },
              appId: f.appId,
              businessId: f.businessId,
              businessName: f.businessName,
            }),
        },
        secrets,
        vault,
        dataDir,
        log: silentLogger,
      })
      const { runs } = valueOf(await service.handlers['flow:runs-unfinished']({}))
      expect(runs).toHaveLength(1)
      const done = valueOf(await service.handlers['flow:run-continue']({ runId: runs[0]!.runId }))
      expect(done.status).toBe('done')
      expect(done.adopted).toBe(false)
      await expectSetUp({ sim, request, plan, vault, secrets })
      expect(valueOf(await service.handlers['flow:runs-unfinished']({})).runs).toEqual([])
      service.journal.release()
    } finally {
      await sim.close()
    }
  })
})
