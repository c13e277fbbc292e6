import fc from 'fast-check'
import type { z } from 'zod'
import { defOf, fieldSites, validArbitrary, wrongTypeArbitrary } from './schema-arbitrary'

/**
 * What the IPC fuzz suite sends on each channel (docs/security-requirements.md SEC-09): arbitrary
 * JSON, structured-clone values, prototype-poisoning keys, wrong types per field, unknown keys,
 * and well-formed requests; plus a fixed handful of 1 MB and 1,000-deep payloads. Test support
 * only.
 */

export const CASE_KINDS = [
  'json',
  'structured-clone',
  'pollution',
  'wrong-type',
  'unknown-key',
  'valid',
] as const
export type CaseKind = (typeof CASE_KINDS)[number]

export interface FuzzCase {
  readonly kind: CaseKind
  readonly payload: unknown
}

/** Keys that would poison a prototype if a careless merge copied them. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** Values those keys carry: each would set `polluted` on every object if merged naively. */
const HOSTILE_VALUES = [
  '{"polluted":"yes"}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"toString":"polluted","polluted":1}',
  '"polluted"',
  'null',
] as const

const MARKER = '\u0000fuzz-marker\u0000'
const MARKER_JSON = `${JSON.stringify(MARKER)}:0`

/** The plain objects inside a value (itself included), where a key can be added. */
function objectsIn(
  value: unknown,
  found: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
  if (value === null || typeof value !== 'object') return found
  if (!Array.isArray(value)) found.push(value as Record<string, unknown>)
  for (const child of Object.values(value)) objectsIn(child, found)
  return found
}

/**
 * `base` with `"key": <json>` added to one of its objects (the `pick`-th). Built as JSON text and
 * read with JSON.parse, so `__proto__` becomes a real own key, as it would arriving over IPC,
 * rather than a prototype assignment.
 */
export function withOwnKey(base: unknown, pick: number, key: string, json: string): unknown {
  const copy: unknown = structuredClone(base)
  const targets = objectsIn(copy)
  const entry = `${JSON.stringify(key)}:${json}`
  if (targets.length === 0) return JSON.parse(`{${entry}}`)
  targets[pick % targets.length]![MARKER] = 0
  return JSON.parse(JSON.stringify(copy).replace(MARKER_JSON, () => entry))
}

/** Well-formed requests, with ASCII and full-Unicode strings alike. */
const valid = (schema: z.ZodType): fc.Arbitrary<unknown> => validArbitrary(schema)

function pollution(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc
    .record({
      base: fc.oneof(valid(schema), fc.constant({})),
      pick: fc.nat(),
      key: fc.constantFrom(...HOSTILE_KEYS),
      json: fc.oneof(
        fc.constantFrom(...HOSTILE_VALUES),
        fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value) ?? 'null'),
      ),
    })
    .map(({ base, pick, key, json }) => withOwnKey(base, pick, key, json))
}

/** Top-level keys the request schema (any of its object variants) names. */
function namedKeys(schema: z.ZodType): Set<string> {
  return new Set(
    fieldSites(schema)
      .map((site) => site.path.join('.'))
      .filter((path) => !path.includes('.')),
  )
}

function unknownKey(schema: z.ZodType): fc.Arbitrary<unknown> {
  const known = namedKeys(schema)
  return fc
    .record({
      base: valid(schema),
      pick: fc.nat(),
      key: fc.oneof(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.constantFrom('zz', 'token', 'id'),
      ),
      json: fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value) ?? 'null'),
    })
    .filter(({ key }) => !known.has(key) && !(HOSTILE_KEYS as readonly string[]).includes(key))
    .map(({ base, pick, key, json }) => withOwnKey(base, pick, key, json))
}

/** Sets `value` at `path` in a copy of `base`, creating objects on the way when needed. */
function setAt(base: unknown, path: readonly string[], value: unknown): unknown {
  const root: Record<string, unknown> =
    base !== null && typeof base === 'object' && !Array.isArray(base)
      ? structuredClone(base as Record<string, unknown>)
      : {}
  let node = root
  for (const key of path.slice(0, -1)) {
    const next = node[key]
    node[key] = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {}
    node = node[key] as Record<string, unknown>
  }
  node[path[path.length - 1]!] = value
  return root
}

/** One arbitrary per field: a well-formed request with that field given a type it refuses. */
function wrongType(schema: z.ZodType): fc.Arbitrary<unknown> | null {
  const perField = fieldSites(schema).flatMap((site) => {
    const wrong = wrongTypeArbitrary(site.schema)
    return wrong
      ? [fc.tuple(valid(schema), wrong).map(([base, value]) => setAt(base, site.path, value))]
      : []
  })
  return perField.length > 0 ? fc.oneof(...perField) : null
}

const structuredCloneValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
})

/**
 * The mixed, labelled stream of generated payloads for one channel's request schema. Every kind
 * appears for every channel; a schema with no fields gets no wrong-type cases (it has no field to
 * break) and relies on the other kinds.
 */
export function fuzzCases(schema: z.ZodType): fc.Arbitrary<FuzzCase> {
  const label =
    (kind: CaseKind) =>
    (payload: unknown): FuzzCase => ({ kind, payload })
  const wrong = wrongType(schema)
  const kinds: fc.WeightedArbitrary<FuzzCase>[] = [
    { weight: 3, arbitrary: fc.jsonValue().map(label('json')) },
    { weight: 2, arbitrary: structuredCloneValue.map(label('structured-clone')) },
    { weight: 3, arbitrary: pollution(schema).map(label('pollution')) },
    { weight: 2, arbitrary: unknownKey(schema).map(label('unknown-key')) },
    { weight: 2, arbitrary: valid(schema).map(label('valid')) },
  ]
  if (wrong) kinds.push({ weight: 3, arbitrary: wrong.map(label('wrong-type')) })
  return fc.oneof(...kinds)
}

const MEGABYTE = 1024 * 1024

/** `levels`-deep nesting, built in a loop (the payload itself must not need recursion to make). */
export function deepNesting(levels: number, shape: 'object' | 'array'): unknown {
  let value: unknown = 'bottom'
  for (let level = 0; level < levels; level += 1)
    value = shape === 'object' ? { a: value } : [value]
  return value
}

/**
 * The fixed heavy cases for one channel: 1 MB strings (alone, in a field, as a key), 1,000-deep
 * nesting (objects, arrays, inside a field), and a 100,000-item array. Each must be refused.
 */
export function heavyCases(schema: z.ZodType, sample: unknown): Array<[string, unknown]> {
  const big = 'x'.repeat(MEGABYTE)
  const fields = Object.keys(defOf(schema).shape ?? {})
  const field = fields[0] ?? 'query'
  const base = sample !== null && typeof sample === 'object' ? sample : {}
  return [
    ['a 1 MB string as the payload', big],
    [`a 1 MB string in "${field}"`, { ...base, [field]: big }],
    ['a 1 MB key', { ...base, [big]: 1 }],
    ['1,000-deep objects', deepNesting(1000, 'object')],
    ['1,000-deep arrays', deepNesting(1000, 'array')],
    [`1,000-deep nesting in "${field}"`, { ...base, [field]: deepNesting(1000, 'object') }],
    ['a 100,000-item array', { ...base, [field]: Array.from({ length: 100_000 }, () => 0) }],
  ]
}
