import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel } from '@shared/ipc/channels'
import type { RequestOf, ResponseOf } from '@shared/ipc/contract'
import type { AppStatus } from '@shared/ipc/schemas/app'
import type { Result } from '@shared/result'
import { createInMemoryVaultHost } from '../../../src/main/vault/memory-host'
import { createAuditLog } from '../../../src/main/audit/audit-log'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { createLogger, fileSink, memorySink } from '../../../src/main/log/logger'
import { createPracticeRuntime } from '../../../src/main/practice/practice-runtime'
import type { RunningSimulator } from '../../../src/main/practice/simulator'
import {
  createMemorySecretStore,
  type MemorySecretStore,
} from '../../../src/main/secrets/memory-secret-store'
import { buildServices } from '../../../src/main/services'
import { createFileKvStore } from '../../../src/main/settings/file-kv-store'
import type { KvStore } from '../../../src/main/settings/kv-store'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/main/settings/settings'
import type { LoginWindowPort } from '../../../src/main/connect/login-port'
import { createClickingLoginPort, type ClickingLoginPort } from './clicking-login-port'

/**
 * Main's services as the app builds them (buildServices → dispatcher), against the practice
 * simulator over loopback, with the in-memory keychain, a settings file and a log file in a temp
 * data directory, and the audit log there too. Real mode is pointed at the same simulator too,
 * so real-mode refusals (a wrong app secret, a desktop app) run against Meta's behaviour as
 * simulated. Every IPC answer is kept, so a test can scan them for secrets.
 */
export interface ConnectHarness {
  readonly dataDir: string
  readonly sim: RunningSimulator
  readonly secrets: MemorySecretStore
  readonly settings: KvStore<Settings>
  readonly login: ClickingLoginPort
  readonly logLines: readonly string[]
  readonly events: AppStatus[]
  /** Every Result the dispatcher answered, in order. */
  readonly answers: unknown[]
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
  close(): Promise<void>
}

export async function startConnectHarness(
  options: { readonly login?: LoginWindowPort } = {},
): Promise<ConnectHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sua-connect-'))
  const memory = memorySink()
  const log = createLogger([memory, fileSink(dataDir)], 'debug')
  const practice = createPracticeRuntime({ log })
  const { simulator: sim } = await practice.session()
  const secrets = createMemorySecretStore()
  const settings = createFileKvStore(join(dataDir, 'settings.json'), DEFAULT_SETTINGS)
  const login = createClickingLoginPort()
  const events: AppStatus[] = []
  const answers: unknown[] = []
  const services = buildServices({
    version: '0.0.0-test',
    secrets,
    settings,
    openExternal: async () => undefined,
    log,
    practice,
    login: options.login ?? login,
    emit: (event, payload) => {
      if (event === 'app:status-changed') events.push(payload as AppStatus)
    },
    audit: createAuditLog({ dataDir }),
    dataDir,
    vaultHost: createInMemoryVaultHost(dataDir),
    realEndpoints: { graphBaseUrl: sim.baseUrl, dialogBaseUrl: sim.baseUrl, version: sim.version },
  })
  const dispatch = createDispatcher(services.handlers, log)
  return {
    dataDir,
    sim,
    secrets,
    settings,
    login,
    logLines: memory.lines,
    events,
    answers,
    invoke: async (channel, request) => {
      const answer = await dispatch(channel, request)
      answers.push(answer)
      return answer as Result<never>
    },
    close: async () => {
      await services.dispose()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The practice app, as the renderer asks for it. */
export const PRACTICE = { mode: 'practice' } as const

/** The sample app as a "real" one, with whatever secret the test wants to try. */
export const realApp = (sim: RunningSimulator, appSecret = sim.fixtures.appSecret) => ({
  mode: 'real' as const,
  appId: sim.fixtures.appId,
  appSecret,
})
