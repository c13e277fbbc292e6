import { afterEach, describe, expect, it } from 'vitest'
import {
  createSystemUser,
  findSystemUserByName,
  listSystemUsers,
  renameSystemUser,
} from './system-users'
import { startHarness, type Harness } from '../../../tests/support/node/simulator-harness'

/** System users against the simulator: create, list, rename, find, quotas and the lost answer. */
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('system users contract', () => {
  it('creates, lists with total_count, renames and finds by name', async () => {
    h = await startHarness({ seed: 'large' })
    const businessId = h.sim.fixtures.businessId
    const admin = await createSystemUser(h.client, h.admin, {
      businessId,
      name: 'Lakeside Admin',
      role: 'ADMIN',
    })
    const reports = await createSystemUser(h.client, h.admin, {
      businessId,
      name: 'Reports',
      role: 'EMPLOYEE',
    })
    expect(admin.ok && reports.ok).toBe(true)
    if (!admin.ok || !reports.ok) return
    const listed = await listSystemUsers(h.client, h.admin, businessId)
    expect(listed.ok).toBe(true)
    if (!listed.ok) return
    expect(listed.value.totalCount).toBe(2)
    expect(listed.value.systemUsers.map(({ id, name, role }) => ({ id, name, role }))).toEqual([
      { id: admin.value.id, name: 'Lakeside Admin', role: 'ADMIN' },
      { id: reports.value.id, name: 'Reports', role: 'EMPLOYEE' },
    ])
    const renamed = await renameSystemUser(h.client, h.admin, {
      businessId,
      systemUserId: reports.value.id,
      name: 'Ad reports',
    })
    expect(renamed).toEqual({ ok: true, value: undefined })
    const found = await findSystemUserByName(h.client, h.admin, businessId, ' Ad reports ')
    expect(found.ok ? found.value?.id : undefined).toBe(reports.value.id)
    const missing = await findSystemUserByName(h.client, h.admin, businessId, 'Reports')
    expect(missing).toEqual({ ok: true, value: undefined })
  })

  it('lists every system user across pages (more than one page)', async () => {
    h = await startHarness({ seed: 'large', limits: { maxPageSize: 3 } })
    for (let n = 1; n <= 7; n++) {
      const created = await createSystemUser(h.client, h.admin, {
        businessId: h.sim.fixtures.businessId,
        name: `Worker ${n}`,
        role: 'EMPLOYEE',
      })
      expect(created.ok).toBe(true)
    }
    const before = h.sim.requests.length
    const listed = await listSystemUsers(h.client, h.admin, h.sim.fixtures.businessId)
    expect(listed.ok ? listed.value.systemUsers.length : 0).toBe(7)
    expect(listed.ok ? listed.value.totalCount : 0).toBe(7)
    expect(h.sim.requests.length - before).toBe(3)
  })

  it('reports the quota: one regular system user on a Limited-tier app, one admin per business', async () => {
    h = await startHarness({ seed: 'sample' })
    const businessId = h.sim.fixtures.businessId
    expect(
      (await createSystemUser(h.client, h.admin, { businessId, name: 'A', role: 'EMPLOYEE' })).ok,
    ).toBe(true)
    const second = await createSystemUser(h.client, h.admin, {
      businessId,
      name: 'B',
      role: 'EMPLOYEE',
    })
    expect(second.ok ? undefined : second.error).toMatchObject({
      code: 'quota-reached',
      messageKey: 'graph.code.systemUserLimit',
      hintKey: 'graph.hint.systemUserLimit',
    })
    expect(
      (await createSystemUser(h.client, h.admin, { businessId, name: 'Boss', role: 'ADMIN' })).ok,
    ).toBe(true)
    const secondAdmin = await createSystemUser(h.client, h.admin, {
      businessId,
      name: 'Boss 2',
      role: 'ADMIN',
    })
    expect(secondAdmin.ok ? undefined : secondAdmin.error.code).toBe('quota-reached')
  })

  it('refuses an employee system user’s token with permission-denied (200)', async () => {
    h = await startHarness({ seed: 'sample' })
    const employee = h.sim.model.addSystemUser({
      businessId: h.sim.fixtures.businessId,
      name: 'Worker',
      role: 'EMPLOYEE',
    })
    const token = h.sim.issueToken({ kind: 'system_user', userId: employee.id })
    const credentials = { token, appSecret: h.sim.fixtures.appSecret }
    const listed = await listSystemUsers(h.client, credentials, h.sim.fixtures.businessId)
    expect(listed.ok ? undefined : listed.error).toMatchObject({
      code: 'permission-denied',
      graphCode: 200,
    })
    const created = await createSystemUser(h.client, credentials, {
      businessId: h.sim.fixtures.businessId,
      name: 'Sneaky',
      role: 'EMPLOYEE',
    })
    expect(created.ok ? undefined : created.error.code).toBe('permission-denied')
  })

  it('answers unknown-outcome when the create committed but the answer was lost, and reconciles', async () => {
    h = await startHarness({ seed: 'sample' })
    const businessId = h.sim.fixtures.businessId
    h.sim.faults.add({
      match: { method: 'POST', path: `/${businessId}/system_users` },
      fault: { kind: 'commit-then-drop' },
    })
    const created = await createSystemUser(h.client, h.admin, {
      businessId,
      name: 'Orders bot',
      role: 'EMPLOYEE',
    })
    expect(created.ok ? undefined : created.error.code).toBe('unknown-outcome')
    // Sent once, never again.
    expect(h.sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
    const found = await findSystemUserByName(h.client, h.admin, businessId, 'Orders bot')
    expect(found.ok && found.value?.name).toBe('Orders bot')
    expect(h.sim.model.systemUsers(businessId)).toHaveLength(1)
  })
})
