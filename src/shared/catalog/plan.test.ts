import { describe, expect, it } from 'vitest'
import { customPlan, scopesForAssignment } from './plan'
import { AccessPlan, type CustomPlanInput } from './plan-schema'

const employee = (
  assets: CustomPlanInput['assets'],
  extra: Partial<CustomPlanInput> = {},
): CustomPlanInput => ({ role: 'EMPLOYEE', pageVocabulary: 'sdk', assets, ...extra })

const planOf = (input: CustomPlanInput) => {
  const result = customPlan(input)
  if (!result.ok) throw new Error(`expected a plan, got ${result.error.messageKey}`)
  return result.value
}

const errorOf = (input: CustomPlanInput) => {
  const result = customPlan(input)
  if (result.ok) throw new Error('expected the choice to be rejected')
  return result.error
}

describe('customPlan', () => {
  it('accepts a narrow choice, derives its least scopes and has nothing to warn about', () => {
    const plan = planOf(employee([{ kind: 'ad-account', tasks: ['ANALYZE'] }]))
    expect(plan).toMatchObject({ goalId: 'custom', role: 'EMPLOYEE', scopes: ['ads_read'] })
    expect(plan.warnings).toEqual([])
  })

  it('warns about a full-control task, in either Page vocabulary', () => {
    const sdk = planOf(employee([{ kind: 'page', tasks: ['MANAGE'] }]))
    expect(sdk.warnings).toContainEqual({
      code: 'broad-task',
      messageKey: 'catalog.task.page.MANAGE.warning',
      params: { kind: 'page', task: 'MANAGE' },
    })
    const live = planOf(
      employee([{ kind: 'page', tasks: ['FULL_CONTROL'] }], { pageVocabulary: 'live' }),
    )
    expect(live.warnings.filter((warning) => warning.code === 'broad-task')).toHaveLength(1)
    const ads = planOf(employee([{ kind: 'ad-account', tasks: ['MANAGE'] }]))
    expect(ads.warnings.map((warning) => warning.params?.task)).toContain('MANAGE')
  })

  it('warns about business_management and the other broad scopes', () => {
    const plan = planOf(
      employee([{ kind: 'ad-account', tasks: ['ANALYZE'] }], {
        scopes: ['ads_read', 'business_management'],
      }),
    )
    expect(plan.warnings).toContainEqual({
      code: 'broad-scope',
      messageKey: 'catalog.scope.business_management.warning',
      params: { scope: 'business_management' },
    })
    // Nothing chosen needs it, so the admin also hears that it could be left out.
    expect(plan.warnings).toContainEqual(
      expect.objectContaining({ code: 'unneeded-scope', params: { scope: 'business_management' } }),
    )
  })

  it('warns about the admin role first', () => {
    const plan = planOf({
      role: 'ADMIN',
      pageVocabulary: 'sdk',
      assets: [{ kind: 'ad-account', tasks: ['ANALYZE'] }],
    })
    expect(plan.role).toBe('ADMIN')
    expect(plan.warnings[0]).toEqual({
      code: 'admin-role',
      messageKey: 'catalog.role.ADMIN.warning',
    })
  })

  it('warns when chosen scopes miss one a task needs', () => {
    const plan = planOf(
      employee([{ kind: 'page', tasks: ['CREATE_CONTENT'] }], {
        scopes: ['pages_manage_posts', 'pages_show_list'],
      }),
    )
    const missing = plan.warnings
      .filter((warning) => warning.code === 'missing-scope')
      .map((warning) => warning.params?.scope)
    expect(missing).toEqual(['business_management', 'pages_read_engagement'])
  })

  it('counts a scope as present when a chosen one covers it', () => {
    const plan = planOf(
      employee([{ kind: 'ad-account', tasks: ['ANALYZE'] }], {
        scopes: ['ads_management', 'pages_read_engagement', 'pages_show_list'],
      }),
    )
    const codes = plan.warnings.map((warning) => warning.code)
    expect(codes).not.toContain('missing-scope')
    expect(codes).toContain('broad-scope')
  })

  it('does not call a scope unneeded when docs/graph-api.md §9 pairs it with a chosen task', () => {
    const plan = planOf(
      employee([{ kind: 'page', tasks: ['CREATE_CONTENT'] }], {
        scopes: [
          'business_management',
          'pages_manage_posts',
          'pages_read_engagement',
          'pages_show_list',
          'publish_video',
        ],
      }),
    )
    expect(plan.warnings.map((warning) => warning.code)).not.toContain('unneeded-scope')
  })

  it('merges a kind given twice, drops duplicates and orders tasks and scopes', () => {
    const plan = planOf(
      employee(
        [
          { kind: 'pixel', tasks: ['UPLOAD'] },
          { kind: 'ad-account', tasks: ['ANALYZE', 'ADVERTISE'] },
          { kind: 'ad-account', tasks: ['ADVERTISE'] },
        ],
        { scopes: ['ads_read', 'ads_management', 'ads_read'] },
      ),
    )
    expect(plan.assets).toEqual([
      { kind: 'ad-account', tasks: ['ADVERTISE', 'ANALYZE'] },
      { kind: 'pixel', tasks: ['UPLOAD'] },
    ])
    expect(plan.scopes).toEqual(['ads_management', 'ads_read'])
  })

  it('rejects a task that is not in the kind’s enum', () => {
    expect(errorOf(employee([{ kind: 'ad-account', tasks: ['CREATE_CONTENT'] }]))).toEqual({
      code: 'invalid-input',
      messageKey: 'catalog.error.unknownTask',
      params: { kind: 'ad-account', task: 'CREATE_CONTENT' },
    })
  })

  it('rejects a Page task from the other vocabulary', () => {
    const live = employee([{ kind: 'page', tasks: ['MANAGE'] }], { pageVocabulary: 'live' })
    expect(errorOf(live).messageKey).toBe('catalog.error.unknownTask')
    const sdk = employee([{ kind: 'page', tasks: ['FULL_CONTROL'] }])
    expect(errorOf(sdk).messageKey).toBe('catalog.error.unknownTask')
  })

  it('rejects an unknown scope, including the deprecated publish_actions', () => {
    const input = employee([{ kind: 'page', tasks: ['ANALYZE'] }], { scopes: ['publish_actions'] })
    expect(errorOf(input)).toEqual({
      code: 'invalid-input',
      messageKey: 'catalog.error.unknownScope',
      params: { scope: 'publish_actions' },
    })
  })

  it('rejects roles other than Employee and Admin, even ones in the SDK enum', () => {
    const input: CustomPlanInput = { role: 'DEVELOPER', pageVocabulary: 'sdk', assets: [] }
    expect(errorOf(input).messageKey).toBe('catalog.error.unknownRole')
  })

  it('rejects apps, unknown kinds and kinds without tasks', () => {
    expect(errorOf(employee([{ kind: 'app', tasks: [] }])).messageKey).toBe(
      'catalog.error.appNotAssignable',
    )
    expect(errorOf(employee([{ kind: 'event', tasks: ['MANAGE'] }])).messageKey).toBe(
      'catalog.error.unknownKind',
    )
    expect(errorOf(employee([{ kind: 'pixel', tasks: [] }]))).toMatchObject({
      messageKey: 'catalog.error.noTasks',
      params: { kind: 'pixel' },
    })
  })

  it('rejects a malformed choice as invalid input', () => {
    const input = { ...employee([]), extra: true } as unknown as CustomPlanInput
    expect(errorOf(input)).toEqual({ code: 'invalid-input', messageKey: 'errors.invalidInput' })
  })
})

