import { describe, expect, it } from 'vitest'
import { planFromGoal } from '@shared/catalog'
import { systemUserNameProblem, type RunStartRequest } from '@shared/ipc/schemas/flow'
import { runToJournal, type RunStartContext } from './run-start'

const context = (overrides: Partial<RunStartContext> = {}): RunStartContext => ({
  runId: 'run-1',
  vaultRecordId: 'record-1',
  now: '2026-12-01T10:00:00.000Z',
  practice: true,
  businessId: 'b1',
  businessName: 'Bakery',
  appId: 'app1',
  existing: [{ name: 'Existing', role: 'EMPLOYEE' }],
  assetExists: (_kind, id) => ['act_1', 'act_2', 'page_1'].includes(id),
  ...overrides,
})

const request = (overrides: Partial<RunStartRequest> = {}): RunStartRequest => ({
  plan: { source: 'goal', goalId: 'run-ads', pageVocabulary: 'sdk' },
  name: 'Ads server',
  role: 'EMPLOYEE',
  assignments: [
    { kind: 'ad-account', tasks: ['ADVERTISE', 'ANALYZE'], assetIds: ['act_1'] },
    { kind: 'ad-account', tasks: ['ANALYZE'], assetIds: ['act_2'] },
    { kind: 'page', tasks: ['ADVERTISE'], assetIds: ['page_1'] },
  ],
  expiry: '60-days',
  ...overrides,
})

const codeOf = (result: ReturnType<typeof runToJournal>) =>
  result.ok ? 'ok' : result.error.messageKey

describe('the run to journal from a start request', () => {
  it('takes the scopes from the catalog plan, every action planned, nothing sent', () => {
    const planned = runToJournal(request(), context())
    expect(planned.ok).toBe(true)
    if (!planned.ok) return
    expect(planned.value.scopes).toEqual(planFromGoal('run-ads', { pageVocabulary: 'sdk' }).scopes)
    expect(planned.value.actions.map((s) => s.state)).toEqual(Array(6).fill('planned'))
    expect(planned.value.actions.find((s) => s.kind === 'assign')!.total).toBe(3)
    expect(planned.value.status).toBe('planned')
    expect(planned.value.appId).toBe('app1')
  })

  it('lets tasks narrow the plan but never widen it', () => {
    const wide = request({
      assignments: [{ kind: 'ad-account', tasks: ['MANAGE'], assetIds: ['act_1'] }],
    })
    expect(codeOf(runToJournal(wide, context()))).toBe('flowMain.plan.taskNotPlanned')
    const otherKind = request({
      assignments: [{ kind: 'pixel', tasks: ['ANALYZE'], assetIds: ['act_1'] }],
    })
    expect(codeOf(runToJournal(otherKind, context()))).toBe('flowMain.plan.kindNotPlanned')
  })

  it('refuses assets the business does not hold, and the same asset twice', () => {
    const unknown = request({
      assignments: [{ kind: 'ad-account', tasks: ['ANALYZE'], assetIds: ['act_9'] }],
    })
    expect(codeOf(runToJournal(unknown, context()))).toBe('flowMain.plan.assetUnknown')
    const twice = request({
      assignments: [
        { kind: 'ad-account', tasks: ['ANALYZE'], assetIds: ['act_1'] },
        { kind: 'ad-account', tasks: ['ADVERTISE'], assetIds: ['act_1'] },
      ],
    })
    expect(codeOf(runToJournal(twice, context()))).toBe('flowMain.plan.assetTwice')
  })

  it('checks the name: empty, too long, odd characters, taken (case-insensitive)', () => {
    expect(codeOf(runToJournal(request({ name: '  ' }), context()))).toBe('flowMain.name.empty')
    expect(codeOf(runToJournal(request({ name: 'x'.repeat(101) }), context()))).toBe(
      'flowMain.name.tooLong',
    )
    expect(codeOf(runToJournal(request({ name: 'Ads\u0000server' }), context()))).toBe(
      'flowMain.name.characters',
    )
    const taken = runToJournal(request({ name: ' existing ' }), context())
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(systemUserNameProblem('Café – Orders (EU) #2')).toBeUndefined()
    expect(systemUserNameProblem('x'.repeat(100))).toBeUndefined()
  })

  it('makes ADMIN an explicit choice with its warning, and only where none exists', () => {
    const admin = runToJournal(request({ role: 'ADMIN' }), context())
    expect(admin.ok && admin.value.warnings.map((w) => w.code)).toContain('admin-role')
    const second = runToJournal(
      request({ role: 'ADMIN' }),
      context({ existing: [{ name: 'Admin', role: 'ADMIN' }] }),
    )
    expect(second).toMatchObject({ ok: false, error: { code: 'quota-reached' } })
    const employee = runToJournal(request(), context())
    expect(employee.ok && employee.value.warnings.map((w) => w.code)).not.toContain('admin-role')
  })

  it('checks a Custom plan with the catalog', () => {
    const custom = request({
      plan: {
        source: 'custom',
        custom: {
          role: 'EMPLOYEE',
          pageVocabulary: 'sdk',
          assets: [{ kind: 'ad-account', tasks: ['NOT_A_TASK'] }],
        },
      },
    })
    expect(codeOf(runToJournal(custom, context()))).toBe('catalog.error.unknownTask')
  })
})
