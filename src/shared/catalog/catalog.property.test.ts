import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ASSIGNABLE_KINDS,
  PAGE_LIVE_TASKS,
  PAGE_SDK_TASKS,
  PAGE_VOCABULARIES,
  tasksOfKind,
  type AssignableKind,
} from './asset-kinds'
import { GOAL_IDS } from './goals'
import { customPlan, diffGranted, planFromGoal, scopesForAssignment } from './plan'
import { AccessPlan } from './plan-schema'
import { SCOPE_INFO, SYSTEM_USER_SCOPES } from './scopes'

// Task names from every enum (so a Page task of the other vocabulary or another kind's task is
// drawn often) plus arbitrary strings.
const knownTasks = [
  ...new Set(ASSIGNABLE_KINDS.flatMap((kind) => [...tasksOfKind(kind, 'sdk')])),
  ...PAGE_LIVE_TASKS,
]
const anyTask = fc.oneof(fc.constantFrom(...knownTasks), fc.string({ maxLength: 12 }))
const anyKind = fc.constantFrom<AssignableKind>(...ASSIGNABLE_KINDS)
const anyVocabulary = fc.constantFrom(...PAGE_VOCABULARIES)
const chosenAssets = fc.array(
  fc.record({ kind: anyKind, tasks: fc.array(anyTask, { minLength: 1, maxLength: 5 }) }),
  { maxLength: 6 },
)

describe('catalog properties', () => {
  it('never lets a plan hold a task outside its kind’s enum; rejects exactly those choices', () => {
    fc.assert(
      fc.property(anyVocabulary, chosenAssets, (pageVocabulary, assets) => {
        const result = customPlan({ role: 'EMPLOYEE', pageVocabulary, assets })
        const allKnown = assets.every((asset) =>
          asset.tasks.every((task) => tasksOfKind(asset.kind, pageVocabulary).includes(task)),
        )
        expect(result.ok).toBe(allKnown)
        if (!result.ok) {
          expect(result.error.messageKey).toBe('catalog.error.unknownTask')
          return
        }
        expect(AccessPlan.safeParse(result.value).success).toBe(true)
        for (const asset of result.value.assets) {
          for (const task of asset.tasks) {
            expect(tasksOfKind(asset.kind, pageVocabulary)).toContain(task)
          }
        }
        // Derived scopes are complete: nothing is missing, nothing is extra.
        const codes = result.value.warnings.map((warning) => warning.code)
        expect(codes).not.toContain('missing-scope')
        expect(codes).not.toContain('unneeded-scope')
      }),
      { numRuns: 500 },
    )
  })

  it('keeps every goal plan inside the enums, whatever the vocabulary', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GOAL_IDS), anyVocabulary, (goalId, pageVocabulary) => {
        const plan = planFromGoal(goalId, { pageVocabulary })
        for (const asset of plan.assets) {
          for (const task of asset.tasks) {
            expect(tasksOfKind(asset.kind, pageVocabulary)).toContain(task)
          }
        }
      }),
    )
  })

  it('derives scope sets that are known, closed over dependencies and free of covered scopes', () => {
    const validAssets = fc.array(
      anyKind.chain((kind) =>
        fc.record({
          kind: fc.constant(kind),
          tasks: fc.subarray(
            kind === 'page'
              ? [...PAGE_SDK_TASKS, ...PAGE_LIVE_TASKS]
              : [...tasksOfKind(kind, 'sdk')],
            { minLength: 1 },
          ),
        }),
      ),
      { maxLength: 6 },
    )
    fc.assert(
      fc.property(validAssets, (assets) => {
        const scopes = scopesForAssignment(assets)
        const chosen = new Set(scopes)
        expect(chosen.size).toBe(scopes.length)
        for (const scope of scopes) {
          expect(SYSTEM_USER_SCOPES).toContain(scope)
          for (const dependency of SCOPE_INFO[scope].dependsOn) expect(chosen).toContain(dependency)
          for (const covered of SCOPE_INFO[scope].covers) expect(chosen).not.toContain(covered)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('grants exactly when every requested task comes back, whatever Meta adds', () => {
    const kindAndTasks = anyKind.chain((kind) => {
      const tasks = tasksOfKind(kind, 'sdk')
      return fc.record({
        kind: fc.constant(kind),
        requested: fc.subarray([...tasks]),
        added: fc.subarray([...tasks]),
        dropped: fc.nat(),
      })
    })
    fc.assert(
      fc.property(kindAndTasks, ({ kind, requested, added, dropped }) => {
        const granted = [...new Set([...requested, ...added])]
        const superset = diffGranted({ kind, tasks: requested }, granted)
        expect(superset.granted).toBe(true)
        expect(superset.missing).toEqual([])
        expect(superset.extra).toEqual(granted.filter((task) => !requested.includes(task)))
        if (requested.length === 0) return
        const lost = requested[dropped % requested.length]!
        const partial = diffGranted(
          { kind, tasks: requested },
          granted.filter((task) => task !== lost),
        )
        expect(partial.granted).toBe(false)
        expect(partial.missing).toEqual([lost])
      }),
      { numRuns: 300 },
    )
  })
})
