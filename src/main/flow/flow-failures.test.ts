import { afterEach, describe, expect, it } from 'vitest'
import type { RunSummary } from '@shared/ipc/schemas/flow'
import { expectSetUp, errorOf, valueOf } from '../../../tests/support/node/expect-run'
import {
  goalRequest,
  startFlowHarness,
  type FlowHarness,
} from '../../../tests/support/node/flow-harness'

/*
 * Meta failing mid-flow: each case ends in a clear AppError, a journaled run the admin can resume,
 * and — once the cause is gone — exactly the planned system user, never a second one.
 */
let flow: FlowHarness | undefined
afterEach(async () => {
  await flow?.close()
  flow = undefined
})

const unfinished = async (f: FlowHarness): Promise<RunSummary> => {
  const { runs } = valueOf(await f.service.handlers['flow:runs-unfinished']({}))
  expect(runs).toHaveLength(1)
  return runs[0]!
}

/** Starts a read-ad-reports run, continues it once, and answers the error and the run. */
async function failOnce(f: FlowHarness, name = 'Reports server') {
  const { request, plan } = goalRequest(f.h, 'read-ad-reports', name)
  const run = valueOf(await f.service.handlers['flow:run-start'](request))
  const error = errorOf(await f.service.handlers['flow:run-continue']({ runId: run.runId }))
  // A relaunch: the run is offered for resume from the journal.
  f.restart()
  const paused = await unfinished(f)
  expect(paused.resumable).toBe(true)
  expect(paused.lastError?.code).toBe(error.code)
  return { error, paused, request, plan }
}

const resume = async (f: FlowHarness, runId: string) =>
  valueOf(await f.service.handlers['flow:run-continue']({ runId }))

