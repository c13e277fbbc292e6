import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { startSimulator, type RunningSimulator } from './simulator'
import { asAdmin, call, createSystemUser, errorOf } from '@test-support/node/simulator-calls'

let sim: RunningSimulator
let su: string
beforeEach(async () => {
  sim = await startSimulator()
  su = await createSystemUser(sim, 'Helper')
})
afterEach(() => sim.close())

const assign = (asset: string, tasks?: string, extra: Record<string, string> = {}) =>
  asAdmin(sim, 'POST', `/${asset}/assigned_users`, {
    user: su,
    ...(tasks ? { tasks } : {}),
    ...extra,
  })
const readAssigned = (asset: string, params: Record<string, string> = {}) =>
  asAdmin(sim, 'GET', `/${asset}/assigned_users`, { business: sim.fixtures.businessId, ...params })
const tasksRead = async (asset: string) =>
  (
    (await readAssigned(asset, { fields: 'id,tasks' })).json.data as {
      id: string
      tasks: string[]
    }[]
  ).find((row) => row.id === su)?.tasks

describe('assign per kind, read back, unassign', () => {
  test.each([
    ['ad account', () => sim.fixtures.adAccountIds[0], '["ANALYZE"]', ['ANALYZE']],
    [
      'page (sdk)',
      () => sim.fixtures.pageIds[0],
      "['CREATE_CONTENT']",
      ['CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'],
    ],
    ['catalog', () => sim.fixtures.catalogIds[0], 'MANAGE', ['MANAGE']],
    ['pixel', () => sim.fixtures.pixelIds[0], '["ANALYZE","UPLOAD"]', ['ANALYZE', 'UPLOAD']],
    [
      'instagram',
      () => sim.fixtures.instagramAccountIds[0],
      'CONTENT,ANALYZE',
      ['ANALYZE', 'CONTENT'],
    ],
    ['whatsapp', () => sim.fixtures.whatsappAccountIds[0], '["MESSAGING"]', ['MESSAGING']],
  ])('%s', async (_label, assetOf, tasks, expected) => {
    const asset = assetOf() ?? ''
    expect((await assign(asset, tasks)).json).toEqual({ success: true })
    expect(await tasksRead(asset)).toEqual(expected)
    expect(sim.model.tasksOf(asset, su)).toEqual(expected)
  })

  test('GET assigned_users answers AssignedUser nodes with user_type, tasks and permitted_tasks', async () => {
    const account = sim.fixtures.adAccountIds[0] ?? ''
    await assign(account, '["ADVERTISE"]')
    const result = await readAssigned(account, {
      fields: 'id,name,user_type,tasks,permitted_tasks,business',
      summary: 'total_count',
    })
    expect(result.json.data).toEqual([
      {
        id: su,
        name: 'Helper',
        user_type: 'SYSTEM_USER',
        tasks: ['ADVERTISE', 'ANALYZE'],
        permitted_tasks: ['MANAGE', 'ADVERTISE', 'ANALYZE', 'DRAFT', 'AA_ANALYZE'],
        business: { id: sim.fixtures.businessId, name: 'Harbour Lane Bakery' },
      },
    ])
    expect(result.json.summary).toEqual({ total_count: 1 })
  })

  test('a repeat POST replaces the task list', async () => {
    const catalog = sim.fixtures.catalogIds[0] ?? ''
    await assign(catalog, '["MANAGE"]')
    await assign(catalog, '["ADVERTISE"]')
    expect(await tasksRead(catalog)).toEqual(['ADVERTISE'])
  })

  test('DELETE assigned_users removes the user', async () => {
    const page = sim.fixtures.pageIds[1] ?? ''
    await assign(page, '["ANALYZE"]')
    const removed = await asAdmin(sim, 'DELETE', `/${page}/assigned_users`, { user: su })
    expect(removed.json).toEqual({ success: true })
    expect(await tasksRead(page)).toBeUndefined()
  })

  test('pixels have no DELETE on assigned_users (100/33 unsupported delete)', async () => {
    const pixel = sim.fixtures.pixelIds[0] ?? ''
    const error = errorOf(await asAdmin(sim, 'DELETE', `/${pixel}/assigned_users`, { user: su }))
    expect(error).toMatchObject({ code: 100, error_subcode: 33 })
    expect(error.message).toMatch(/^Unsupported delete request/)
  })
})

