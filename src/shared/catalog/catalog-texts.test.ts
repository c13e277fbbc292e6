import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en'
import { catalogMessages } from '../i18n/messages/catalog'
import { catalogScopeMessages } from '../i18n/messages/catalog-scopes'
import { catalogTaskMessages } from '../i18n/messages/catalog-tasks'
import { ASSET_KINDS, ASSIGNABLE_KINDS, PAGE_VOCABULARIES } from './asset-kinds'
import { GOAL_IDS, GOAL_LIST, ROLES } from './goals'
import {
  breadthLabelKey,
  kindDescriptionKey,
  kindNameKey,
  pageVocabularyKeys,
  roleKeys,
} from './keys'
import { customPlan, planFromGoal } from './plan'
import type { CustomPlanInput } from './plan-schema'
import { SCOPE_INFO } from './scopes'
import { TASK_INFO, type TaskInfo } from './tasks'

const catalogKeys = Object.keys({
  ...catalogMessages,
  ...catalogTaskMessages,
  ...catalogScopeMessages,
})

// Choices that reach every warning and every error customPlan can give.
const customInputs: CustomPlanInput[] = [
  { role: 'ADMIN', pageVocabulary: 'sdk', assets: [], scopes: ['business_management'] },
  { role: 'EMPLOYEE', pageVocabulary: 'sdk', assets: [{ kind: 'page', tasks: ['MANAGE'] }] },
  {
    role: 'EMPLOYEE',
    pageVocabulary: 'sdk',
    assets: [{ kind: 'page', tasks: ['ANALYZE'] }],
    scopes: ['read_insights', 'attribution_read'],
  },
  { role: 'OWNER', pageVocabulary: 'sdk', assets: [] },
  { role: 'EMPLOYEE', pageVocabulary: 'sdk', assets: [{ kind: 'app', tasks: [] }] },
  { role: 'EMPLOYEE', pageVocabulary: 'sdk', assets: [{ kind: 'group', tasks: ['X'] }] },
  { role: 'EMPLOYEE', pageVocabulary: 'sdk', assets: [{ kind: 'pixel', tasks: [] }] },
  { role: 'EMPLOYEE', pageVocabulary: 'sdk', assets: [{ kind: 'pixel', tasks: ['X'] }] },
  { role: 'EMPLOYEE', pageVocabulary: 'sdk', assets: [], scopes: ['email'] },
]

/** Every key the catalog hands out, gathered from its data and from the plans it makes. */
function usedKeys(): { keys: Set<string>; params: Map<string, Set<string>> } {
  const keys = new Set<string>()
  const params = new Map<string, Set<string>>()
  const use = (key: string, names: readonly string[] = []) => {
    keys.add(key)
    const set = params.get(key) ?? new Set<string>()
    for (const name of names) set.add(name)
    params.set(key, set)
  }
  for (const kind of ASSET_KINDS) {
    use(kindNameKey(kind))
    use(kindDescriptionKey(kind))
  }
  for (const kind of ASSIGNABLE_KINDS) {
    for (const info of Object.values<TaskInfo>(TASK_INFO[kind])) {
      use(info.labelKey)
      use(info.explanationKey)
      if (info.warningKey) use(info.warningKey)
    }
  }
  for (const info of Object.values(SCOPE_INFO)) {
    use(info.labelKey)
    use(info.explanationKey)
    if (info.warningKey) use(info.warningKey)
  }
  for (const goal of GOAL_LIST) {
    for (const key of [goal.titleKey, goal.descriptionKey, goal.whyKey, goal.suggestedNameKey]) {
      use(key)
    }
  }
  for (const role of ROLES) {
    use(roleKeys(role).labelKey)
    use(roleKeys(role).explanationKey)
  }
  use(roleKeys('ADMIN').warningKey)
  for (const vocabulary of PAGE_VOCABULARIES) {
    use(pageVocabularyKeys(vocabulary).labelKey)
    use(pageVocabularyKeys(vocabulary).explanationKey)
  }
  use(breadthLabelKey('narrow'))
  use(breadthLabelKey('broad'))
  const plans = GOAL_IDS.map((goalId) => planFromGoal(goalId, { pageVocabulary: 'sdk' }))
  for (const input of customInputs) {
    const result = customPlan(input)
    if (result.ok) plans.push(result.value)
    else use(result.error.messageKey, Object.keys(result.error.params ?? {}))
  }
  for (const warning of plans.flatMap((plan) => plan.warnings)) {
    use(warning.messageKey, Object.keys(warning.params ?? {}))
  }
  return { keys, params }
}

describe('catalog texts', () => {
  const { keys, params } = usedKeys()

  it('reaches every warning and error a plan can carry', () => {
    const codes = new Set<string>()
    for (const input of customInputs) {
      const result = customPlan(input)
      if (result.ok) for (const warning of result.value.warnings) codes.add(warning.code)
    }
    expect([...codes].sort()).toEqual([
      'admin-role',
      'broad-scope',
      'broad-task',
      'missing-scope',
      'no-assets',
      'unneeded-scope',
    ])
    expect([...keys].filter((key) => key.startsWith('catalog.error.')).sort()).toEqual(
      Object.keys(catalogMessages)
        .filter((key) => key.startsWith('catalog.error.'))
        .sort(),
    )
  })

  it('has a message for every key the catalog uses', () => {
    expect([...keys].filter((key) => !Object.hasOwn(en, key))).toEqual([])
  })

  it('has no catalog message that nothing uses', () => {
    expect(catalogKeys.filter((key) => !keys.has(key))).toEqual([])
  })

  it('fills every placeholder a message has, and has one for every parameter it is given', () => {
    for (const [key, names] of params) {
      const placeholders = [...(en[key] ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1])
      for (const placeholder of placeholders) expect(names, key).toContain(placeholder)
      // Warnings about a task or scope carry its id for the UI; the text itself need not show it.
      if (key === 'catalog.warning.missingScope' || key === 'catalog.warning.unneededScope') {
        expect(placeholders).toEqual(['scope'])
      }
    }
  })

  it('says every sentence in plain words: no empty text, no ALL-CAPS id outside vocabulary texts', () => {
    for (const key of catalogKeys) {
      const text = en[key] ?? ''
      expect(text.trim().length, key).toBeGreaterThan(0)
      if (key.startsWith('catalog.pageVocabulary.')) continue
      expect(text, key).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/)
    }
  })
})
