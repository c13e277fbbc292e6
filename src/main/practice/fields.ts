import { graphErrors } from './errors'

/** A node as Graph exposes it: its type name, lazily computed fields and its default field set. */
export interface NodeView {
  readonly type: string
  readonly fields: Readonly<Record<string, () => unknown>>
  readonly defaults: readonly string[]
}

/**
 * Field names of a `fields=` value. Nested selections (`business{id,name}`) and modifiers
 * (`assigned_pages.limit(5)`) are accepted and reduced to the top-level name.
 */
export function parseFields(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  const names: string[] = []
  let depth = 0
  let current = ''
  for (const char of raw) {
    if (char === '{' || char === '(') depth += 1
    if (char === '}' || char === ')') depth -= 1
    if (char === ',' && depth === 0) {
      names.push(current)
      current = ''
    } else {
      current += char
    }
  }
  names.push(current)
  return names.map((n) => /^\s*([A-Za-z0-9_]+)/.exec(n)?.[1] ?? n.trim()).filter(Boolean)
}

/**
 * Renders the requested fields (or the defaults, plus `extraDefaults`). An unknown field is the
 * error Graph gives; fields without a value are left out, as Graph omits them.
 */
export function project(
  view: NodeView,
  requested: readonly string[] | undefined,
  extraDefaults: readonly string[] = [],
): Record<string, unknown> {
  const names = requested ?? [...view.defaults, ...extraDefaults]
  const out: Record<string, unknown> = {}
  for (const name of names) {
    const get = Object.hasOwn(view.fields, name) ? view.fields[name] : undefined
    if (!get) throw graphErrors.nonexistingField(name, view.type)
    const value = get()
    if (value !== undefined) out[name] = value
  }
  // Graph always answers with the id, even when not asked for it.
  if (!('id' in out) && view.fields.id) out.id = view.fields.id()
  return out
}

/** Graph's datetime format: `2021-03-14T09:30:00+0000`. */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000')
}
