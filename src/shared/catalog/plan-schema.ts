/**
 * The shape of an access plan — what the guided flow will create, assign and ask for — and of a
 * Custom choice before it is checked. zod, so main, the journal and IPC can validate plans too.
 */
import { z } from 'zod'
import { ASSIGNABLE_KINDS, PageVocabularySchema, tasksOfKind } from './asset-kinds'
import { GoalIdSchema, RoleSchema } from './goals'
import { ScopeSchema, SYSTEM_USER_SCOPES } from './scopes'

const Id = z.string().min(1).max(64)

export const PLAN_WARNING_CODES = [
  'admin-role', // ADMIN: one per business, reaches everything (docs/graph-api.md §8.1, §10.13)
  'broad-task', // a full-control-type task
  'broad-scope', // a permission that reaches a whole product line or the business
  'missing-scope', // a chosen task needs a permission that is not chosen
  'unneeded-scope', // a chosen permission that nothing chosen needs
  'no-assets', // nothing to assign: the system user would reach nothing
] as const
export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number]

/** Something the admin should read before going on. `messageKey` is an i18n key. */
export const PlanWarning = z.strictObject({
  code: z.enum(PLAN_WARNING_CODES),
  messageKey: z.string().min(1).max(200),
  /** Ids (kind, task, scope) the UI can turn into labels; never a secret. */
  params: z.record(z.string(), z.string().max(100)).optional(),
})
export type PlanWarning = z.infer<typeof PlanWarning>

export const PlanAsset = z.strictObject({
  kind: z.enum(ASSIGNABLE_KINDS),
  tasks: z.array(Id).min(1).max(40),
})
export type PlanAsset = z.infer<typeof PlanAsset>

const duplicates = (values: readonly string[]): string[] =>
  values.filter((value, index) => values.indexOf(value) !== index)

/**
 * Role, what to assign (by kind, with tasks), which scopes the token gets, and the warnings to
 * show. Every task must belong to its kind's enum in the plan's Page vocabulary.
 */
export const AccessPlan = z
  .strictObject({
    goalId: GoalIdSchema,
    role: RoleSchema,
    pageVocabulary: PageVocabularySchema,
    assets: z.array(PlanAsset).max(ASSIGNABLE_KINDS.length),
    scopes: z.array(ScopeSchema).max(SYSTEM_USER_SCOPES.length),
    warnings: z.array(PlanWarning).max(100),
  })
  .superRefine((plan, ctx) => {
    for (const kind of duplicates(plan.assets.map((asset) => asset.kind))) {
      ctx.addIssue({ code: 'custom', path: ['assets'], message: `kind ${kind} appears twice` })
    }
    plan.assets.forEach((asset, index) => {
      const allowed = tasksOfKind(asset.kind, plan.pageVocabulary)
      for (const task of asset.tasks) {
        if (!allowed.includes(task)) {
          ctx.addIssue({
            code: 'custom',
            path: ['assets', index, 'tasks'],
            message: `${task} is not a ${asset.kind} task (${plan.pageVocabulary} vocabulary)`,
          })
        }
      }
      for (const task of duplicates(asset.tasks)) {
        ctx.addIssue({ code: 'custom', path: ['assets', index, 'tasks'], message: `${task} twice` })
      }
    })
    for (const scope of duplicates(plan.scopes)) {
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: `${scope} twice` })
    }
  })
export type AccessPlan = z.infer<typeof AccessPlan>

/**
 * A Custom choice as the renderer sends it. Ids are plain strings on purpose: `customPlan` checks
 * them against the catalog so an unknown one gets its own plain-language message.
 * `scopes` left out means "derive them from the tasks".
 */
export const CustomPlanInput = z.strictObject({
  role: z.string().max(32),
  pageVocabulary: PageVocabularySchema,
  assets: z
    .array(z.strictObject({ kind: z.string().max(64), tasks: z.array(z.string().max(64)).max(64) }))
    .max(32),
  scopes: z.array(z.string().max(100)).max(100).optional(),
})
export type CustomPlanInput = z.infer<typeof CustomPlanInput>
