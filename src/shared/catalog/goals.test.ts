import { describe, expect, it } from 'vitest'
import { PAGE_VOCABULARIES, pageTaskIn, tasksOfKind } from './asset-kinds'
import { GOAL_IDS, GOAL_LIST, GOALS } from './goals'
import { scopesForAssignment, planFromGoal } from './plan'
import { AccessPlan } from './plan-schema'
import { SYSTEM_USER_SCOPES } from './scopes'
import { AD_ACCOUNT_BUNDLES, taskInfo } from './tasks'

const everyPlan = GOAL_IDS.flatMap((goalId) =>
  PAGE_VOCABULARIES.map((pageVocabulary) => ({
    goalId,
    pageVocabulary,
    plan: planFromGoal(goalId, { pageVocabulary }),
  })),
)

describe('goals', () => {
  it('offers the eight goals of the guided flow, in order, Custom last', () => {
    expect(GOAL_LIST.map((goal) => goal.id)).toEqual([
      'read-ad-reports',
      'run-ads',
      'publish-page-posts',
      'answer-messages',
      'manage-catalog',
      'send-server-events',
      'whatsapp-messaging',
      'custom',
    ])
  })

  it('makes a plan that is valid against the enums for every goal and Page vocabulary', () => {
    for (const { goalId, pageVocabulary, plan } of everyPlan) {
      expect(AccessPlan.safeParse(plan).success, goalId).toBe(true)
      expect(plan.goalId).toBe(goalId)
      expect(plan.pageVocabulary).toBe(pageVocabulary)
      for (const asset of plan.assets) {
        for (const task of asset.tasks) {
          expect(tasksOfKind(asset.kind, pageVocabulary), `${goalId} ${asset.kind}`).toContain(task)
        }
      }
    }
  })

  it('always proposes an Employee system user, never an admin', () => {
    for (const { goalId, plan } of everyPlan) {
      expect(plan.role, goalId).toBe('EMPLOYEE')
      expect(plan.warnings.map((warning) => warning.code)).not.toContain('admin-role')
    }
  })

  it('proposes no broad task except the one a goal cannot do without, and warns about it', () => {
    for (const { goalId, plan } of everyPlan) {
      const broadTasks = plan.assets.flatMap((asset) =>
        asset.tasks.filter((task) => taskInfo(asset.kind, task)?.breadth === 'broad'),
      )
      expect(broadTasks, goalId).toEqual(GOALS[goalId].unavoidableBroadTasks)
      const warned = plan.warnings.filter((warning) => warning.code === 'broad-task')
      expect(warned.map((warning) => warning.params?.task)).toEqual(broadTasks)
    }
    // Only editing a catalog needs one: "Manage catalog" is the only task that changes products.
    const withException = GOAL_LIST.filter((goal) => goal.unavoidableBroadTasks.length > 0)
    expect(withException.map((goal) => goal.id)).toEqual(['manage-catalog'])
  })

  it('asks for exactly the scopes its tasks need, dependencies included', () => {
    for (const goal of GOAL_LIST) {
      expect([...goal.scopes].sort(), goal.id).toEqual(scopesForAssignment(goal.assets).sort())
    }
  })

  it('uses only scopes from the current system-user list (docs/graph-api.md §4.2)', () => {
    for (const { goalId, plan } of everyPlan) {
      for (const scope of plan.scopes) {
        expect(SYSTEM_USER_SCOPES as readonly string[], goalId).toContain(scope)
      }
    }
  })

  it('reads reports with the documented reports-only bundle and ads_read alone', () => {
    const plan = planFromGoal('read-ad-reports', { pageVocabulary: 'sdk' })
    expect(plan.assets).toEqual([
      { kind: 'ad-account', tasks: [...AD_ACCOUNT_BUNDLES.reportsOnly] },
    ])
    expect(plan.scopes).toEqual(['ads_read'])
    expect(plan.warnings).toEqual([])
  })

  it('runs ads with the general bundle and the dependencies of ads_management (docs/graph-api.md §9)', () => {
    const plan = planFromGoal('run-ads', { pageVocabulary: 'sdk' })
    expect(plan.assets.find((asset) => asset.kind === 'ad-account')?.tasks).toEqual([
      ...AD_ACCOUNT_BUNDLES.general,
    ])
    expect(plan.scopes).toEqual(['ads_management', 'pages_read_engagement', 'pages_show_list'])
    // ads_management already includes reporting, so ads_read would be more than needed.
    expect(plan.scopes).not.toContain('ads_read')
  })

  it('asks for business_management wherever a goal calls the Pages API (docs/graph-api.md §2.6)', () => {
    for (const goalId of ['publish-page-posts', 'answer-messages'] as const) {
      expect(planFromGoal(goalId, { pageVocabulary: 'sdk' }).scopes).toContain(
        'business_management',
      )
    }
    for (const goalId of ['read-ad-reports', 'run-ads', 'send-server-events'] as const) {
      expect(planFromGoal(goalId, { pageVocabulary: 'sdk' }).scopes).not.toContain(
        'business_management',
      )
    }
  })

  it('writes Page tasks that exist in both vocabularies, so switching never loses one', () => {
    for (const goal of GOAL_LIST) {
      for (const asset of goal.assets.filter((asset) => asset.kind === 'page')) {
        for (const task of asset.tasks) {
          expect(pageTaskIn(task, 'live'), `${goal.id} ${task}`).toBeDefined()
        }
      }
    }
  })

  it('maps Page tasks when the live vocabulary is asked for, keeping the same scopes', () => {
    const pageTasks = (goalId: (typeof GOAL_IDS)[number], pageVocabulary: 'sdk' | 'live') =>
      planFromGoal(goalId, { pageVocabulary }).assets.find((asset) => asset.kind === 'page')?.tasks
    expect(pageTasks('publish-page-posts', 'sdk')).toEqual(['CREATE_CONTENT'])
    expect(pageTasks('publish-page-posts', 'live')).toEqual(['CONTENT'])
    expect(pageTasks('answer-messages', 'sdk')).toEqual(['MESSAGING'])
    expect(pageTasks('answer-messages', 'live')).toEqual(['MESSAGES'])
    expect(pageTasks('run-ads', 'live')).toEqual(['ADVERTISE'])
    for (const goalId of GOAL_IDS) {
      const sdk = planFromGoal(goalId, { pageVocabulary: 'sdk' })
      const live = planFromGoal(goalId, { pageVocabulary: 'live' })
      expect(live.scopes, goalId).toEqual(sdk.scopes)
      expect(live.warnings, goalId).toEqual(sdk.warnings)
    }
  })

  it('starts Custom empty, with the warning that it reaches nothing yet', () => {
    const plan = planFromGoal('custom', { pageVocabulary: 'sdk' })
    expect(plan.assets).toEqual([])
    expect(plan.scopes).toEqual([])
    expect(plan.warnings.map((warning) => warning.code)).toEqual(['no-assets'])
  })

  it('warns about the broad scopes a goal needs, and only those', () => {
    const broadScopes = (goalId: (typeof GOAL_IDS)[number]) =>
      planFromGoal(goalId, { pageVocabulary: 'sdk' })
        .warnings.filter((warning) => warning.code === 'broad-scope')
        .map((warning) => warning.params?.scope)
    expect(broadScopes('read-ad-reports')).toEqual([])
    expect(broadScopes('send-server-events')).toEqual([])
    expect(broadScopes('run-ads')).toEqual(['ads_management'])
    expect(broadScopes('publish-page-posts')).toEqual(['business_management'])
    expect(broadScopes('whatsapp-messaging')).toEqual(['whatsapp_business_management'])
    for (const { plan } of everyPlan) {
      const codes = plan.warnings.map((warning) => warning.code)
      expect(codes).not.toContain('missing-scope')
      expect(codes).not.toContain('unneeded-scope')
    }
  })
})
