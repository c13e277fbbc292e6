import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { planFromGoal, type AccessPlan, type GoalId } from '@shared/catalog'
import type { AssignmentGroup, RunStartRequest } from '@shared/ipc/schemas/flow'
import { ok, type Result } from '@shared/result'
import type { AdminSession, AdminSessionPort } from '../../../src/main/admin-session'
import type { GraphCredentials } from '../../../src/main/graph/client'
import type { Transport } from '../../../src/main/graph/transport'
import { startHarness, type Harness } from './simulator-harness'
import { silentLogger } from '../../../src/main/log/logger'
import {
  createMemorySecretStore,
  type MemorySecretStore,
} from '../../../src/main/secrets/memory-secret-store'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import { createFileKvStore } from '../../../src/main/settings/file-kv-store'
import { DEFAULT_SETTINGS } from '../../../src/main/settings/settings'
import { createVaultIndex, type VaultIndex } from '../../../src/main/vault/vault-index'
import {
  createFlowService,
  type FlowDeps,
  type FlowService,
} from '../../../src/main/flow/flow-handlers'

/**
 * Test plumbing for the guided flow: the practice simulator with a fake clock, an AdminSession
 * built from its seed (the admin's token and the app secret), a vault index in a temp directory,
 * an in-memory keychain and the setup service over all of them.
 */
export interface FlowHarness {
  readonly h: Harness
  readonly dataDir: string
  readonly secrets: MemorySecretStore
  readonly vault: VaultIndex
  readonly service: FlowService
  /** Swap the admin's credentials (a reconnect after an expired token). */
  setCredentials(credentials: GraphCredentials & { appSecret: string }): void
  /** A new service over the same directory, keychain and simulator (an app restart). */
  restart(extra?: Partial<FlowDeps>): FlowService
  /** The text of every run in the journal, to scan for secrets. */
  journalText(): string
  close(): Promise<void>
}

export function sessionOf(
  h: Harness,
  credentials: GraphCredentials & { appSecret: string },
): AdminSession {
  const f = h.sim.fixtures
  return {
    mode: 'practice',
    client: h.client,
    credentials,
    appId: f.appId,
    appName: f.appName,
    businessId: f.businessId,
    businessName: f.businessName,
  }
}

export async function startFlowHarness(
  options: {
    tier?: 'limited' | 'full'
    secrets?: SecretStore
    extra?: Partial<FlowDeps>
    /** The Graph client's transport (e.g. round-counter.ts); default the real one. */
    transport?: Transport
  } = {},
): Promise<FlowHarness> {
  // Few, fast retries: the fake clock makes back-off instant, and faults end in an answer.
  const h = await startHarness(
    {},
    { retry: { maxAttempts: 2 }, ...(options.transport ? { transport: options.transport } : {}) },
  )
  const f = h.sim.fixtures
  if (options.tier) h.sim.model.updateApp(f.appId, { tier: options.tier })
  const dataDir = mkdtempSync(join(tmpdir(), 'sua-setup-'))
  let credentials = { token: f.adminUserToken, appSecret: f.appSecret }
  const session: AdminSessionPort = {
    current: async (): Promise<Result<AdminSession>> => ok(sessionOf(h, credentials)),
  }
  const secrets = createMemorySecretStore()
  const vault = createVaultIndex(
    createFileKvStore(join(dataDir, 'settings.json'), DEFAULT_SETTINGS),
  )
  const build = (extra: Partial<FlowDeps> = {}) =>
    createFlowService({
      session,
      secrets: options.secrets ?? secrets,
      vault,
      dataDir,
      log: silentLogger,
      clock: () => h.clock.now(),
      ...options.extra,
      ...extra,
    })
  let service = build()
  return {
    h,
    dataDir,
    secrets,
    vault,
    get service() {
      return service
    },
    setCredentials: (next) => {
      credentials = next
    },
    restart: (extra) => {
      service.journal.release()
      service = build(extra)
      return service
    },
    journalText: () =>
      readdirSync(join(dataDir, 'runs'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => readFileSync(join(dataDir, 'runs', name), 'utf8'))
        .join('\n'),
    close: async () => {
      service.journal.release()
      await h.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Simulator asset ids per catalog kind (the simulator spells kinds with underscores). */
export function fixtureIds(h: Harness): Record<AssignmentGroup['kind'], readonly string[]> {
  const f = h.sim.fixtures
  return {
    page: f.pageIds,
    'ad-account': f.adAccountIds,
    'product-catalog': f.catalogIds,
    'instagram-account': f.instagramAccountIds,
    'whatsapp-business-account': f.whatsappAccountIds,
    pixel: f.pixelIds,
  }
}

/** A start request for a goal: every asset of each planned kind, with the plan's tasks. */
export function goalRequest(
  h: Harness,
  goalId: Exclude<GoalId, 'custom'>,
  name: string,
  extra: Partial<RunStartRequest> = {},
): { request: RunStartRequest; plan: AccessPlan } {
  const plan = planFromGoal(goalId, { pageVocabulary: 'sdk' })
  const ids = fixtureIds(h)
  return {
    plan,
    request: {
      plan: { source: 'goal', goalId, pageVocabulary: 'sdk' },
      name,
      role: 'EMPLOYEE',
      assignments: plan.assets.map((asset) => ({
        kind: asset.kind,
        tasks: [...asset.tasks],
        assetIds: [...ids[asset.kind]],
      })),
      expiry: '60-days',
      ...extra,
    },
  }
}
