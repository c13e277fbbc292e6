import { mkdtempSync, rmSync } from 'node:fs'
import { afterEach } from 'vitest'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok } from '@shared/result'
import type { AdminSession, AdminSessionPort } from '../../../src/main/admin-session'
import { createAuditLog, type AuditLog } from '../../../src/main/audit/audit-log'
import type { GraphClient } from '../../../src/main/graph/client'
import { createSystemUser } from '../../../src/main/graph/system-users'
import { installApp } from '../../../src/main/graph/apps'
import { generateSystemUserToken } from '../../../src/main/graph/tokens'
import { startHarness, type Harness } from './simulator-harness'
import { silentLogger } from '../../../src/main/log/logger'
import {
  createMemorySecretStore,
  type MemorySecretStore,
} from '../../../src/main/secrets/memory-secret-store'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import { createFileKvStore } from '../../../src/main/settings/file-kv-store'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/main/settings/settings'
import {
  createDataDirFiles,
  createMemoryClipboard,
  createRecordingNotifications,
  type MemoryClipboard,
  type RecordingNotifications,
} from '../../../src/main/vault/memory-host'
import { createUnprotectedScreen } from '../../../src/main/vault/screen-capture'
import { vaultSecretRef } from '../../../src/main/vault/secrets-access'
import type { TimerHandle, Timers } from '../../../src/main/vault/timers'
import type { VaultDeps, VaultEventName } from '../../../src/main/vault/vault-deps'
import { createVault, type Vault, type VaultHandlers } from '../../../src/main/vault/vault-handlers'
import { createVaultIndex, type VaultIndex } from '../../../src/main/vault/vault-index'

/**
 * Test plumbing for the vault: real ports where they can run here (file-backed index, real audit
 * log in a temp dir, the practice simulator over loopback), fakes that count where the tests need
 * to prove something did NOT happen (keychain reads, Graph calls), and a manual clock.
 */

export interface FakeTimers extends Timers {
  advance(ms: number): void
}

