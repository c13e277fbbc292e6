import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel } from '@shared/ipc/channels'
import type { RequestOf, ResponseOf } from '@shared/ipc/contract'
import type { Result } from '@shared/result'
import { createClickingLoginPort } from '../../support/node/clicking-login-port'
import { createAuditLog } from '../../../src/main/audit'
import { createDispatcher } from '../../../src/main/ipc'
import { createLogger, fileSink, memorySink } from '../../../src/main/log'
import {
  createPracticeRuntime,
  type PracticeRuntime,
  type PracticeSession,
  type RunningSimulator,
} from '../../../src/main/practice'
import {
  createMemorySecretStore,
  type MemorySecretStore,
  type SecretStore,
} from '../../../src/main/secrets'
import { buildServices } from '../../../src/main/services'
import {
  createFileKvStore,
  DEFAULT_SETTINGS,
  type KvStore,
  type Settings,
} from '../../../src/main/settings'
import { createInMemoryVaultHost } from '../../../src/main/vault'
import { makeCanaryAppSecret } from '../../fixtures/canaries'
import { createFaultableStore, type FaultableStore } from './faults'

/**
 * One app instance as main builds it (buildServices → dispatcher, like main/index.ts and the
 * preview), on ports the drill controls: the practice simulator over loopback, the in-memory
 * keychain behind the fault switch, a settings file, the audit log and a log file, all in one
 * fresh data directory. Everything a failure could leak into is under that directory or in
 * `logLines` / `answers`, which the drill scans.
 */

/** What a test may put between the services and the faultable keychain (a lying fake). */
export type StoreWrap = (
  store: SecretStore,
  context: { readonly dataDir: string; readonly memory: MemorySecretStore },
) => SecretStore

export interface World {
  readonly dataDir: string
  readonly store: FaultableStore
  readonly memory: MemorySecretStore
  readonly settings: KvStore<Settings>
  /** Log lines as written (the same lines go to `<dataDir>/logs/main.log`). */
  readonly logLines: readonly string[]
  /** Every answer the dispatcher gave, in order. */
  readonly answers: unknown[]
  /** The practice app's secret: a fresh canary per world, so a hit is this run's. */
  readonly appSecret: string
  sim(): Promise<RunningSimulator>
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
  /** Every secret this world has seen: the app secret and every token the simulator minted. */
  secrets(): Promise<string[]>
  close(): Promise<void>
}

/**
 * The real practice runtime, with the sample app's secret replaced by a canary. The seed's secret
 * is the same in every run, so a hit on it could come from another test's files; a canary cannot.
 */
function practiceWithCanarySecret(base: PracticeRuntime, appSecret: string): PracticeRuntime {
  let session: Promise<PracticeSession> | undefined
  return {
    get businessName() {
      return base.businessName
    },
    get started() {
      return base.started
    },
    session: () =>
      (session ??= base.session().then((started) => {
        started.simulator.model.updateApp(started.app.appId, { secret: appSecret })
        return { ...started, app: { ...started.app, appSecret } }
      })),
    close: () => base.close(),
  }
}

export async function startWorld(options: { readonly wrap?: StoreWrap } = {}): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sua-keychain-drill-'))
  const memoryLog = memorySink()
  const log = createLogger([memoryLog, fileSink(dataDir)], 'debug')
  const appSecret = makeCanaryAppSecret()
  const practice = practiceWithCanarySecret(createPracticeRuntime({ log }), appSecret)
  let simulator: RunningSimulator | undefined
  const memory = createMemorySecretStore()
  const store = createFaultableStore(memory, () => simulator?.requests.length ?? 0)
  const secrets = options.wrap ? options.wrap(store, { dataDir, memory }) : store
  const settings = createFileKvStore(join(dataDir, 'settings.json'), DEFAULT_SETTINGS)
  const services = buildServices({
    version: '0.0.0-keychain-drill',
    secrets,
    settings,
    openExternal: async () => undefined,
    log,
    practice,
    login: createClickingLoginPort(),
    audit: createAuditLog({ dataDir }),
    dataDir,
    vaultHost: createInMemoryVaultHost(dataDir),
  })
  const dispatch = createDispatcher(services.handlers, log)
  const answers: unknown[] = []
  const sim = async (): Promise<RunningSimulator> => {
    simulator ??= (await practice.session()).simulator
    return simulator
  }
  return {
    dataDir,
    store,
    memory,
    settings,
    logLines: memoryLog.lines,
    answers,
    appSecret,
    sim,
    invoke: async (channel, request) => {
      const answer = await dispatch(channel, request)
      answers.push(answer)
      return answer as Result<never>
    },
    secrets: async () => [appSecret, ...(await sim()).model.tokens().map((token) => token.value)],
    close: async () => {
      await services.dispose()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
