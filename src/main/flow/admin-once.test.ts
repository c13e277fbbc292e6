import { afterEach, describe, expect, it } from 'vitest'
import { expectSetUp, valueOf } from '../../../tests/support/node/expect-run'
import { goalRequest, startFlowHarness, type FlowHarness } from '../../../tests/support/node/flow-harness'

/*
 * Connect issue, "Done when": creating the admin system user twice, or after a lost response,
 * never makes two. Meta allows one admin system user per business (docs/graph-api.md §8.1).
 */
let flow: FlowHarness | undefined
afterEach(async () => {
  await flow?.close()
  flow = undefined
})

const admins = (f: FlowHarness) =>
  f.h.sim.model.systemUsers(f.h.sim.fixtures.businessId).filter((su) => su.role === 'ADMIN')

describe('the admin system user is made once', () => {
  it('after a lost answer to the create, it reads and adopts the one Meta made: one create, one admin', async () => {
    flow = await startFlowHarness()
    flow.h.sim.faults.add({
      match: { method: 'POST', path: /system_users$/ },
      fault: { kind: 'commit-then-drop' },
    })
    const { request, plan } = goalRequest(flow.h, 'read-ad-reports', 'Admin for roles', {
      role: 'ADMIN',
    })
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    expect(done.status).toBe('done')
    expect(admins(flow)).toHaveLength(1)
    // The lost create was reconciled by reading, never by a second create.
    const creates = flow.h.sim.requests.filter(
      (r) => r.method === 'POST' && /system_users(\?|$)/.test(r.url),
    )
    expect(creates).toHaveLength(1)
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('asking for a second admin system user is refused before anything is sent', async () => {
    flow = await startFlowHarness()
    const first = goalRequest(flow.h, 'read-ad-reports', 'Admin one', { role: 'ADMIN' })
    const run = valueOf(await flow.service.handlers['flow:run-start'](first.request))
    expect(
      valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId })).status,
    ).toBe('done')
    const requestsBefore = flow.h.sim.requests.filter((r) => r.method === 'POST').length

    const second = goalRequest(flow.h, 'read-ad-reports', 'Admin two', { role: 'ADMIN' })
    const refused = await flow.service.handlers['flow:run-start'](second.request)
    expect(refused.ok).toBe(false)
    expect(admins(flow)).toHaveLength(1)
    expect(flow.h.sim.requests.filter((r) => r.method === 'POST').length).toBe(requestsBefore)
  })
})
