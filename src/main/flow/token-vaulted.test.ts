import { afterEach, describe, expect, it } from 'vitest'
import type { SecretRef } from '../secrets/secret-store'
import type { VaultIndex } from '../vault/vault-index'
import { actionOf, type JournalRun } from './journal-run'
import { errorOf, expectSetUp, valueOf } from '../../../tests/support/node/expect-run'
import {
  goalRequest,
  startFlowHarness,
  type FlowHarness,
} from '../../../tests/support/node/flow-harness'

/*
 * A token in the keychain always ends up in the vault or revoked at Meta (REL-05): never a live
 * token nobody lists. Phase 3 runs the read-back beside the token actions, so a read-back that
 * fails or is cancelled must not keep a saved token from its record, and discarding a run that
 * saved a token the vault does not list revokes it first (or keeps it, refusing, when it cannot).
 */
let flow: FlowHarness | undefined
afterEach(async () => {
  await flow?.close()
  flow = undefined
})

const GRANT_READ = { method: 'GET', path: /\/assigned_[a-z_]+$/ }
const runOf = (f: FlowHarness, runId: string): JournalRun => valueOf(f.service.journal.load(runId))
const refOf = (run: JournalRun): SecretRef => ({ kind: 'system-user-token', id: run.vaultRecordId })
const liveTokens = (f: FlowHarness, userId: string) =>
  f.h.sim.model.tokens({ userId, type: 'SYSTEM_USER' }).filter((token) => !token.revoked)

/** A vault whose writes fail while `failing.on` (a full disk): the token stays unrecorded. */
function failingVault(): {
  vault: VaultIndex
  failing: { on: boolean }
  bind(v: VaultIndex): void
} {
  let real: VaultIndex | undefined
  const failing = { on: true }
  const of = () => real ?? expect.fail('vault not bound')
  const vault: VaultIndex = {
    list: (query) => of().list(query),
    get: (id) => of().get(id),
    put: (record) => {
      if (failing.on) throw new Error('simulated: disk full')
      of().put(record)
    },
    update: (id, change) => of().update(id, change),
    remove: (id) => of().remove(id),
  }
  return { vault, failing, bind: (v) => (real = v) }
}

describe('the token is vaulted whatever became of the read-back beside it', () => {
  it('the read-back fails (5xx) while the token succeeds: vaulted; the resume reads and updates that record', async () => {
    flow = await startFlowHarness({ tier: 'full' })
    flow.h.sim.faults.add({
      match: GRANT_READ,
      fault: { kind: 'http-error', status: 503 },
      times: 20,
    })
    const { request, plan } = goalRequest(flow.h, 'read-ad-reports', 'Read back later')
    const { runId } = valueOf(await flow.service.handlers['flow:run-start'](request))
    const error = errorOf(await flow.service.handlers['flow:run-continue']({ runId }))
    expect(error.code).toBe('graph-unavailable')

    const stopped = runOf(flow, runId)
    expect(stopped.status).toBe('paused')
    expect(actionOf(stopped, 'verify-assignments').state).toBe('failed')
    expect(actionOf(stopped, 'save-token').state).toBe('done')
    const record = flow.vault.get(stopped.vaultRecordId)
    expect(record?.systemUserId).toBe(stopped.systemUserId)
    const [token] = liveTokens(flow, stopped.systemUserId!)
    expect(await flow.secrets.get(refOf(stopped))).toBe(token!.value)
    expect(record!.fingerprint).toBe(token!.value.slice(-4))

    // Meta shows a task beyond the plan by the time the read-back succeeds.
    flow.h.sim.faults.clear()
    const asset = request.assignments[0]!
    const extra = ['ADVERTISE', 'MANAGE', 'ANALYZE'].find((task) => !asset.tasks.includes(task))!
    const id = asset.assetIds[0]!
    const held = flow.h.sim.model.tasksOf(id, stopped.systemUserId!) ?? []
    flow.h.sim.model.assign(id, stopped.systemUserId!, [...held, extra])
    flow.restart()
    const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId }))
    expect(done.status).toBe('done')
    expect(done.differences.find((d) => d.assetId === id)?.extra).toContain(extra)
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
    const updated = flow.vault.get(stopped.vaultRecordId)!
    expect(updated.assets?.find((a) => a.id === id)?.tasks).toContain(extra)
    expect(updated.createdAt).toBe(record!.createdAt)
  })

  it('a cancel during the read-back after the token was saved: vaulted, and continuing ends the run', async () => {
    flow = await startFlowHarness({ tier: 'full' })
    flow.h.sim.faults.add({ match: GRANT_READ, fault: { kind: 'hang' }, times: 20 })
    const { request, plan } = goalRequest(flow.h, 'read-ad-reports', 'Cancelled reader')
    const { runId } = valueOf(await flow.service.handlers['flow:run-start'](request))
    const ref = refOf(runOf(flow, runId))
    const working = flow.service.handlers['flow:run-continue']({ runId })
    await expect.poll(() => flow!.secrets.get(ref)).not.toBeNull()
    valueOf(await flow.service.handlers['flow:run-cancel']({ runId }))
    expect(errorOf(await working).code).toBe('cancelled')

    const stopped = runOf(flow, runId)
    expect(stopped.status).toBe('paused')
    expect(flow.vault.get(stopped.vaultRecordId)?.systemUserId).toBe(stopped.systemUserId)
    expect(actionOf(stopped, 'save-token').state).toBe('done')
    flow.h.sim.faults.clear()
    expect(valueOf(await flow.service.handlers['flow:run-continue']({ runId })).status).toBe('done')
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it("both fail: the keychain's guidance (REL-05), not the transient read-back error, is the run's error", async () => {
    flow = await startFlowHarness({ tier: 'full' })
    flow.h.sim.faults.add({ match: GRANT_READ, fault: { kind: 'drop' }, times: 20 })
    flow.secrets.simulate({ failOnWrite: 1 })
    const { request } = goalRequest(flow.h, 'read-ad-reports', 'Two failures')
    const { runId } = valueOf(await flow.service.handlers['flow:run-start'](request))
    const error = errorOf(await flow.service.handlers['flow:run-continue']({ runId }))
    expect(error).toMatchObject({ code: 'keychain-failed', messageKey: 'flowMain.save.failed' })
    expect(error.params?.expiresAt).toBe(runOf(flow, runId).tokenExpiresAt)
    const stopped = runOf(flow, runId)
    expect(stopped.status).toBe('needs-attention')
    expect(stopped.lastError).toMatchObject({ messageKey: 'flowMain.save.failed' })
    expect(actionOf(stopped, 'verify-assignments').error?.code).toBe('network')
  })
})

