import { expect } from 'vitest'
import { diffGranted, type AccessPlan } from '@shared/catalog'
import type { RunStartRequest } from '@shared/ipc/schemas/flow'
import type { Result } from '@shared/result'
import type { RunningSimulator } from '../../../src/main/practice/simulator'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import type { VaultIndex } from '../../../src/main/vault/vault-index'

/** The value of an ok Result; a failed one fails the test with its error. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value
}

/** The error of a failed Result. */
export function errorOf<T>(result: Result<T>) {
  if (result.ok) expect.fail('expected an error, got ok')
  return result.error
}

/**
 * What the simulator and the vault must hold after a run of `request`: exactly one system user
 * with the name and role, every planned asset with (at least) its tasks and nothing else, the app
 * installed, exactly one valid token with exactly the plan's scopes, and that token in the vault.
 */
export async function expectSetUp(input: {
  sim: RunningSimulator
  request: RunStartRequest
  plan: AccessPlan
  vault: VaultIndex
  secrets: SecretStore
  appId?: string
}): Promise<{ systemUserId: string; token: string }> {
  const { sim, request, plan, vault, secrets } = input
  const f = sim.fixtures
  const named = sim.model.systemUsers(f.businessId).filter((su) => su.name === request.name)
  expect(named).toHaveLength(1)
  const su = named[0]!
  expect(su.role).toBe(request.role)

  const planned = new Set<string>()
  for (const group of request.assignments) {
    for (const assetId of group.assetIds) {
      planned.add(assetId)
      const granted = sim.model.tasksOf(assetId, su.id) ?? []
      expect(diffGranted({ kind: group.kind, tasks: group.tasks }, granted).granted).toBe(true)
    }
  }
  const held = sim.model.assignmentsOfUser(su.id).map((assignment) => assignment.assetId)
  expect(held.filter((id) => !planned.has(id))).toEqual([])
  expect(sim.model.installedApps(su.id)).toContain(input.appId ?? f.appId)

  const nowS = Math.floor(sim.model.now() / 1000)
  const valid = sim.model
    .tokens({ userId: su.id, type: 'SYSTEM_USER' })
    .filter((token) => !token.revoked && (token.expiresAt === 0 || token.expiresAt > nowS))
  expect(valid).toHaveLength(1)
  const token = valid[0]!
  expect([...token.scopes].sort()).toEqual([...plan.scopes].sort())

  const records = vault.list().filter((record) => record.systemUserId === su.id)
  expect(records).toHaveLength(1)
  const record = records[0]!
  expect(record.fingerprint).toBe(token.value.slice(-4))
  expect([...record.scopes].sort()).toEqual([...plan.scopes].sort())
  // The vault can show and search what the token reaches, offline: role, assets and their tasks.
  expect(record.systemUserRole).toBe(request.role)
  const recorded = new Map((record.assets ?? []).map((asset) => [asset.id, asset]))
  for (const group of request.assignments) {
    for (const assetId of group.assetIds) {
      expect(recorded.get(assetId)?.tasks).toEqual(expect.arrayContaining([...group.tasks]))
    }
  }
  expect(await secrets.get({ kind: 'system-user-token', id: record.id })).toBe(token.value)
  return { systemUserId: su.id, token: token.value }
}
