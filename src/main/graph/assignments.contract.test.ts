import { afterEach, describe, expect, it } from 'vitest'
import { ASSIGNABLE_KINDS, type AssignableKind } from '@shared/catalog/asset-kinds'
import {
  assignAsset,
  assignMany,
  listAssignedAssets,
  listAssignedUsers,
  unassignAsset,
} from './assignments'
import { createSystemUser } from './system-users'
import { startHarness, type Harness } from '../../../tests/support/node/simulator-harness'

/** Assigning assets to a system user against the simulator, per kind and in batches. */
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const newEmployee = async (harness: Harness, name = 'Reports'): Promise<string> => {
  const created = await createSystemUser(harness.client, harness.admin, {
    businessId: harness.sim.fixtures.businessId,
    name,
    role: 'EMPLOYEE',
  })
  if (!created.ok) throw new Error(`could not create the system user: ${created.error.code}`)
  return created.value.id
}

/** One asset and a valid, narrow task of each kind (SDK Page vocabulary). */
const SAMPLE: Record<AssignableKind, { ids: (h: Harness) => readonly string[]; tasks: string[] }> =
  {
    page: { ids: (x) => x.sim.fixtures.pageIds, tasks: ['ANALYZE'] },
    'ad-account': { ids: (x) => x.sim.fixtures.adAccountIds, tasks: ['ANALYZE'] },
    'product-catalog': { ids: (x) => x.sim.fixtures.catalogIds, tasks: ['ADVERTISE'] },
    'instagram-account': { ids: (x) => x.sim.fixtures.instagramAccountIds, tasks: ['ANALYZE'] },
    'whatsapp-business-account': {
      ids: (x) => x.sim.fixtures.whatsappAccountIds,
      tasks: ['MANAGE'],
    },
    pixel: { ids: (x) => x.sim.fixtures.pixelIds, tasks: ['ANALYZE'] },
  }

describe('assignments contract', () => {
  it.each(ASSIGNABLE_KINDS)('assigns, reads back both ways and unassigns a %s', async (kind) => {
    h = await startHarness({ seed: 'sample' })
    const businessId = h.sim.fixtures.businessId
    const userId = await newEmployee(h)
    const assetId = SAMPLE[kind].ids(h)[0]!
    const tasks = SAMPLE[kind].tasks
    expect(await assignAsset(h.client, h.admin, { assetId, userId, businessId, tasks })).toEqual({
      ok: true,
      value: undefined,
    })
    const users = await listAssignedUsers(h.client, h.admin, { assetId, businessId })
    const holder = users.ok ? users.value.find((user) => user.id === userId) : undefined
    // Meta may read back more tasks than asked for (docs/graph-api.md §2.5): a superset check.
    expect(holder?.tasks).toEqual(expect.arrayContaining(tasks))
    expect(holder?.userType).toBe('SYSTEM_USER')
    const held = await listAssignedAssets(h.client, h.admin, {
      systemUserId: userId,
      kind,
      businessId,
    })
    expect(held.ok ? held.value.map((asset) => asset.id) : []).toEqual([assetId])
    // The business parameter travels on the read, where Meta requires it (docs/graph-api.md §10.9).
    const read = h.sim.requests.find(
      (request) => request.method === 'GET' && request.url.includes(`${assetId}/assigned_users`),
    )
    expect(read?.url).toContain(`business=${businessId}`)
    if (kind === 'pixel') return // no DELETE on a pixel's assigned_users (docs/graph-api.md §2.5)
    expect((await unassignAsset(h.client, h.admin, { assetId, userId, businessId })).ok).toBe(true)
    const after = await listAssignedAssets(h.client, h.admin, { systemUserId: userId, kind })
    expect(after).toEqual({ ok: true, value: [] })
  })

  it('speaks both Page task vocabularies, and explains an enum refusal', async () => {
    h = await startHarness({ seed: 'sample' })
    const businessId = h.sim.fixtures.businessId
    const userId = await newEmployee(h)
    const assetId = h.sim.fixtures.pageIds[0]!
    const assign = (tasks: string[]) =>
      assignAsset(h!.client, h!.admin, { assetId, userId, businessId, tasks })

    expect((await assign(['CREATE_CONTENT'])).ok).toBe(true)
    const liveInSdk = await assign(['CONTENT'])
    expect(liveInSdk.ok ? undefined : liveInSdk.error).toMatchObject({
      code: 'graph-invalid-request',
      messageKey: 'graph.code.taskNotAccepted',
      hintKey: 'graph.hint.checkTasks',
    })

    h.sim.setPageTaskVocabulary('live')
    const sdkInLive = await assign(['MANAGE'])
    expect(sdkInLive.ok ? undefined : sdkInLive.error.messageKey).toBe('graph.code.taskNotAccepted')
    expect((await assign(['CONTENT'])).ok).toBe(true)
    const held = await listAssignedAssets(h.client, h.admin, { systemUserId: userId, kind: 'page' })
    expect(held.ok ? held.value[0]?.tasks : []).toContain('CONTENT')
  })

  it('refuses an employee system user’s token with permission-denied', async () => {
    h = await startHarness({ seed: 'sample' })
    const userId = await newEmployee(h)
    const token = h.sim.issueToken({ kind: 'system_user', userId })
    const result = await assignAsset(
      h.client,
      { token, appSecret: h.sim.fixtures.appSecret },
      {
        assetId: h.sim.fixtures.adAccountIds[0]!,
        userId,
        businessId: h.sim.fixtures.businessId,
        tasks: ['ANALYZE'],
      },
    )
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'permission-denied',
      graphCode: 200,
    })
  })

  it('assigns 200 assets and reads them back in at most 10 requests', async () => {
    h = await startHarness({ seed: 'large' })
    const businessId = h.sim.fixtures.businessId
    const userId = await newEmployee(h)
    const assetIds = h.sim.fixtures.adAccountIds.slice(0, 200)
    const before = h.sim.requests.length
    const results = await assignMany(
      h.client,
      h.admin,
      assetIds.map((assetId) => ({ assetId, userId, businessId, tasks: ['ADVERTISE', 'ANALYZE'] })),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(200)
    const held = await listAssignedAssets(h.client, h.admin, {
      systemUserId: userId,
      kind: 'ad-account',
      businessId,
    })
    const requests = h.sim.requests.length - before
    expect(held.ok ? held.value.map((asset) => asset.id).sort() : []).toEqual([...assetIds].sort())
    expect(held.ok && held.value.every((asset) => asset.tasks.includes('ADVERTISE'))).toBe(true)
    // A naive client would take 400 requests.
    expect(requests).toBeLessThanOrEqual(10)
    expect(h.sim.model.assignmentsOfUser(userId)).toHaveLength(200)
  })

  it('answers one result per operation, in order, when some fail', async () => {
    h = await startHarness({ seed: 'sample' })
    const businessId = h.sim.fixtures.businessId
    const userId = await newEmployee(h)
    const [good, bad] = await assignMany(h.client, h.admin, [
      { assetId: h.sim.fixtures.adAccountIds[0]!, userId, businessId, tasks: ['ANALYZE'] },
      { assetId: '123456789', userId, businessId, tasks: ['ANALYZE'] },
    ])
    expect(good).toEqual({ ok: true, value: undefined })
    expect(bad?.ok ? undefined : bad?.error).toMatchObject({ code: 'not-found', graphSubcode: 33 })
  })
})
