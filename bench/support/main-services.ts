import { dirname } from 'node:path'
import { CONTRACT } from '@shared/ipc/contract'
import { createDispatcher, type Dispatch } from '../../src/main/ipc'
import { silentLogger } from '../../src/main/log'
import { createMemorySecretStore, type SecretStore } from '../../src/main/secrets'
import { buildServices, type MainServices } from '../../src/main/services'
import {
  createFileKvStore,
  DEFAULT_SETTINGS,
  type KvStore,
  type Settings,
} from '../../src/main/settings'
import { createInMemoryVaultHost } from '../../src/main/vault'
import { check } from './figures'

/**
 * Main's services for the vault scenario, built as main/index.ts and the preview build them
 * (buildServices over the ports), over a settings file that holds the vault index.
 */
export interface OpenedServices {
  readonly settings: KvStore<Settings>
  readonly handlers: MainServices['handlers']
  readonly dispatch: Dispatch
  dispose(): Promise<void>
}

export function openServices(file: string, secrets: SecretStore): OpenedServices {
  const settings = createFileKvStore(file, DEFAULT_SETTINGS)
  const services = buildServices({
    version: 'bench',
    secrets,
    settings,
    openExternal: async () => undefined,
    log: silentLogger,
    dataDir: dirname(file),
    vaultHost: createInMemoryVaultHost(dirname(file)),
  })
  return {
    settings,
    handlers: services.handlers,
    dispatch: createDispatcher(services.handlers, silentLogger),
    dispose: () => services.dispose(),
  }
}

/** The strict response schema the dispatcher checks every vault list answer against. */
export const vaultListResponse = CONTRACT['vault:records-list'].response

/**
 * heapUsed after a full GC. Garbage the current task still points at (a just-written 5 MB JSON
 * string) survives a GC run from inside that task, so it waits for a fresh macrotask first.
 */
async function heapAfterGc(): Promise<number> {
  check(typeof gc === 'function', 'run through `npm run bench` (node --expose-gc)')
  await new Promise((resolve) => setTimeout(resolve, 0))
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/**
 * heapUsed growth (MB) of opening the services over `file` and answering one vault list. One call
 * per run: a value held across an `await` stays in the async function's frame until overwritten,
 * so a loop inside one function would still hold the previous run's services when the next run
 * reads its "before".
 */
export async function heapGrowth(file: string, expectedRecords: number): Promise<number> {
  const before = await heapAfterGc()
  const opened = openServices(file, createMemorySecretStore())
  // One answer, as the renderer's first call would; the answer itself is not kept.
  check((await opened.dispatch('vault:records-list', {})).ok, 'the vault list failed')
  const after = await heapAfterGc()
  // Keeps the services reachable until `after` is read.
  check(opened.settings.get('vaultRecords').length === expectedRecords, 'the index lost records')
  await opened.dispose()
  return (after - before) / 1024 ** 2
}

/** Wall time of a synchronous call, in ms. */
export function timeSync(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

/** Wall time of an asynchronous call, in ms, with its value. */
export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}
