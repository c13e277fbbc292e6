/**
 * A filled vault in the preview (practice mode, REAL keychain) for the vault e2e files: a regular
 * and an admin system user made by the guided flow, and two imported tokens, one expiring in
 * 5 days and one already expired. The keychain store is wrapped to count reads, the vault host's
 * clipboard is the in-memory one the test can read, and the simulator is the test's own.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPracticeRuntime } from '../../../src/main/practice/practice-runtime'
import type { RunningSimulator } from '../../../src/main/practice/simulator'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import { createInMemoryVaultHost } from '../../../src/main/vault/memory-host'
import { openPreviewSession, type PreviewSession } from './preview-session'
import {
  callApi,
  connectPractice,
  importToken,
  openVault,
  recordState,
  runGuidedFlow,
  waitFor,
} from './vault-steps'

/** The records' names in the list (system user name, or an imported token's label). */
export type RecordName = 'Reports server' | 'Office admin' | 'Nightly export' | 'Old integration'

export interface FilledVault {
  readonly session: PreviewSession
  readonly sim: RunningSimulator
  readonly vaultHost: ReturnType<typeof createInMemoryVaultHost>
  /** Each record's token value, read from the simulator's model (never print one). */
  readonly tokens: Readonly<Record<RecordName, string>>
  readonly ids: Readonly<Record<RecordName, string>>
  /** How many times the app has read the keychain so far. */
  keychainReads(): number
  close(): Promise<void>
}

export async function openFilledVault(): Promise<FilledVault> {
  const practice = createPracticeRuntime()
  const dataDir = mkdtempSync(join(tmpdir(), 'sua-e2e-vault-'))
  const vaultHost = createInMemoryVaultHost(dataDir)
  let reads = 0
  const countingReads = (store: SecretStore): SecretStore => ({
    status: () => store.status(),
    set: (ref, secret) => store.set(ref, secret),
    delete: (ref) => store.delete(ref),
    get: (ref) => {
      // Token reads only: the audit log's anchor holds no secret (anchored-audit-log.ts).
      if (ref.kind !== 'audit-anchor') reads += 1
      return store.get(ref)
    },
  })
  const session = await openPreviewSession({
    dataDir,
    ports: { practice, vaultHost },
    wrapSecrets: countingReads,
  })
  const { page } = session
  await connectPractice(page)
  await page.getByText('Everything is ready').first().waitFor()
  const sim = (await practice.session()).simulator

  const madeBy = async (name: string, role: 'EMPLOYEE' | 'ADMIN') => {
    const run = await runGuidedFlow(page, sim, name, role)
    const id = run.vaultRecordId ?? ''
    const { record } = await callApi<{ record: { systemUserId: string } }>(page, 'getVaultRecord', {
      id,
    })
    const issued = sim.model.tokens({ userId: record.systemUserId, type: 'SYSTEM_USER' })
    if (issued.length !== 1) throw new Error(`${issued.length} tokens for ${name}`)
    return { id, token: issued[0]!.value, systemUserId: record.systemUserId }
  }
  const reports = await madeBy('Reports server', 'EMPLOYEE')
  const office = await madeBy('Office admin', 'ADMIN')
  const soon = sim.issueToken({
    kind: 'system_user',
    userId: reports.systemUserId,
    scopes: ['ads_read'],
    expiresInSeconds: 5 * 86_400,
  })
  // Import checks with debug_token, which refuses dead tokens: this one is imported while it
  // still lives and then left to lapse (its expiry is seconds away).
  const old = sim.issueToken({
    kind: 'system_user',
    userId: reports.systemUserId,
    expiresInSeconds: 3,
  })
  const soonId = await importToken(page, soon, 'Nightly export')
  const oldId = await importToken(page, old, 'Old integration')
  await waitFor(() => recordState(page, oldId), 'expired')
  await openVault(page)

  return {
    session,
    sim,
    vaultHost,
    tokens: {
      'Reports server': reports.token,
      'Office admin': office.token,
      'Nightly export': soon,
      'Old integration': old,
    },
    ids: {
      'Reports server': reports.id,
      'Office admin': office.id,
      'Nightly export': soonId,
      'Old integration': oldId,
    },
    keychainReads: () => reads,
    close: async () => {
      await session.close()
      await practice.close()
    },
  }
}
