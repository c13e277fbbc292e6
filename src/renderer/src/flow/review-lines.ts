import { roleKeys, SCOPE_INFO, type AccessPlan } from '@shared/catalog'
import type { Translate, TranslateRuntimeKey } from '../i18n/use-t'
import { chosenCounts, type FlowDraft } from './flow-draft'
import { kindName, taskLabels } from './flow-words'

/**
 * The plain summary of exactly what the run will do, in order, BEFORE it happens: create (or
 * adopt) the system user, assign each kind, install the app, generate the token, save it.
 * Assets of one kind that got different tasks get one line per task list.
 */
export function reviewLines(
  t: Translate,
  tr: TranslateRuntimeKey,
  draft: FlowDraft,
  plan: AccessPlan,
  app: string,
): string[] {
  const lines = [
    t('flow.review.create', { name: draft.name.trim(), role: tr(roleKeys(draft.role).labelKey) }),
  ]
  for (const { kind } of chosenCounts(draft.assets)) {
    const byTasks = new Map<string, { tasks: readonly string[]; count: number }>()
    for (const asset of Object.values(draft.assets[kind] ?? {})) {
      const key = asset.tasks.join(',')
      const entry = byTasks.get(key) ?? { tasks: asset.tasks, count: 0 }
      byTasks.set(key, { ...entry, count: entry.count + 1 })
    }
    for (const { tasks, count } of byTasks.values()) {
      lines.push(
        t('flow.review.assign', {
          tasks: taskLabels(tr, kind, tasks),
          count,
          kind: kindName(tr, kind),
        }),
      )
    }
  }
  lines.push(t('flow.review.install', { app }))
  const scopes = plan.scopes
    .map((scope) => `${tr(SCOPE_INFO[scope].labelKey)} (${scope})`)
    .join(', ')
  lines.push(
    t(draft.expiry === 'never' ? 'flow.review.generateNever' : 'flow.review.generate60', {
      scopes,
    }),
  )
  lines.push(t('flow.review.save'))
  return lines
}
