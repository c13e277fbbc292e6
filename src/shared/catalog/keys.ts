/**
 * i18n keys of the catalog, built from ids so every kind, task, scope and goal has its texts in
 * the same place (shared/i18n/messages/catalog*.ts). A test checks that each key exists.
 */
import type { AssetKind } from './asset-kinds'

/** Short name of a kind, e.g. "Ad accounts". */
export const kindNameKey = (kind: AssetKind): string => `catalog.kind.${kind}.name`
/** One plain sentence saying what the kind is. */
export const kindDescriptionKey = (kind: AssetKind): string => `catalog.kind.${kind}.description`

/** Short label of a task, as Meta's own screens word it where they have one. */
export const taskLabelKey = (kind: AssetKind, task: string): string =>
  `catalog.task.${kind}.${task}.label`
/** One plain sentence saying what the task lets the system user do. */
export const taskExplanationKey = (kind: AssetKind, task: string): string =>
  `catalog.task.${kind}.${task}.explanation`
/** Why a broad task deserves a second thought (broad tasks only). */
export const taskWarningKey = (kind: AssetKind, task: string): string =>
  `catalog.task.${kind}.${task}.warning`

/** Short label of a permission (scope). */
export const scopeLabelKey = (scope: string): string => `catalog.scope.${scope}.label`
/** One plain sentence saying what the permission lets the token do. */
export const scopeExplanationKey = (scope: string): string => `catalog.scope.${scope}.explanation`
/** Why a broad permission deserves a second thought (broad scopes only). */
export const scopeWarningKey = (scope: string): string => `catalog.scope.${scope}.warning`

/** Keys of a goal's texts. */
export const goalKeys = (goalId: string) =>
  ({
    titleKey: `catalog.goal.${goalId}.title`,
    descriptionKey: `catalog.goal.${goalId}.description`,
    whyKey: `catalog.goal.${goalId}.why`,
    suggestedNameKey: `catalog.goal.${goalId}.suggestedName`,
  }) as const

/** Keys of a role's texts; `warningKey` is read only for roles that need one (ADMIN). */
export const roleKeys = (role: string) =>
  ({
    labelKey: `catalog.role.${role}.label`,
    explanationKey: `catalog.role.${role}.explanation`,
    warningKey: `catalog.role.${role}.warning`,
  }) as const

/** Keys of a Page vocabulary's texts. */
export const pageVocabularyKeys = (vocabulary: string) =>
  ({
    labelKey: `catalog.pageVocabulary.${vocabulary}.label`,
    explanationKey: `catalog.pageVocabulary.${vocabulary}.explanation`,
  }) as const

/** Keys of the breadth badge. */
export const breadthLabelKey = (breadth: 'narrow' | 'broad'): string =>
  `catalog.breadth.${breadth}.label`
