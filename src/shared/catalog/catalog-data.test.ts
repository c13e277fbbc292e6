import { describe, expect, it } from 'vitest'
import {
  AD_ACCOUNT_TASKS,
  ASSET_KIND_INFO,
  ASSIGNABLE_KINDS,
  PAGE_LIVE_TASKS,
  PAGE_SDK_TASKS,
  PAGE_SDK_TO_LIVE,
  pageTaskIn,
  tasksOfKind,
} from './asset-kinds'
import { SCOPE_INFO, SYSTEM_USER_SCOPES, closeScopes, isScope, scopePairings } from './scopes'
import { AD_ACCOUNT_BUNDLES, TASK_INFO, taskInfo } from './tasks'

// docs/graph-api.md §4.2, "Supported scopes for system users (current page)", copied as written.
const SECTION_4_2 =
  'ads_management, ads_read, attribution_read, business_management, catalog_management, commerce_account_manage_orders, commerce_account_read_orders, commerce_account_read_settings, instagram_basic, instagram_branded_content_ads_brand, instagram_branded_content_brand, instagram_content_publish, instagram_manage_comments, instagram_manage_insights, instagram_manage_messages, instagram_shopping_tag_products, leads_retrieval, page_events, pages_manage_ads, pages_manage_cta, pages_manage_engagement, pages_manage_instant_articles, pages_manage_metadata, pages_manage_posts, pages_messaging, pages_read_engagement, pages_read_user_content, pages_show_list, private_computation_access, publish_video, read_audience_network_insights, read_insights, read_page_mailboxes, whatsapp_business_management, whatsapp_business_messaging'

describe('asset kinds', () => {
  it('maps the Page vocabularies both ways where Meta has a counterpart', () => {
    for (const [sdk, live] of Object.entries(PAGE_SDK_TO_LIVE)) {
      expect(pageTaskIn(sdk, 'live')).toBe(live)
      expect(pageTaskIn(live, 'sdk')).toBe(sdk)
    }
    expect(pageTaskIn('MANAGE', 'live')).toBe('FULL_CONTROL')
    expect(pageTaskIn('MODERATE', 'live')).toBe('COMMUNITY_ACTIVITY')
    expect(pageTaskIn('MANAGE_LEADS', 'live')).toBeUndefined()
    expect(pageTaskIn('SPARK_PUBLISH', 'sdk')).toBeUndefined()
    expect(pageTaskIn('NOT_A_TASK', 'sdk')).toBeUndefined()
    expect(pageTaskIn('CONTENT', 'live')).toBe('CONTENT')
  })

  it('has a catalog entry for every task of every enum, and no other', () => {
    for (const kind of ASSIGNABLE_KINDS) {
      const enumTasks =
        kind === 'page'
          ? [...new Set([...PAGE_SDK_TASKS, ...PAGE_LIVE_TASKS])]
          : [...tasksOfKind(kind, 'sdk')]
      expect(Object.keys(TASK_INFO[kind]).sort(), kind).toEqual(enumTasks.sort())
    }
    expect(taskInfo('pixel', 'MANAGE')).toBeUndefined()
    expect(taskInfo('page', 'toString')).toBeUndefined()
  })

  it('gives apps no tasks: they are installed, not assigned (docs/graph-api.md §2.3)', () => {
    expect(tasksOfKind('app', 'sdk')).toEqual([])
    expect(ASSET_KIND_INFO.app.grant).toBe('install')
    expect(ASSIGNABLE_KINDS as readonly string[]).not.toContain('app')
  })

  it('records which assigned_users edges require tasks and which allow DELETE (docs/graph-api.md §2.5)', () => {
    const required = Object.values(ASSET_KIND_INFO).filter((info) => info.tasksRequired)
    expect(required.map((info) => info.kind).sort()).toEqual(
      ['pixel', 'product-catalog', 'whatsapp-business-account'].sort(),
    )
    const noDelete = Object.values(ASSET_KIND_INFO).filter((info) => !info.canUnassign)
    expect(noDelete.map((info) => info.kind).sort()).toEqual(['app', 'pixel'])
    expect(ASSET_KIND_INFO.pixel.grantConfirmed).toBe(false)
  })

  it('offers the documented ad-account bundles, admin being the only broad one', () => {
    for (const bundle of Object.values(AD_ACCOUNT_BUNDLES)) {
      for (const task of bundle) expect(AD_ACCOUNT_TASKS as readonly string[]).toContain(task)
    }
    const broadIn = (tasks: readonly string[]) =>
      tasks.filter((task) => taskInfo('ad-account', task)?.breadth === 'broad')
    expect(broadIn(AD_ACCOUNT_BUNDLES.admin)).toEqual(['MANAGE'])
    expect(broadIn(AD_ACCOUNT_BUNDLES.general)).toEqual([])
    expect(broadIn(AD_ACCOUNT_BUNDLES.reportsOnly)).toEqual([])
  })

  it('marks full-control tasks broad in every kind', () => {
    const fullControl = [
      ['ad-account', 'MANAGE'],
      ['page', 'MANAGE'],
      ['page', 'FULL_CONTROL'],
      ['product-catalog', 'MANAGE'],
      ['whatsapp-business-account', 'MANAGE'],
      ['pixel', 'EDIT'],
    ] as const
    for (const [kind, task] of fullControl) {
      expect(taskInfo(kind, task)?.breadth, `${kind} ${task}`).toBe('broad')
    }
    expect(taskInfo('page', 'CREATE_CONTENT')?.breadth).toBe('narrow')
  })
})

