import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunStartRequest } from '@shared/ipc/schemas/flow'
import type { RecordedRequest } from '../practice/http'
import { MAX_AGE_MS } from './known-system-users'
import { errorOf, valueOf } from '../../../tests/support/node/expect-run'
import { goalRequest, startFlowHarness, type FlowHarness } from '../../../tests/support/node/flow-harness'
import { createRoundCounter, type RoundCounter } from '../../../tests/support/node/round-counter'

/*
 * How many requests, and how many sequential round trips, the guided flow makes (COUNTS, never a
 * time: tests/support/node/round-counter.ts lets each round go only once the flow went quiet). The floor is 5
 * (bench/scenarios/flow-calls.ts): find → create → assign ∥ install → read-back ∥ generate →
 * check. run-start checks the name against the list the overview just read; find-or-create still
 * reads just before creating (REL-04). A system user this very call created holds no asset and no
 * app, so the grant reads before assigning and the "is the app installed" check are skipped for
 * it; a user the run adopts is read first, and its tasks are united, never narrowed
 * (docs/graph-api.md §2.5).
 */
let flow: FlowHarness
let counter: RoundCounter
beforeEach(async () => {
  counter = createRoundCounter()
  flow = await startFlowHarness({ tier: 'full', transport: counter.transport })
})
afterEach(() => flow.close())

const path = (request: RecordedRequest) => request.url.split('?')[0] ?? ''
const isGrantRead = (request: RecordedRequest) =>
  request.method === 'GET' &&
  /\/assigned_[a-z_]+$/.test(path(request)) &&
  !path(request).endsWith('/assigned_apps')
const isAppsRead = (request: RecordedRequest) =>
  request.method === 'GET' && path(request).endsWith('/assigned_apps')
const isAssignBatch = (request: RecordedRequest) =>
  request.method === 'POST' &&
  (request.batch ?? []).some((op) => op.relativeUrl.includes('assigned_users'))
const isListUsers = (request: RecordedRequest) =>
  request.method === 'GET' && path(request).endsWith('/system_users')

const LIST = 'GET /{id}/system_users'
const CREATE = 'POST /{id}/system_users'
const INSTALL = 'POST /{id}/applications'
const GENERATE = 'POST /{id}/access_tokens'
const CHECK = 'POST / [1 × GET debug_token]'
const grantRead = (round: readonly string[]) =>
  round.filter((r) => /^GET \/\{id\}\/assigned_/.test(r))

/** What the app does before run-start: the overview, then the asset picker's listing. */
async function beforeStart(request: RunStartRequest, overview = true): Promise<void> {
  if (overview) valueOf(await flow.service.handlers['flow:overview-get']({}))
  for (const { kind } of request.assignments) {
    valueOf(await flow.service.handlers['flow:assets-page']({ kind, offset: 0, limit: 50 }))
  }
  counter.reset()
}