describe('task vocabularies and enum errors', () => {
  test('sdk vocabulary rejects the live names with Meta’s JSON-schema enum message', async () => {
    const page = sim.fixtures.pageIds[0] ?? ''
    const error = errorOf(await assign(page, '["ANALYZE","FULL_CONTROL"]'))
    expect(error.code).toBe(100)
    expect(error.message).toMatch(
      /^Your request has violated JSON schema constraint 'enum' for the JSON field 'tasks\.1'.*expected : '\[MANAGE, CREATE_CONTENT, .*\]' but got 'FULL_CONTROL'$/,
    )
  })

  test('the live vocabulary, switched at runtime, rejects MANAGE and accepts FULL_CONTROL', async () => {
    const page = sim.fixtures.pageIds[0] ?? ''
    sim.setPageTaskVocabulary('live')
    const error = errorOf(await assign(page, '["MANAGE"]'))
    expect(error.message).toContain(
      "expected : '[FULL_CONTROL, CONTENT, MESSAGES, COMMUNITY_ACTIVITY, ADVERTISE, ANALYZE, IG_APP_ADMIN, IG_APP, SPARK_INSIGHTS, SPARK_PUBLISH, SPARK_EVERYTHING, CREATOR_MANAGEMENT, CREATIVE_MANAGEMENT]' but got 'MANAGE'",
    )
    expect((await assign(page, '["CONTENT"]')).json).toEqual({ success: true })
    sim.setPageTaskVocabulary('sdk')
    expect(errorOf(await assign(page, '["CONTENT"]')).code).toBe(100)
  })

  test('the vocabulary can be chosen at start', async () => {
    const live = await startSimulator({ pageTaskVocabulary: 'live' })
    try {
      const id = await createSystemUser(live, 'Live')
      const result = await call(
        live,
        'POST',
        `/${live.fixtures.pageIds[0]}/assigned_users`,
        { user: id, tasks: '["FULL_CONTROL"]' },
        { token: live.fixtures.adminUserToken },
      )
      expect(result.json).toEqual({ success: true })
    } finally {
      await live.close()
    }
  })

  test('other kinds validate against their own enums', async () => {
    const error = errorOf(await assign(sim.fixtures.adAccountIds[0] ?? '', '["MODERATE"]'))
    expect(error.message).toContain(
      "expected : '[MANAGE, ADVERTISE, ANALYZE, DRAFT, AA_ANALYZE]' but got 'MODERATE'",
    )
  })

  test('tasks are required on catalog, pixel and WhatsApp edges', async () => {
    for (const asset of [
      sim.fixtures.catalogIds[0],
      sim.fixtures.pixelIds[0],
      sim.fixtures.whatsappAccountIds[0],
    ]) {
      expect(errorOf(await assign(asset ?? '')).message).toBe(
        '(#100) The parameter tasks is required',
      )
    }
  })
})

describe('parameters and permissions', () => {
  test('GET assigned_users requires business', async () => {
    const result = await asAdmin(sim, 'GET', `/${sim.fixtures.adAccountIds[0]}/assigned_users`)
    expect(errorOf(result).message).toBe('(#100) The parameter business is required')
  })

  test('user is required and must belong to the business', async () => {
    const account = sim.fixtures.adAccountIds[0] ?? ''
    const missing = await asAdmin(sim, 'POST', `/${account}/assigned_users`, {
      tasks: '["ANALYZE"]',
    })
    expect(errorOf(missing).message).toBe('(#100) The parameter user is required')
    const stranger = await asAdmin(sim, 'POST', `/${account}/assigned_users`, {
      user: '42',
      tasks: '["ANALYZE"]',
    })
    expect(errorOf(stranger).code).toBe(100)
  })

  test('an employee system user cannot assign (200)', async () => {
    sim.model.installApp(su, sim.fixtures.appId)
    const token = sim.issueToken({ kind: 'system_user', userId: su })
    const result = await call(
      sim,
      'POST',
      `/${sim.fixtures.adAccountIds[0]}/assigned_users`,
      { user: su, tasks: '["ANALYZE"]' },
      { token },
    )
    expect(errorOf(result).code).toBe(200)
  })
})

describe('/{system-user}/assigned_*', () => {
  test.each([
    ['assigned_ad_accounts', () => sim.fixtures.adAccountIds[1], '["MANAGE"]'],
    ['assigned_pages', () => sim.fixtures.pageIds[2], '["ANALYZE"]'],
    ['assigned_product_catalogs', () => sim.fixtures.catalogIds[0], '["MANAGE"]'],
    [
      'assigned_whatsapp_business_accounts',
      () => sim.fixtures.whatsappAccountIds[0],
      '["DEVELOP"]',
    ],
    ['assigned_instagram_accounts', () => sim.fixtures.instagramAccountIds[0], '["ANALYZE"]'],
    ['assigned_ads_pixels', () => sim.fixtures.pixelIds[0], '["EDIT"]'],
  ])('%s lists the assets with tasks and permitted_tasks', async (edge, assetOf, tasks) => {
    const asset = assetOf() ?? ''
    await assign(asset, tasks)
    const result = await asAdmin(sim, 'GET', `/${su}/${edge}`, {
      fields: 'id,name,tasks,permitted_tasks',
    })
    const rows = result.json.data as { id: string; tasks: string[]; permitted_tasks: string[] }[]
    expect(rows.map((r) => r.id)).toEqual([asset])
    expect(rows[0]?.tasks.length).toBeGreaterThan(0)
    expect(rows[0]?.permitted_tasks.length).toBeGreaterThan(0)
  })

  test('the permissions readout: assigned_* as fields of the system user', async () => {
    await assign(sim.fixtures.adAccountIds[0] ?? '', '["ANALYZE"]')
    const result = await asAdmin(sim, 'GET', `/${su}`, {
      fields: 'assigned_ad_accounts,assigned_pages',
    })
    expect(result.json).toEqual({
      id: su,
      assigned_ad_accounts: { data: [{ id: sim.fixtures.adAccountIds[0], tasks: ['ANALYZE'] }] },
      assigned_pages: { data: [] },
    })
  })

  test('the system user reads its own assignments through /me', async () => {
    await assign(sim.fixtures.pageIds[0] ?? '', '["ANALYZE"]')
    const token = sim.issueToken({ kind: 'system_user', userId: su })
    const result = await call(sim, 'GET', '/me/assigned_pages', {}, { token })
    expect((result.json.data as { id: string }[]).map((r) => r.id)).toEqual([
      sim.fixtures.pageIds[0],
    ])
  })
})