describe('scopesForAssignment', () => {
  it('adds the dependencies of ads_management and drops the ads_read it covers', () => {
    expect(scopesForAssignment([{ kind: 'ad-account', tasks: ['ADVERTISE', 'ANALYZE'] }])).toEqual([
      'ads_management',
      'pages_read_engagement',
      'pages_show_list',
    ])
  })

  it('asks for business_management for Page work but not for advertising as a Page', () => {
    expect(scopesForAssignment([{ kind: 'page', tasks: ['MODERATE'] }])).toEqual([
      'business_management',
      'pages_manage_engagement',
      'pages_read_user_content',
      'pages_show_list',
    ])
    expect(scopesForAssignment([{ kind: 'page', tasks: ['ADVERTISE'] }])).toEqual([
      'pages_show_list',
    ])
  })

  it('gives the same scopes for mapped Page tasks in either vocabulary', () => {
    expect(scopesForAssignment([{ kind: 'page', tasks: ['MESSAGES'] }])).toEqual(
      scopesForAssignment([{ kind: 'page', tasks: ['MESSAGING'] }]),
    )
  })

  it('needs nothing for nothing', () => {
    expect(scopesForAssignment([])).toEqual([])
  })
})

describe('AccessPlan', () => {
  const base = {
    goalId: 'custom',
    role: 'EMPLOYEE',
    pageVocabulary: 'sdk',
    scopes: [],
    warnings: [],
  } as const

  it('rejects a task outside its kind’s enum, a repeated kind, apps and unknown scopes', () => {
    const bad = [
      { ...base, assets: [{ kind: 'pixel', tasks: ['MANAGE'] }] },
      { ...base, pageVocabulary: 'live', assets: [{ kind: 'page', tasks: ['CREATE_CONTENT'] }] },
      {
        ...base,
        assets: [
          { kind: 'pixel', tasks: ['UPLOAD'] },
          { kind: 'pixel', tasks: ['ANALYZE'] },
        ],
      },
      { ...base, assets: [{ kind: 'pixel', tasks: ['UPLOAD', 'UPLOAD'] }] },
      { ...base, assets: [{ kind: 'app', tasks: ['MANAGE'] }] },
      { ...base, assets: [], scopes: ['manage_pages'] },
      { ...base, assets: [], scopes: ['ads_read', 'ads_read'] },
    ]
    for (const plan of bad)
      expect(AccessPlan.safeParse(plan).success, JSON.stringify(plan)).toBe(false)
    expect(
      AccessPlan.safeParse({ ...base, assets: [{ kind: 'pixel', tasks: ['UPLOAD'] }] }).success,
    ).toBe(true)
  })
})