describe('round trips of a run', () => {
  it('a fresh system user after the overview: run-start sends nothing, run-continue the floor of 5', async () => {
    const { request } = goalRequest(flow.h, 'run-ads', 'Fresh runner')
    const kinds = request.assignments.length
    expect(kinds).toBeGreaterThan(1)
    const assets = request.assignments.reduce((sum, group) => sum + group.assetIds.length, 0)
    expect(assets).toBeLessThanOrEqual(50)
    await beforeStart(request)
    const before = flow.h.sim.requests.length
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    expect(counter.rounds).toEqual([])
    expect(flow.h.sim.requests.length).toBe(before)

    const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    expect(done.status).toBe('done')
    expect(done.adopted).toBe(false)
    expect(done.differences.filter((d) => !d.granted)).toEqual([])
    const rounds = counter.rounds
    expect(rounds).toHaveLength(5)
    expect(rounds[0]).toEqual([LIST])
    expect(rounds[1]).toEqual([CREATE])
    // The batch of assignments beside the install: both need only the new id.
    expect([...rounds[2]!].sort()).toEqual(
      [`POST / [${assets} × POST {id}/assigned_users]`, INSTALL].sort(),
    )
    // The read-back (one read per kind) beside generate: generate needs only the install.
    expect(grantRead(rounds[3]!)).toHaveLength(kinds)
    expect(rounds[3]!.filter((r) => !grantRead([r]).length)).toEqual([GENERATE])
    expect(rounds[4]).toEqual([CHECK])

    // No grant read before assigning and no installed-apps check for a user seconds old.
    const sent = flow.h.sim.requests.slice(before)
    const firstAssign = sent.findIndex(isAssignBatch)
    expect(sent.slice(0, firstAssign).filter(isGrantRead)).toEqual([])
    expect(sent.filter(isAppsRead)).toEqual([])
    // list + create + 1 batch + install + a read per kind + generate + check.
    expect(sent).toHaveLength(1 + 1 + 1 + 1 + kinds + 1 + 1)
  })

  it('a cold run-start (no overview read yet) reads the system users itself: one round more', async () => {
    const { request } = goalRequest(flow.h, 'run-ads', 'Cold runner')
    await beforeStart(request, false)
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    expect(counter.rounds).toEqual([[LIST]])
    counter.reset()
    const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    expect(done.status).toBe('done')
    expect(counter.rounds).toHaveLength(5)
  })

  it('an adopted system user is read first, and its tasks are never narrowed', async () => {
    const { request } = goalRequest(flow.h, 'read-ad-reports', 'Adopted reader')
    const f = flow.h.sim.fixtures
    await beforeStart(request)
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
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

    const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    expect(done.adopted).toBe(true)
    expect(model.systemUsers(f.businessId).filter((su) => su.name === 'Adopted reader')).toEqual([
      existing,
    ])
    const sent = flow.h.sim.requests.slice(before)
    expect(sent.filter((r) => r.method === 'POST' && /system_users$/.test(path(r)))).toEqual([])
    const firstAssign = sent.findIndex(isAssignBatch)
    expect(firstAssign).toBeGreaterThan(0)
    expect(sent.slice(0, firstAssign).filter(isGrantRead).length).toBe(request.assignments.length)
    expect(sent.filter(isAppsRead)).toHaveLength(1)
    // Installed already: no second install.
    expect(sent.filter((r) => r.method === 'POST' && path(r).endsWith('/applications'))).toEqual([])
    // list → grant reads ∥ installed check → batch → read-back ∥ generate → check.
    expect(counter.rounds).toHaveLength(5)
    const planned = request.assignments.find((group) => group.kind === 'ad-account')!.tasks
    // Meta may expand a task into the ones it implies (MANAGE brings ANALYZE…), so: a superset.
    expect(model.tasksOf(adAccount, existing.id)).toEqual(
      expect.arrayContaining(['MANAGE', ...planned]),
    )
  })
})

describe("run-start's name check against the list main keeps", () => {
  it('a name taken elsewhere since the overview: find-or-create reads it and adopts, no duplicate', async () => {
    const { request } = goalRequest(flow.h, 'read-ad-reports', 'Late twin')
    const f = flow.h.sim.fixtures
    await beforeStart(request)
    const twin = flow.h.sim.model.addSystemUser({
      businessId: f.businessId,
      name: 'Late twin',
      role: 'EMPLOYEE',
    })
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    expect(done).toMatchObject({ status: 'done', adopted: true, systemUserId: twin.id })
    expect(
      flow.h.sim.model.systemUsers(f.businessId).filter((su) => su.name === 'Late twin'),
    ).toHaveLength(1)
  })

  it('a name this app just created is refused at once, without a request', async () => {
    const { request } = goalRequest(flow.h, 'read-ad-reports', 'Made here')
    await beforeStart(request)
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    const before = flow.h.sim.requests.length
    const again = errorOf(await flow.service.handlers['flow:run-start'](request))
    expect(again.code).toBe('conflict')
    expect(flow.h.sim.requests.length).toBe(before)
  })

  it('a rename, or a list older than the limit, makes run-start read again', async () => {
    const { request } = goalRequest(flow.h, 'read-ad-reports', 'Renamed here')
    const f = flow.h.sim.fixtures
    const other = flow.h.sim.model.addSystemUser({
      businessId: f.businessId,
      name: 'Before',
      role: 'EMPLOYEE',
    })
    await beforeStart(request)
    valueOf(
      await flow.service.handlers['flow:system-user-rename']({
        systemUserId: other.id,
        name: 'Renamed here',
      }),
    )
    const before = flow.h.sim.requests.length
    expect(errorOf(await flow.service.handlers['flow:run-start'](request)).code).toBe('conflict')
    expect(flow.h.sim.requests.slice(before).filter(isListUsers)).toHaveLength(1)

    const fresh = goalRequest(flow.h, 'read-ad-reports', 'Much later').request
    valueOf(await flow.service.handlers['flow:overview-get']({}))
    flow.h.clock.advance(MAX_AGE_MS + 1)
    const later = flow.h.sim.requests.length
    valueOf(await flow.service.handlers['flow:run-start'](fresh))
    expect(flow.h.sim.requests.slice(later).filter(isListUsers)).toHaveLength(1)
  })
})