export function createFakeTimers(start = Date.UTC(2026, 0, 15, 9)): FakeTimers {
  let now = start
  let next = 0
  const tasks = new Map<number, { at: number; every?: number; run: () => void }>()
  const schedule = (run: () => void, ms: number, every?: number): TimerHandle => {
    next += 1
    tasks.set(next, { at: now + ms, run, ...(every ? { every } : {}) })
    return { timer: next }
  }
  const cancel = (handle: TimerHandle) => void tasks.delete(handle.timer as number)
  return {
    now: () => now,
    setTimeout: (run, ms) => schedule(run, ms),
    clearTimeout: cancel,
    setInterval: (run, ms) => schedule(run, ms, ms),
    clearInterval: cancel,
    advance(ms) {
      const end = now + ms
      for (;;) {
        const due = [...tasks.entries()]
          .filter(([, task]) => task.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        const [id, task] = due
        now = task.at
        if (task.every) task.at += task.every
        else tasks.delete(id)
        task.run()
      }
      now = end
    },
  }
}

/** A SecretStore that counts reads (the offline proof) around the in-memory fake. */
export interface CountingSecretStore extends SecretStore {
  readonly inner: MemorySecretStore
  reads: number
}

export function countingSecrets(inner = createMemorySecretStore()): CountingSecretStore {
  const store: CountingSecretStore = {
    inner,
    reads: 0,
    status: () => inner.status(),
    set: (ref, secret) => inner.set(ref, secret),
    delete: (ref) => inner.delete(ref),
    get(ref) {
      store.reads += 1
      return inner.get(ref)
    },
  }
  return store
}

export interface Emitted {
  readonly event: VaultEventName
  readonly payload: unknown
}

export interface VaultKit {
  readonly dir: string
  readonly secrets: CountingSecretStore
  readonly index: VaultIndex
  readonly audit: AuditLog
  readonly clipboard: MemoryClipboard
  readonly notifications: RecordingNotifications
  readonly timers: FakeTimers
  readonly emitted: Emitted[]
  readonly vault: Vault
  readonly handlers: VaultHandlers
  /** Every response any handler gave, serialised (for the canary scan). */
  readonly responses: { channel: string; text: string }[]
  call<C extends keyof VaultHandlers>(
    channel: C,
    request: Parameters<VaultHandlers[C]>[0],
  ): ReturnType<VaultHandlers[C]>
  /** Writes many records at once (one settings write), no tokens. */
  seed(records: readonly VaultRecordSummary[]): void
  close(): Promise<void>
}

export function createKit(options: {
  session: AdminSessionPort
  deps?: Partial<VaultDeps>
}): VaultKit {
  const dir = mkdtempSync(join(tmpdir(), 'vault-kit-'))
  const settings = createFileKvStore<Settings>(join(dir, 'settings.json'), DEFAULT_SETTINGS)
  const secrets = countingSecrets()
  const index = createVaultIndex(settings)
  const timers = createFakeTimers()
  const audit = createAuditLog({ dataDir: dir, now: () => timers.now() })
  const clipboard = createMemoryClipboard()
  const notifications = createRecordingNotifications()
  const emitted: Emitted[] = []
  const files = createDataDirFiles(dir)
  const screenCapture = createUnprotectedScreen()
  const vault = createVault({
    session: options.session,
    secrets,
    vault: index,
    audit,
    clipboard,
    notifications,
    timers,
    dataDir: dir,
    log: silentLogger,
    emit: (event, payload) => emitted.push({ event, payload }),
    saveFile: files,
    openFile: files,
    screenCapture,
    backupScryptN: 2 ** 14,
    ...options.deps,
  })
  const responses: VaultKit['responses'] = []
  const call = ((channel: keyof VaultHandlers, request: never) =>
    (vault.handlers[channel] as (r: never) => Promise<unknown>)(request).then((result) => {
      responses.push({ channel, text: JSON.stringify(result) })
      return result
    })) as VaultKit['call']
  return {
    dir,
    secrets,
    index,
    audit,
    clipboard,
    notifications,
    timers,
    emitted,
    vault,
    handlers: vault.handlers,
    responses,
    call,
    seed: (records) => settings.set('vaultRecords', [...records]),
    async close() {
      await vault.dispose()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * One kit per test, closed after it. Call at the top of a test file:
 * `const kits = kitEachTest()`, then `const kit = kits.start({ session: noSession })` in a test.
 */
export function kitEachTest(): { start: (options: Parameters<typeof createKit>[0]) => VaultKit } {
  let kit: VaultKit | undefined
  afterEach(async () => {
    await kit?.close()
    kit = undefined
  })
  return { start: (options) => (kit = createKit(options)) }
}

/** A record with sensible defaults; its token (if given) goes to the kit's keychain. */
export const makeRecord = (
  now: number,
  overrides: Partial<VaultRecordSummary> & { id: string },
  token?: string,
): VaultRecordSummary => ({
  kind: 'system-user',
  practice: true,
  businessId: 'b1',
  businessName: 'Acme',
  systemUserId: 'su1',
  systemUserName: 'Reports',
  appId: 'app1',
  scopes: ['ads_read'],
  createdAt: new Date(now).toISOString(),
  expiresAt: null,
  fingerprint: token ? token.slice(-4) : 'abcd',
  lastCheck: null,
  ...overrides,
})

export async function addRecord(
  kit: VaultKit,
  overrides: Partial<VaultRecordSummary> & { id: string },
  token?: string,
): Promise<VaultRecordSummary> {
  const record: VaultRecordSummary = {
    kind: 'system-user',
    practice: true,
    businessId: 'b1',
    businessName: 'Acme',
    systemUserId: 'su1',
    systemUserName: 'Reports',
    appId: 'app1',
    scopes: ['ads_read'],
    createdAt: new Date(kit.timers.now()).toISOString(),
    expiresAt: null,
    fingerprint: token ? token.slice(-4) : 'abcd',
    lastCheck: null,
    ...overrides,
  }
  if (token) await kit.secrets.inner.set(vaultSecretRef(record), token)
  kit.index.put(record)
  return record
}

/** A Graph client that fails the test on any call: proof of "no network". */
export function refusingClient(calls: { count: number }): GraphClient {
  return {
    call: async () => {
      calls.count += 1
      throw new Error('network used')
    },
  } as unknown as GraphClient
}

export const noSession: AdminSessionPort = {
  current: async () => err('not-connected', 'connect.notConnected'),
}

/** The admin session of a simulator harness (practice mode, the seed's app and business). */
export function harnessSession(h: Harness): AdminSessionPort & { session: AdminSession } {
  const { fixtures } = h.sim
  const session: AdminSession = {
    mode: 'practice',
    client: h.client,
    credentials: { token: fixtures.adminUserToken, appSecret: fixtures.appSecret },
    appId: fixtures.appId,
    appName: fixtures.appName,
    businessId: fixtures.businessId,
    businessName: fixtures.businessName,
  }
  return { session, current: async () => ok(session) }
}

/** Creates a system user with the app installed and a real (simulated) token for it. */
export async function systemUserWithToken(
  h: Harness,
  name: string,
  expiresIn60Days = true,
): Promise<{ systemUserId: string; token: string }> {
  const { businessId, appId } = h.sim.fixtures
  const created = await createSystemUser(h.client, h.admin, { businessId, name, role: 'EMPLOYEE' })
  if (!created.ok) throw new Error(created.error.code)
  const systemUserId = created.value.id
  const installed = await installApp(h.client, h.admin, { systemUserId, appId, businessId })
  if (!installed.ok) throw new Error(installed.error.code)
  const generated = await generateSystemUserToken(h.client, h.admin, {
    systemUserId,
    appId,
    businessId,
    scopes: ['ads_read', 'business_management'],
    expiresIn60Days,
    edge: 'system-user',
  })
  if (!generated.ok) throw new Error(generated.error.code)
  return { systemUserId, token: generated.value.token }
}

export { startHarness, type Harness }

/**
 * SEC-10: no handler response but `vault:secret-reveal` carries a secret. Returns how many
 * responses were scanned, so a caller can assert the scan saw something.
 */
export function secretsInResponses(
  kit: VaultKit,
  secrets: readonly string[],
): { scanned: number; leaks: string[] } {
  const leaks: string[] = []
  let scanned = 0
  for (const response of kit.responses) {
    if (response.channel === 'vault:secret-reveal') continue
    scanned += 1
    for (const secret of secrets) {
      const encoded = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]
      if (encoded.some((form) => response.text.includes(form))) leaks.push(response.channel)
    }
  }
  return { scanned, leaks }
}
