import { afterEach, describe, expect, test } from 'vitest'
import { startSimulator, type RunningSimulator } from './simulator'
import {
  asAdmin,
  call,
  createSystemUser,
  errorOf,
  systemUserWithToken,
} from '@test-support/node/simulator-calls'

let sim: RunningSimulator
afterEach(() => sim.close())
const start = async (seed: 'sample' | 'large' = 'sample') => {
  sim = await startSimulator({ seed })
  return sim
}
const edge = () => `/${sim.fixtures.businessId}/system_users`

describe('create, list, rename', () => {
  test('creates with name and role and answers the app-scoped id', async () => {
    await start()
    const result = await asAdmin(sim, 'POST', edge(), { name: 'Ad reports', role: 'EMPLOYEE' })
    expect(result.status).toBe(200)
    const id = result.json.id as string
    expect(Object.keys(result.json)).toEqual(['id'])
    expect(sim.model.systemUser(id)).toMatchObject({
      name: 'Ad reports',
      role: 'EMPLOYEE',
      businessId: sim.fixtures.businessId,
      createdBy: sim.fixtures.adminUserId,
    })
  })

  test('accepts JSON and multipart bodies as well as form fields', async () => {
    await start()
    const opts = { token: sim.fixtures.adminUserToken }
    const json = await call(
      sim,
      'POST',
      edge(),
      { name: 'Json user' },
      { ...opts, encoding: 'json' },
    )
    expect(json.status).toBe(200)
    const admin = await call(
      sim,
      'POST',
      edge(),
      { name: 'Multi', role: 'ADMIN' },
      { ...opts, encoding: 'multipart' },
    )
    expect(admin.status).toBe(200)
    expect(sim.model.systemUser(admin.json.id as string)?.role).toBe('ADMIN')
  })

  test('lists with summary=total_count, admin system users included, role shown', async () => {
    await start()
    await createSystemUser(sim, 'Admin SU', 'ADMIN')
    await createSystemUser(sim, 'Reporter', 'EMPLOYEE')
    const result = await asAdmin(sim, 'GET', edge(), { summary: 'total_count' })
    expect(result.json.summary).toEqual({ total_count: 2 })
    const data = result.json.data as { name: string; role: string }[]
    expect(data.map((d) => [d.name, d.role])).toEqual([
      ['Admin SU', 'ADMIN'],
      ['Reporter', 'EMPLOYEE'],
    ])
  })

  test('renames with system_user_id + name; read-after-write with fields=', async () => {
    await start()
    const id = await createSystemUser(sim, 'Old name')
    const renamed = await asAdmin(sim, 'POST', edge(), { system_user_id: id, name: 'New name' })
    expect(renamed.json).toEqual({ success: true })
    expect(sim.model.systemUser(id)?.name).toBe('New name')
    const readBack = await asAdmin(sim, 'POST', edge(), {
      system_user_id: id,
      name: 'Third name',
      fields: 'id,name,role',
    })
    expect(readBack.json).toEqual({ id, name: 'Third name', role: 'EMPLOYEE' })
  })

  test('GET /{system-user} answers its fields', async () => {
    await start()
    const id = await createSystemUser(sim, 'Reader')
    const result = await asAdmin(sim, 'GET', `/${id}`, {
      fields: 'id,name,role,created_by,system_user_id',
    })
    expect(result.json).toEqual({
      id,
      name: 'Reader',
      role: 'EMPLOYEE',
      created_by: { id: sim.fixtures.adminUserId, name: 'Practice Admin' },
      system_user_id: id,
    })
  })
})

describe('rules', () => {
  test('name is required; role must be ADMIN or EMPLOYEE', async () => {
    await start()
    expect(errorOf(await asAdmin(sim, 'POST', edge(), {})).message).toBe(
      '(#100) The parameter name is required',
    )
    const bad = errorOf(await asAdmin(sim, 'POST', edge(), { name: 'x', role: 'FINANCE_EDITOR' }))
    expect(bad.code).toBe(100)
    expect(bad.message).toMatch(/role/)
  })

  test('only one admin system user per business', async () => {
    await start()
    await createSystemUser(sim, 'First admin', 'ADMIN')
    const second = await asAdmin(sim, 'POST', edge(), { name: 'Second admin', role: 'ADMIN' })
    expect(errorOf(second).code).toBe(100)
    expect(sim.model.systemUsers(sim.fixtures.businessId)).toHaveLength(1)
  })

  test('a Limited-tier app allows 1 regular system user', async () => {
    await start()
    await createSystemUser(sim, 'One')
    const error = errorOf(await asAdmin(sim, 'POST', edge(), { name: 'Two' }))
    expect(error.code).toBe(100)
    expect(error.message).toMatch(/limit of 1 system user/)
  })

  test('a Full-tier app allows 10 regular system users, not 11', async () => {
    await start('large')
    for (let n = 1; n <= 10; n += 1) await createSystemUser(sim, `Worker ${n}`)
    const error = errorOf(await asAdmin(sim, 'POST', edge(), { name: 'Worker 11' }))
    expect(error.message).toMatch(/limit of 10 system users/)
  })

  test('an employee system user’s token gets 200 on create, rename and list', async () => {
    await start('large')
    const employee = await systemUserWithToken(sim, 'EMPLOYEE', 'business_management')
    const opts = { token: employee.token, proofSecret: sim.fixtures.appSecret }
    for (const result of [
      await call(sim, 'POST', edge(), { name: 'Sneaky' }, opts),
      await call(sim, 'POST', edge(), { system_user_id: employee.id, name: 'Renamed' }, opts),
      await call(sim, 'GET', edge(), {}, opts),
    ]) {
      expect(errorOf(result).code).toBe(200)
    }
  })

  test('an admin system user’s token may create system users', async () => {
    await start('large')
    const admin = await systemUserWithToken(sim, 'ADMIN', 'business_management')
    const result = await call(
      sim,
      'POST',
      edge(),
      { name: 'Made by admin SU' },
      {
        token: admin.token,
        proofSecret: sim.fixtures.appSecret,
      },
    )
    expect(result.status).toBe(200)
  })
})
