import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createAuditLog } from '../../../src/main/audit/audit-log'
import { unavailableLoginPort } from '../../../src/main/connect/login-port'
import type { Logger } from '../../../src/main/log/logger'
import type { PracticeRuntime } from '../../../src/main/practice/practice-runtime'
import { createMemorySecretStore } from '../../../src/main/secrets/memory-secret-store'
import { buildServices, type MainPorts, type MainServices } from '../../../src/main/services'
import type { KvStore } from '../../../src/main/settings/kv-store'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/main/settings/settings'
import { createInMemoryVaultHost } from '../../../src/main/vault/memory-host'
import { systemTimers } from '../../../src/main/vault/timers'

/**
 * Main's services with every side-effect port wrapped in a call counter: keychain, settings,
 * link opener, practice simulator, audit log, clipboard, notifications, files, power monitor,
 * timers, login window and events. The IPC fuzz suite reads the counters around each request, so
 * "invalid input never reaches a port" (SEC-09) is measured, not assumed. Test support only.
 */

/** Calls per `port.method`, over an instance's life. */
export interface PortTally {
  /** Calls so far, across every port. */
  total(): number
  /** Calls so far per `port.method`. */
  byMethod(): Record<string, number>
}

interface MutableTally extends PortTally {
  record(name: string): void
}

function createTally(): MutableTally {
  const counts = new Map<string, number>()
  let total = 0
  return {
    record(name) {
      counts.set(name, (counts.get(name) ?? 0) + 1)
      total += 1
    },
    total: () => total,
    byMethod: () => Object.fromEntries(counts),
  }
}

/** Wraps every method of `target` so each call is counted as `port.method` before it runs. */
function counted<T extends object>(target: T, port: string, tally: MutableTally): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        tally.record(`${port}.${String(property)}`)
        return (value as (...a: unknown[]) => unknown).apply(object, args)
      }
    },
  })
}

/** A function port (openExternal, emit) counted as one method. */
function countedFn<A extends unknown[], R>(
  fn: (...args: A) => R,
  name: string,
  tally: MutableTally,
): (...args: A) => R {
  return (...args) => {
    tally.record(name)
    return fn(...args)
  }
}

/** Practice mode's runtime with the simulator never started: `session()` is counted and refused. */
function idlePractice(): PracticeRuntime {
  return {
    businessName: 'Fuzz Practice Bakery',
    started: false,
    session: () => Promise.reject(new Error('the fuzz suite never starts the practice simulator')),
    close: async () => undefined,
  }
}

/** Settings in memory, copied on write like the file store. */
function memorySettings(): KvStore<Settings> {
  let data: Settings = { ...DEFAULT_SETTINGS }
  return {
    get: (key) => data[key],
    set: (key, value) => {
      data = { ...data, [key]: value }
    },
  }
}

export interface CountedServices {
  readonly services: MainServices
  readonly tally: PortTally
  /** Calls the ports saw while the services were being built (not caused by any request). */
  readonly atStart: number
}

/**
 * Builds one services instance (as main/index.ts and the preview do) on counting ports, with its
 * own data directory under `root`. Every port is counted, not only the four the requirement
 * names, so a handler that reached any side effect on invalid input would show.
 */
export function buildCountedServices(root: string, name: string, log: Logger): CountedServices {
  const dataDir = join(root, name)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const tally = createTally()
  const host = createInMemoryVaultHost(dataDir)
  const ports: MainPorts = {
    version: '0.0.0-fuzz',
    dataDir,
    log,
    secrets: counted(createMemorySecretStore(), 'secrets', tally),
    settings: counted(memorySettings(), 'settings', tally),
    openExternal: countedFn(async (_url: string) => undefined, 'openExternal', tally),
    practice: counted(idlePractice(), 'practice', tally),
    audit: counted(createAuditLog({ dataDir }), 'audit', tally),
    emit: countedFn(() => undefined, 'emit', tally),
    login: counted({ ...unavailableLoginPort }, 'login', tally),
    vaultHost: {
      clipboard: counted(host.clipboard, 'clipboard', tally),
      notifications: counted(host.notifications, 'notifications', tally),
      saveFile: counted(host.saveFile, 'saveFile', tally),
      openFile: counted(host.openFile, 'openFile', tally),
      screenCapture: counted(host.screenCapture, 'screenCapture', tally),
      timers: counted({ ...systemTimers }, 'timers', tally),
      powerMonitor: counted(
        { getSystemIdleTime: () => 0, on: () => undefined, removeListener: () => undefined },
        'powerMonitor',
        tally,
      ),
    },
  }
  const services = buildServices(ports)
  return { services, tally, atStart: tally.total() }
}
