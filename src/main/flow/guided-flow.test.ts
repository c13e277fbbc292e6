import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GOAL_IDS, type GoalId } from '@shared/catalog'
import { RunProgress, RunSummary } from '@shared/ipc/schemas/flow'
import { expectSetUp, valueOf } from '../../../tests/support/node/expect-run'
import {
  goalRequest,
  startFlowHarness,
  type FlowHarness,
} from '../../../tests/support/node/flow-harness'

/*
 * The guided flow end to end against the practice simulator, once per goal of the catalog: the
 * simulator then holds exactly the planned role, assignments, installed app and one token with
 * exactly the planned scopes; the vault lists it; no response and no journal file holds the token.
 */
const GOALS = GOAL_IDS.filter((id): id is Exclude<GoalId, 'custom'> => id !== 'custom')

let flow: FlowHarness
beforeEach(async () => {
  // Full tier: ten regular system users, one per goal (docs/graph-api.md §8.1).
  flow = await startFlowHarness({ tier: 'full' })
})
afterEach(() => flow.close())

describe('a system user for each goal', () => {
  it.each(GOALS)(
    '%s: planned, created, assigned, installed, generated and vaulted',
    async (goal) => {
      const { request, plan } = goalRequest(flow.h, goal, `Assistant ${goal}`)
      const progress: string[] = []
      const service = flow.restart({
        emit: (event, payload) => {
          const parsed = RunProgress.safeParse(payload)
          progress.push(
            parsed.success ? `${event}:${parsed.data.action}:${parsed.data.state}` : event,
          )
        },
      })
      const started = valueOf(await service.handlers['flow:run-start'](request))
      expect(RunSummary.safeParse(started).success).toBe(true)
      expect(started.status).toBe('planned')
      expect(started.actions.every((action) => action.state === 'planned')).toBe(true)
      expect(started.scopes).toEqual(plan.scopes)
      // Journal first: nothing that writes has reached Meta yet (docs/security-requirements.md §6.2).
      expect(
        flow.h.sim.requests.filter((r) => r.method === 'POST' && !r.url.includes('batch')),
      ).toEqual([])

      const done = valueOf(await service.handlers['flow:run-continue']({ runId: started.runId }))
      expect(RunSummary.safeParse(done).success).toBe(true)
      expect(done.status).toBe('done')
      expect(done.actions.map((action) => action.state)).toEqual(Array(6).fill('done'))
      expect(done.adopted).toBe(false)
      expect(done.differences.filter((d) => !d.granted)).toEqual([])

      const { token } = await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
      expect(done.vaultRecordId).toBeDefined()
      expect(done.fingerprint).toBe(token.slice(-4))
      expect(JSON.stringify([started, done])).not.toContain(token)
      expect(flow.journalText()).not.toContain(token)
      expect(progress).toContain('flow:run-progress:save-token:done')

      const unfinished = valueOf(await service.handlers['flow:runs-unfinished']({}))
      expect(unfinished.runs).toEqual([])
    },
  )
})

describe('the overview and the asset pages', () => {
  it('lists system users with assets, apps, vault records and the quota', async () => {
    const { request } = goalRequest(flow.h, 'read-ad-reports', 'Reports server')
    const run = valueOf(await flow.service.handlers['flow:run-start'](request))
    const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
    const overview = valueOf(await flow.service.handlers['flow:overview-get']({}))
    const su = overview.systemUsers.find((user) => user.name === 'Reports server')!
    expect(su.role).toBe('EMPLOYEE')
    const ads = su.assets.find((entry) => entry.kind === 'ad-account')!
    expect(ads.assets.map((asset) => asset.id).sort()).toEqual(
      [...flow.h.sim.fixtures.adAccountIds].sort(),
    )
    expect(su.apps.map((app) => app.id)).toContain(flow.h.sim.fixtures.appId)
    expect(su.vaultRecordIds).toEqual([done.vaultRecordId])
    expect(overview.canDelete).toBe(false)
    expect(overview.quota.regular.used).toBe(1)
    expect(overview.quota.admin).toEqual({ used: 0, limit: 1, left: 1 })
  })

  it('pages and searches the business assets from one read', async () => {
    const pages = flow.h.sim.fixtures.pageIds
    const first = valueOf(
      await flow.service.handlers['flow:assets-page']({ kind: 'page', offset: 0, limit: 2 }),
    )
    expect(first.total).toBe(pages.length)
    expect(first.items).toHaveLength(Math.min(2, pages.length))
    const reads = flow.h.sim.requests.length
    const rest = valueOf(
      await flow.service.handlers['flow:assets-page']({ kind: 'page', offset: 2, limit: 200 }),
    )
    expect([...first.items, ...rest.items].map((item) => item.id).sort()).toEqual([...pages].sort())
    const found = valueOf(
      await flow.service.handlers['flow:assets-page']({
        kind: 'page',
        query: 'café',
        offset: 0,
        limit: 50,
      }),
    )
    expect(found.matched).toBe(1)
    expect(found.items[0]!.name).toContain('Café')
    // The second and third pages came from main's memory, not from Meta.
    expect(flow.h.sim.requests.length).toBe(reads)
  })

  it('renames a system user, refusing a name another one has', async () => {
    const model = flow.h.sim.model
    const f = flow.h.sim.fixtures
    const a = model.addSystemUser({ businessId: f.businessId, name: 'Alpha', role: 'EMPLOYEE' })
    model.addSystemUser({ businessId: f.businessId, name: 'Beta', role: 'EMPLOYEE' })
    const taken = await flow.service.handlers['flow:system-user-rename']({
      systemUserId: a.id,
      name: ' beta ',
    })
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const renamed = valueOf(
      await flow.service.handlers['flow:system-user-rename']({
        systemUserId: a.id,
        name: 'Gamma',
      }),
    )
    expect(renamed.name).toBe('Gamma')
    expect(model.systemUser(a.id)?.name).toBe('Gamma')
  })
})
