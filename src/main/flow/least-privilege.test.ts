import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GOAL_IDS } from '@shared/catalog/goals'
import type { RecordedRequest } from '../practice/http'
import { valueOf } from '../../../tests/support/node/expect-run'
import { goalRequest, startFlowHarness, type FlowHarness } from '../../../tests/support/node/flow-harness'

/*
 * SEC-16, measured on the simulator: across every goal's whole run, the admin's own token is used
 * only on the admin endpoints the flow needs (read and create system users, assign assets and read
 * them back, install the app, generate the token, check it), and the token the flow made carries
 * exactly the plan's scopes — nothing more.
 */
const ADMIN_ENDPOINTS: readonly RegExp[] = [
  /^GET \/v[\d.]+\/\d+\/system_users$/,
  /^POST \/v[\d.]+\/\d+\/system_users$/,
  /^GET \/v[\d.]+\/(act_)?\d+\/assigned_[a-z_]+$/,
  // The business's own and client assets, listed for the asset picker and checked at run start.
  /^GET \/v[\d.]+\/\d+\/(owned|client)_[a-z_]+$/,
  /^POST \/v[\d.]+\/\d+\/applications$/,
  /^POST \/v[\d.]+\/\d+\/access_tokens$/,
  // The Batch API root: each operation inside is checked on its own below.
  /^POST \/v[\d.]+\/?$/,
]
const ADMIN_BATCH_OPERATIONS: readonly RegExp[] = [
  /^POST (v[\d.]+\/)?(act_)?\d+\/assigned_users$/,
  /^GET (v[\d.]+\/)?debug_token\?/,
]

let flow: FlowHarness
beforeEach(async () => {
  flow = await startFlowHarness({ tier: 'full' })
})
afterEach(() => flow.close())

const line = (request: RecordedRequest) => `${request.method} ${request.url.split('?')[0] ?? ''}`
const goals = GOAL_IDS.filter((goal) => goal !== 'custom')

describe('least privilege across every goal (SEC-16)', () => {
  it('the admin token goes only to admin endpoints, and each token has exactly its plan scopes', async () => {
    const f = flow.h.sim.fixtures
    const outside: string[] = []
    let adminCalls = 0
    for (const goal of goals) {
      const { request, plan } = goalRequest(flow.h, goal, `Least privilege ${goal}`)
      const before = flow.h.sim.requests.length
      const run = valueOf(await flow.service.handlers['flow:run-start'](request))
      const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId: run.runId }))
      expect(done.status, goal).toBe('done')

      for (const sent of flow.h.sim.requests.slice(before)) {
        if (sent.tokenKind !== 'USER' || sent.tokenUserId !== f.adminUserId) continue
        adminCalls += 1
        if (!ADMIN_ENDPOINTS.some((pattern) => pattern.test(line(sent)))) outside.push(line(sent))
        for (const op of sent.batch ?? []) {
          const opLine = `${op.method} ${op.relativeUrl}`
          if (!ADMIN_BATCH_OPERATIONS.some((pattern) => pattern.test(opLine))) outside.push(opLine)
        }
      }

      const user = flow.h.sim.model
        .systemUsers(f.businessId)
        .find((candidate) => candidate.name === request.name)
      const issued = flow.h.sim.model
        .tokens()
        .filter((token) => token.type === 'SYSTEM_USER' && token.userId === user?.id)
      expect(issued, goal).toHaveLength(1)
      expect([...(issued[0]?.scopes ?? [])].sort(), goal).toEqual([...plan.scopes].sort())
    }
    expect(adminCalls).toBeGreaterThan(goals.length * 4)
    expect(outside).toEqual([])
  })
})
