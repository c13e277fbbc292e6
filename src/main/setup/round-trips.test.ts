import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RecordedRequest } from '../practice/http'
import { valueOf } from './testing/expect-run'
import { goalRequest, startFlowHarness, type FlowHarness } from './testing/flow-harness'

/*
 * How many requests the guided flow sends (a request COUNT, never a time). A system user this very
 * call created holds no asset and no app, so the flow skips the grant reads before assigning and
 * the "is the app installed" check for it; a user it adopts is read first, and its tasks are
 * united with the plan's, never narrowed (§2.5).
 */
let flow: FlowHarness
beforeEach(async () => {
  flow = await startFlowHarness({ tier: 'full' })
})
afterEach(() => flow.close())

const path = (request: RecordedRequest) => request.url.split('?')[0] ?? ''
const isGrantRead = (request: RecordedRequest) =>
  request.method === 'GET' && /\/assigned_[a-z_]+$/.test(path(request))
const isAppsRead = (request: RecordedRequest) =>
  request.method === 'GET' && path(request).endsWith('/assigned_apps')
const isAssignBatch = (request: RecordedRequest) =>
  request.method === 'POST' &&
  (request.batch ?? []).some((op) => op.relativeUrl.includes('assigned_users'))

describe('requests of a run', () => {
  it('a fresh system user: no grant or app read before assigning, and at most the new count', async () => {
    const { request } = goalRequest(flow.h, 'run-ads', 'Fresh runner')
    const kinds = request.assignments.length
    expect(kinds).toBeGreaterThan(1)
    const assets = request.assignments.reduce((sum, group) => sum + group.assetIds.length, 0)
    const run = valueOf(await flow.service.handlers['setup:run-start'](request))
    const before = flow.h.sim.requests.length
    const done = valueOf(await flow.service.handlers['setup:run-continue']({ runId: run.runId }))
    expect(done.status).toBe('done')
    expect(done.adopted).toBe(false)
    expect(done.differences.filter((d) => !d.granted)).toEqual([])

    const sent = flow.h.sim.requests.slice(before)
    const firstAssign = sent.findIndex(isAssignBatch)
    expect(firstAssign).toBeGreaterThan(0)
    expect(sent.slice(0, firstAssign).filter(isGrantRead)).toEqual([])
    expect(sent.filter(isAppsRead)).toEqual([])
    // The read-back after assigning stays: one read per planned kind.
    expect(sent.slice(firstAssign).filter(isGrantRead)).toHaveLength(kinds)
    // run-continue: list + create (find-or-create) + assign batches + read-back per kind +
    // install + generate + debug_token check. Before the fresh-user shortcut: kinds + 1 more.
    const batches = Math.ceil(assets / 50)
    expect(sent.length).toBeLessThanOrEqual(2 + batches + kinds + 3)
  })

  it('an adopted system user is read first, and its tasks are never narrowed', async () => {
    const { request } = goalRequest(flow.h, 'read-ad-reports', 'Adopted reader')
    const f = flow.h.sim.fixtures
    const run = valueOf(await flow.service.handlers['setup:run-start'](request))
    // Someone made it between plan and run: the run adopts it instead of creating a second.
    const model = flow.h.sim.model
    const existing = model.addSystemUser({
      businessId: f.businessId,
      name: 'Adopted reader',
      role: 'EMPLOYEE',
    })
    const adAccount = f.adAccountIds[0]!
    model.assign(adAccount, existing.id, ['MANAGE'])
    model.installApp(existing.id, f.appId)
    const before = flow.h.sim.requests.length

    const done = valueOf(await flow.service.handlers['setup:run-continue']({ runId: run.runId }))
    expect(done.adopted).toBe(true)
    const sent = flow.h.sim.requests.slice(before)
    const firstAssign = sent.findIndex(isAssignBatch)
    expect(firstAssign).toBeGreaterThan(0)
    expect(sent.slice(0, firstAssign).filter(isGrantRead).length).toBe(request.assignments.length)
    expect(sent.filter(isAppsRead)).toHaveLength(1)
    // Installed already: no second install.
    expect(sent.filter((r) => r.method === 'POST' && path(r).endsWith('/applications'))).toEqual([])
    const planned = request.assignments.find((group) => group.kind === 'ad-account')!.tasks
    // Meta may expand a task into the ones it implies (MANAGE brings ANALYZE…), so: a superset.
    expect(model.tasksOf(adAccount, existing.id)).toEqual(
      expect.arrayContaining(['MANAGE', ...planned]),
    )
  })
})
