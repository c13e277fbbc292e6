import { describe, expect, it } from 'vitest'
import { GOAL_IDS } from '@shared/catalog'
import { RunStartRequest } from '@shared/ipc/schemas/flow'
import {
  assetProblems,
  assignmentGroups,
  draftPlan,
  goalProblems,
  INITIAL_DRAFT,
  nameRoleProblems,
  runStartRequest,
  tokenProblems,
  type FlowDraft,
} from './flow-draft'

const reports: FlowDraft = {
  ...INITIAL_DRAFT,
  goalId: 'read-ad-reports',
  name: 'Ad reports',
  assets: {
    'ad-account': {
      act_1: { id: 'act_1', name: 'Bakery ads', tasks: ['ANALYZE'] },
      act_2: { id: 'act_2', name: 'Cafe ads', tasks: ['ANALYZE'] },
    },
  },
}

describe('flow draft', () => {
  it('gives every catalog goal a plan main accepts as a run request', () => {
    for (const goalId of GOAL_IDS.filter((id) => id !== 'custom')) {
      const draft = { ...reports, goalId, assets: {} }
      const plan = draftPlan(draft)
      expect(plan?.goalId).toBe(goalId)
      expect(plan?.role).toBe('EMPLOYEE')
      const request = runStartRequest(
        {
          ...draft,
          assets: {
            [plan!.assets[0]!.kind]: {
              x: { id: 'x', name: 'X', tasks: [...plan!.assets[0]!.tasks] },
            },
          },
        },
        plan!,
      )
      expect(request.plan).toEqual({ source: 'goal', goalId, pageVocabulary: 'sdk' })
      expect(RunStartRequest.safeParse(request).success).toBe(true)
    }
  })

  it('sends a goal whose scopes or role were changed as a Custom plan with those changes', () => {
    const edited = { ...reports, scopes: ['ads_read', 'business_management'] as const }
    const plan = draftPlan({ ...edited, scopes: [...edited.scopes] })!
    expect(plan.warnings.map((w) => w.code)).toContain('broad-scope')
    const request = runStartRequest({ ...edited, scopes: [...edited.scopes] }, plan)
    expect(request.plan).toEqual({
      source: 'custom',
      custom: {
        role: 'EMPLOYEE',
        pageVocabulary: 'sdk',
        assets: [{ kind: 'ad-account', tasks: ['ANALYZE'] }],
        scopes: ['ads_read', 'business_management'],
      },
    })
    const admin = { ...reports, role: 'ADMIN' as const, adminConfirmed: true }
    const adminPlan = draftPlan(admin)!
    expect(adminPlan.warnings.map((w) => w.code)).toContain('admin-role')
    expect(runStartRequest(admin, adminPlan).plan.source).toBe('custom')
    expect(runStartRequest(admin, adminPlan).role).toBe('ADMIN')
  })

  it('groups assets by kind and identical tasks, and trims the name', () => {
    const draft: FlowDraft = {
      ...reports,
      name: '  Ad reports  ',
      assets: {
        'ad-account': {
          a: { id: 'a', name: 'A', tasks: ['ANALYZE'] },
          b: { id: 'b', name: 'B', tasks: ['ADVERTISE', 'ANALYZE'] },
          c: { id: 'c', name: 'C', tasks: ['ANALYZE'] },
        },
        page: { p: { id: 'p', name: 'P', tasks: ['ADVERTISE'] } },
      },
    }
    expect(assignmentGroups(draft.assets)).toEqual([
      { kind: 'ad-account', tasks: ['ANALYZE'], assetIds: ['a', 'c'] },
      { kind: 'ad-account', tasks: ['ADVERTISE', 'ANALYZE'], assetIds: ['b'] },
      { kind: 'page', tasks: ['ADVERTISE'], assetIds: ['p'] },
    ])
    expect(runStartRequest(draft, draftPlan(draft)!).name).toBe('Ad reports')
  })

  it('checks the name: empty, too long, odd characters, taken (case-insensitive)', () => {
    const check = (name: string) =>
      nameRoleProblems({ ...reports, name }, ['Ad Reports'], true).name
    expect(check('   ')).toBe('flow.name.problem.empty')
    expect(check('x'.repeat(101))).toBe('flow.name.problem.tooLong')
    expect(check('bad\u0007name')).toBe('flow.name.problem.characters')
    expect(check('ad reports')).toBe('flow.name.problem.taken')
    expect(check('Ad reports 2')).toBeUndefined()
  })

  it('accepts Admin only once confirmed, and never when the admin slot is taken', () => {
    const admin = { ...reports, name: 'Admin', role: 'ADMIN' as const }
    expect(nameRoleProblems(admin, [], true).role).toBe('flow.role.problem.confirmAdmin')
    expect(nameRoleProblems({ ...admin, adminConfirmed: true }, [], true)).toEqual({})
    expect(nameRoleProblems({ ...admin, adminConfirmed: true }, [], false).role).toBe(
      'flow.role.problem.adminTaken',
    )
    expect(nameRoleProblems({ ...reports, name: 'E' }, [], false)).toEqual({})
  })

  it('asks for a goal, and for at least one task in Custom', () => {
    expect(goalProblems(INITIAL_DRAFT)).toEqual({ goal: 'flow.goal.problem.choose' })
    const custom = { ...INITIAL_DRAFT, goalId: 'custom' as const }
    expect(goalProblems(custom)).toEqual({ goal: 'flow.goal.problem.customEmpty' })
    const chosen = { ...custom, customTasks: { 'ad-account': ['MANAGE'] } }
    expect(goalProblems(chosen)).toEqual({})
    const plan = draftPlan(chosen)!
    expect(plan.assets).toEqual([{ kind: 'ad-account', tasks: ['MANAGE'] }])
    expect(plan.warnings.map((w) => w.code)).toContain('broad-task')
  })

  it('asks for at least one asset, each with at least one task, and at least one scope', () => {
    expect(assetProblems({ ...reports, assets: {} })).toEqual({
      assets: 'flow.assets.problem.none',
    })
    const emptyTasks = {
      ...reports,
      assets: { 'ad-account': { a: { id: 'a', name: 'A', tasks: [] } } },
    }
    expect(assetProblems(emptyTasks)).toEqual({ assets: 'flow.assets.problem.noTasks' })
    expect(assetProblems(reports)).toEqual({})
    expect(tokenProblems({ ...reports, scopes: [] }, draftPlan(reports))).toEqual({
      scopes: 'flow.token.problem.noScopes',
    })
    expect(tokenProblems(reports, draftPlan(reports))).toEqual({})
  })
})