describe('failures leave a resumable run and no duplicate', () => {
  it('throttling: rate-limited, then done', async () => {
    flow = await startFlowHarness()
    flow.h.sim.faults.add({
      match: { method: 'POST', path: /system_users$/ },
      fault: { kind: 'throttle', code: 80004 },
      times: 5,
    })
    const { error, paused, request, plan } = await failOnce(flow)
    expect(error.code).toBe('rate-limited')
    // A throttled request is refused before Meta acts on it: a definite failure.
    expect(paused.actions[0]!.state).toBe('failed')
    expect(flow.h.sim.model.systemUsers(flow.h.sim.fixtures.businessId)).toEqual([])
    flow.h.sim.faults.clear()
    flow.h.clock.advance(60 * 60 * 1000)
    expect((await resume(flow, paused.runId)).status).toBe('done')
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('a 5xx on the create: unknown outcome, reconciled by reading, created once', async () => {
    flow = await startFlowHarness()
    flow.h.sim.faults.add({
      match: { method: 'POST', path: /system_users$/ },
      fault: { kind: 'http-error', status: 503 },
    })
    const { error, paused, request, plan } = await failOnce(flow)
    expect(error.code).toBe('unknown-outcome')
    expect(paused.actions[0]!.state).toBe('in-flight')
    expect((await resume(flow, paused.runId)).status).toBe('done')
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('a lost answer on generate: the possible orphan is invalidated and one valid token remains', async () => {
    flow = await startFlowHarness()
    flow.h.sim.faults.add({
      match: { method: 'POST', path: /access_tokens$/ },
      fault: { kind: 'commit-then-drop' },
    })
    const { error, paused, request, plan } = await failOnce(flow)
    expect(error.code).toBe('unknown-outcome')
    expect(paused.actions.find((s) => s.kind === 'generate-token')!.state).toBe('in-flight')
    const done = await resume(flow, paused.runId)
    expect(done.status).toBe('done')
    // This run created the system user, so the lost token was revoked, not left to the admin.
    expect(done.orphanedToken).toBeUndefined()
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('the admin token expires mid-flow: auth-expired, then done after reconnecting', async () => {
    const crash = { armed: true }
    flow = await startFlowHarness({
      extra: {
        crash: (point, action) => {
          if (crash.armed && point === 'after-response' && action === 'find-or-create') {
            crash.armed = false
            flow!.h.clock.advance(61 * 24 * 60 * 60 * 1000)
          }
        },
      },
    })
    const { error, paused, request, plan } = await failOnce(flow)
    expect(error.code).toBe('auth-expired')
    expect(paused.systemUserId).toBeDefined()
    flow.setCredentials({
      token: flow.h.sim.issueToken({ kind: 'user', expiresInSeconds: 3600 }),
      appSecret: flow.h.sim.fixtures.appSecret,
    })
    expect((await resume(flow, paused.runId)).status).toBe('done')
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('2FA required for the admin system user: two-factor-required, then done', async () => {
    flow = await startFlowHarness()
    const f = flow.h.sim.fixtures
    flow.h.sim.model.updateBusiness(f.businessId, { twoFactorPending: true })
    const { request, plan } = goalRequest(flow.h, 'read-ad-reports', 'Admin tools', {
      role: 'ADMIN',
    })
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    expect(run.warnings.map((w) => w.code)).toContain('admin-role')
    const error = errorOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    expect(error.code).toBe('two-factor-required')
    const paused = await unfinished(flow)
    expect(paused.actions.find((s) => s.kind === 'generate-token')!.state).toBe('failed')
    flow.h.sim.model.updateBusiness(f.businessId, { twoFactorPending: false })
    expect((await resume(flow, run.runId)).status).toBe('done')
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
    expect(flow.vault.list()[0]!.kind).toBe('admin-system-user')
  })

  it('quota reached: nothing created, then done once the tier allows more', async () => {
    flow = await startFlowHarness({ tier: 'limited' })
    const f = flow.h.sim.fixtures
    flow.h.sim.model.addSystemUser({ businessId: f.businessId, name: 'Existing', role: 'EMPLOYEE' })
    const { error, paused, request, plan } = await failOnce(flow)
    expect(error.code).toBe('quota-reached')
    expect(paused.actions[0]!.state).toBe('failed')
    expect(flow.h.sim.model.systemUsers(f.businessId)).toHaveLength(1)
    flow.h.sim.model.updateApp(f.appId, { tier: 'full' })
    expect((await resume(flow, paused.runId)).status).toBe('done')
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('an app the business does not own: a clear error at the install step', async () => {
    flow = await startFlowHarness()
    const model = flow.h.sim.model
    const other = model.addBusiness({
      name: 'Elsewhere Ltd',
      verificationStatus: 'verified',
      twoFactorType: 'none',
      twoFactorPending: false,
      mustUseExpiringTokens: false,
      adminUserIds: [],
      employeeUserIds: [],
    })
    const app = model.addApp({
      name: 'Not ours',
      secret: 'not-ours-secret',
      tier: 'full',
      requireAppSecret: true,
      appType: 'web',
      businessId: other.id,
      developerUserIds: [],
      link: 'https://example.com',
      category: 'Business',
    })
    const { request } = goalRequest(flow.h, 'read-ad-reports', 'Reports server', { appId: app.id })
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    const error = errorOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    expect(error).toMatchObject({
      code: 'graph-invalid-request',
      messageKey: 'graph.code.appNotInBusiness',
    })
    const paused = await unfinished(flow)
    expect(paused.actions.find((s) => s.kind === 'install-app')!.state).toBe('failed')
    // What was made so far is explained by the summary: the system user and its assets.
    expect(paused.systemUserId).toBeDefined()
    expect(model.systemUsers(flow.h.sim.fixtures.businessId)).toHaveLength(1)
  })

  it('"never expires" where the business must expire tokens: explained, and no token is made', async () => {
    flow = await startFlowHarness()
    const f = flow.h.sim.fixtures
    flow.h.sim.model.updateBusiness(f.businessId, { mustUseExpiringTokens: true })
    const { request } = goalRequest(flow.h, 'read-ad-reports', 'Reports server', {
      expiry: 'never',
    })
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    const error = errorOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    expect(error.messageKey).toBe('graph.code.neverExpiringRefused')
    expect(flow.h.sim.model.tokens({ type: 'SYSTEM_USER' })).toEqual([])
  })

  it('a cancel aborts the request in flight; continuing finishes the run', async () => {
    flow = await startFlowHarness()
    flow.h.sim.faults.add({
      match: { method: 'POST', path: /applications$/ },
      fault: { kind: 'hang' },
    })
    const { request, plan } = goalRequest(flow.h, 'read-ad-reports', 'Reports server')
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    const working = flow.service.handlers['flow:run-continue']({ runId: run.runId })
    await expect
      .poll(() => flow!.h.sim.requests.some((r) => r.url.endsWith('/applications')))
      .toBe(true)
    expect(valueOf(await flow.service.handlers['flow:run-cancel']({ runId: run.runId }))).toEqual({
      cancelled: true,
    })
    expect(errorOf(await working).code).toBe('cancelled')
    const paused = await unfinished(flow)
    expect(paused.actions.find((s) => s.kind === 'install-app')!.state).toBe('in-flight')
    expect((await resume(flow, run.runId)).status).toBe('done')
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })
})

describe('the keychain failing on the k-th write (REL-05)', () => {
  it.each([1, 2])(
    'write %i fails: nothing more is made, no DONE action lacks its token, resume vaults a fresh one',
    async (k) => {
      flow = await startFlowHarness({ tier: 'full' })
      // Earlier writes succeed: a first run fills the keychain for k > 1.
      for (let n = 1; n < k; n += 1) {
        const { request } = goalRequest(flow.h, 'read-ad-reports', `Earlier ${n}`)
        const run = valueOf(await flow.service.handlers['flow:run-start'](request))
        valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
      }
      flow.secrets.simulate({ failOnWrite: 1 })
      const { request, plan } = goalRequest(flow.h, 'run-ads', 'Ads server')
      const run = valueOf(await flow.service.handlers['flow:run-start'](request))
      const error = errorOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
      const requestsAtFailure = flow.h.sim.requests.length
      expect(error).toMatchObject({ code: 'keychain-failed', messageKey: 'flowMain.save.failed' })

      const { runs } = valueOf(await flow.service.handlers['flow:runs-unfinished']({}))
      const stopped = runs[0]!
      expect(stopped.status).toBe('needs-attention')
      expect(stopped.actions.find((s) => s.kind === 'save-token')!.state).toBe('failed')
      expect(stopped.vaultRecordId).toBeUndefined()
      expect(stopped.orphanedToken?.systemUserId).toBe(stopped.systemUserId)
      expect(flow.vault.list().filter((r) => r.systemUserName === 'Ads server')).toEqual([])
      // Stopped means stopped: not one more request went to Meta after the failure.
      expect(flow.h.sim.requests.length).toBe(requestsAtFailure)

      flow.secrets.simulate({})
      const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
      expect(done.status).toBe('done')
      await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
    },
  )
})