describe('discarding a run that saved a token the vault does not list', () => {
  /** Runs until the vault write fails: the token is in the keychain, the vault lacks it. */
  async function unrecorded(name: string, adopt = false) {
    const { vault, failing, bind } = failingVault()
    flow = await startFlowHarness({ tier: 'full', extra: { vault } })
    bind(flow.vault)
    const { request } = goalRequest(flow.h, 'read-ad-reports', name)
    const { runId } = valueOf(await flow.service.handlers['flow:run-start'](request))
    const f = flow.h.sim.fixtures
    const other = adopt
      ? flow.h.sim.model.addSystemUser({ businessId: f.businessId, name, role: 'EMPLOYEE' })
      : undefined
    const error = errorOf(await flow.service.handlers['flow:run-continue']({ runId }))
    expect(error.messageKey).toBe('flowMain.save.vaultFailed')
    const run = runOf(flow, runId)
    expect(run.adopted).toBe(adopt)
    expect(run.systemUserId).toBe(other?.id ?? run.systemUserId)
    expect(flow.vault.get(run.vaultRecordId)).toBeUndefined()
    const saved = (await flow.secrets.get(refOf(run)))!
    expect(liveTokens(flow, run.systemUserId!).map((t) => t.value)).toContain(saved)
    return { run, saved, failing }
  }

  it('a system user this run created: the token is revoked at Meta, then the run and entry go', async () => {
    const { run, saved } = await unrecorded('Discarded fresh')
    expect(valueOf(await flow!.service.handlers['flow:run-discard']({ runId: run.runId }))).toEqual(
      { discarded: true },
    )
    expect(flow!.h.sim.model.token(saved)?.revoked).toBe(true)
    expect(liveTokens(flow!, run.systemUserId!)).toEqual([])
    expect(await flow!.secrets.get(refOf(run))).toBeNull()
    expect(flow!.service.journal.load(run.runId).ok).toBe(false)
  })

  it("an adopted system user: only this run's token is revoked, the holder's own stays valid", async () => {
    const { run, saved } = await unrecorded('Discarded adopted', true)
    const theirs = flow!.h.sim.issueToken({ kind: 'system_user', userId: run.systemUserId! })
    valueOf(await flow!.service.handlers['flow:run-discard']({ runId: run.runId }))
    expect(flow!.h.sim.model.token(saved)?.revoked).toBe(true)
    expect(liveTokens(flow!, run.systemUserId!).map((t) => t.value)).toEqual([theirs])
    expect(await flow!.secrets.get(refOf(run))).toBeNull()
  })

  it('a practice token the simulator no longer knows (a relaunch) is forgotten, not kept forever', async () => {
    const { run } = await unrecorded('Stale practice')
    flow!.h.sim.faults.add({
      match: { path: /oauth\/revoke$/ },
      fault: { kind: 'graph-error', code: 190 },
      times: 5,
    })
    expect(valueOf(await flow!.service.handlers['flow:run-discard']({ runId: run.runId }))).toEqual(
      { discarded: true },
    )
    expect(await flow!.secrets.get(refOf(run))).toBeNull()
    expect(flow!.service.journal.load(run.runId).ok).toBe(false)
  })

  it('Meta refuses the revoke: the discard is refused, run and token kept, and continuing vaults it', async () => {
    const { run, saved, failing } = await unrecorded('Kept on refusal')
    flow!.h.sim.faults.add({
      match: { path: /oauth\/revoke$/ },
      fault: { kind: 'graph-error', code: 2 },
      times: 5,
    })
    const refused = errorOf(await flow!.service.handlers['flow:run-discard']({ runId: run.runId }))
    expect(refused.code).toBe('graph-unavailable')
    expect(flow!.service.journal.load(run.runId).ok).toBe(true)
    expect(await flow!.secrets.get(refOf(run))).toBe(saved)
    expect(flow!.h.sim.model.token(saved)?.revoked).toBe(false)
    flow!.h.sim.faults.clear()
    failing.on = false
    const done = valueOf(await flow!.service.handlers['flow:run-continue']({ runId: run.runId }))
    expect(done.status).toBe('done')
    expect(flow!.vault.get(run.vaultRecordId)?.fingerprint).toBe(saved.slice(-4))
  })
})