describe('scopes', () => {
  it('lists exactly the current system-user scopes of docs/graph-api.md §4.2, in that order', () => {
    expect([...SYSTEM_USER_SCOPES]).toEqual(SECTION_4_2.split(', '))
    expect(isScope('publish_actions')).toBe(false)
    expect(isScope('manage_pages')).toBe(false)
  })

  it('flags business_management, ads_management and whatsapp_business_management as broad', () => {
    for (const scope of ['business_management', 'ads_management', 'whatsapp_business_management']) {
      expect(SCOPE_INFO[scope as 'ads_management'].breadth, scope).toBe('broad')
    }
    expect(SCOPE_INFO.pages_show_list.breadth).toBe('narrow')
    expect(SCOPE_INFO.ads_read.breadth).toBe('narrow')
    for (const info of Object.values(SCOPE_INFO)) {
      expect(info.warningKey !== undefined, info.scope).toBe(info.breadth === 'broad')
    }
  })

  it('needs only scopes from the list, and every dependency is one too', () => {
    for (const kind of ASSIGNABLE_KINDS) {
      for (const info of Object.values<{ needs: readonly string[]; alsoPairs: readonly string[] }>(
        TASK_INFO[kind],
      )) {
        for (const scope of [...info.needs, ...info.alsoPairs]) expect(isScope(scope)).toBe(true)
      }
    }
    for (const info of Object.values(SCOPE_INFO)) {
      for (const scope of [...info.dependsOn, ...info.covers]) expect(isScope(scope)).toBe(true)
    }
  })

  it('says which tasks a scope pairs with (docs/graph-api.md §9)', () => {
    expect(scopePairings('pages_messaging')).toEqual([
      {
        kind: 'page',
        tasks: ['MESSAGING', 'MESSAGES', 'PAGES_MESSAGING', 'PAGES_MESSAGING_SUBSCRIPTIONS'],
      },
    ])
    expect(scopePairings('ads_read')).toEqual([
      { kind: 'ad-account', tasks: ['ANALYZE', 'AA_ANALYZE'] },
      { kind: 'pixel', tasks: ['ANALYZE', 'UPLOAD', 'AA_ANALYZE'] },
    ])
    const business = scopePairings('business_management')
    expect(business.map((pairing) => pairing.kind)).toEqual(['page'])
    expect(business[0]?.tasks).not.toContain('ADVERTISE')
    expect(scopePairings('attribution_read')).toEqual([])
  })

  it('closes a scope set over dependencies and drops what another covers', () => {
    expect(closeScopes(['ads_management', 'ads_read'])).toEqual([
      'ads_management',
      'pages_read_engagement',
      'pages_show_list',
    ])
    expect(closeScopes(['pages_show_list', 'ads_read', 'ads_read'])).toEqual([
      'ads_read',
      'pages_show_list',
    ])
  })
})
