import { kindNameKey, taskInfo, type AssignableKind } from '@shared/catalog'
import type { SystemUserOverview } from '@shared/ipc/schemas/flow'
import type { TranslateRuntimeKey } from '../i18n/use-t'

/** The plain label of a task ("View performance"), falling back to Meta's name when unknown. */
export function taskLabel(tr: TranslateRuntimeKey, kind: AssignableKind, task: string): string {
  const info = taskInfo(kind, task)
  return info ? tr(info.labelKey) : task
}

/** Task labels joined for a sentence: "View performance, Create ads". */
export const taskLabels = (
  tr: TranslateRuntimeKey,
  kind: AssignableKind,
  tasks: readonly string[],
): string => tasks.map((task) => taskLabel(tr, kind, task)).join(', ')

/** The plural name of a kind ("Ad accounts"). */
export const kindName = (tr: TranslateRuntimeKey, kind: AssignableKind): string =>
  tr(kindNameKey(kind))

/**
 * The system users matching a search: by name, role or the name or id of an assigned asset.
 * Case-insensitive; an empty search matches everyone.
 */
export function filterSystemUsers(
  users: readonly SystemUserOverview[],
  query: string,
): SystemUserOverview[] {
  const wanted = query.trim().toLowerCase()
  if (!wanted) return [...users]
  return users.filter((user) => {
    const haystack = [
      user.name,
      user.role,
      ...user.assets.flatMap((group) => group.assets.flatMap((a) => [a.name ?? '', a.id])),
    ]
    return haystack.some((value) => value.toLowerCase().includes(wanted))
  })
}

/** A date the admin reads, in their locale ("12 Jan 2027"). */
export const readableDate = (iso: string): string =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
