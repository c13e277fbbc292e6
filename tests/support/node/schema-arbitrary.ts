import fc from 'fast-check'
import type { z } from 'zod'

/**
 * Reads a zod 4 schema's definition and builds fast-check arbitraries from it: values the schema
 * accepts (so the fuzzer also sends well-formed requests, one field away from broken ones) and the
 * object fields a "wrong type" case can break. Test support for the IPC fuzz suite only.
 *
 * An unknown schema kind throws instead of being skipped: a new kind of request field must make
 * the suite fail loudly, not silently fuzz less of the contract.
 */

interface Check {
  readonly _zod: {
    readonly def: {
      readonly check: string
      readonly minimum?: number
      readonly maximum?: number
      readonly length?: number
    }
  }
}

/** The parts of a zod 4 definition this module reads (zod keeps them on `_zod.def`). */
interface Def {
  readonly type: string
  readonly checks?: readonly Check[]
  readonly format?: string
  readonly shape?: Readonly<Record<string, z.ZodType>>
  readonly innerType?: z.ZodType
  readonly element?: z.ZodType
  readonly options?: readonly z.ZodType[]
  readonly entries?: Readonly<Record<string, string | number>>
  readonly values?: readonly unknown[]
  readonly keyType?: z.ZodType
  readonly valueType?: z.ZodType
  readonly in?: z.ZodType
  readonly getter?: () => z.ZodType
}

/** The definition behind a schema. */
export const defOf = (schema: z.ZodType): Def =>
  (schema as unknown as { _zod: { def: Def } })._zod.def

/** True when an object field may be left out. */
export const isOptionalField = (schema: z.ZodType): boolean =>
  (schema as unknown as { _zod: { optin?: string } })._zod.optin === 'optional'

/** Length bounds from `min_length` / `max_length` / `length_equals` checks, capped for speed. */
function lengthBounds(def: Def, cap: number): { minLength: number; maxLength: number } {
  let minLength = 0
  let maxLength = Number.POSITIVE_INFINITY
  for (const check of def.checks ?? []) {
    const { check: kind, minimum, maximum, length } = check._zod.def
    if (kind === 'min_length' && minimum !== undefined) minLength = Math.max(minLength, minimum)
    if (kind === 'max_length' && maximum !== undefined) maxLength = Math.min(maxLength, maximum)
    if (kind === 'length_equals' && length !== undefined) minLength = maxLength = length
  }
  return { minLength, maxLength: Math.min(maxLength, minLength + cap) }
}

/** Number bounds (zod keeps them on the schema as minValue / maxValue / isInt). */
function numberArbitrary(schema: z.ZodType): fc.Arbitrary<number> {
  const bounds = schema as unknown as {
    minValue: number | null
    maxValue: number | null
    isInt: boolean
  }
  const min = Math.max(bounds.minValue ?? -1e9, -1e9)
  const max = Math.min(bounds.maxValue ?? 1e9, 1e9)
  return bounds.isInt
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
}

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  if (def.format === 'datetime') {
    return fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString())
  }
  if (def.format !== undefined && def.format !== null) {
    throw new Error(`schema-arbitrary: no generator for string format "${def.format}"`)
  }
  const bounds = lengthBounds(def, 24)
  // Graphemes can take several UTF-16 units, which is what zod's length checks count.
  return fc
    .oneof(fc.string(bounds), fc.string({ ...bounds, unit: 'grapheme' }))
    .filter((text) => text.length >= bounds.minLength && text.length <= bounds.maxLength)
}

/**
 * An arbitrary of values `schema` accepts. Refinements the definition cannot express are met by
 * filtering on the schema itself, so every value produced parses.
 */
export function validArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const built = build(schema)
  const refined = (defOf(schema).checks ?? []).some((check) => check._zod.def.check === 'custom')
  return refined ? built.filter((value) => schema.safeParse(value).success) : built
}

function build(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
      return stringArbitrary(def)
    case 'number':
      return numberArbitrary(schema)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'literal':
      return fc.constantFrom(...(def.values ?? []))
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}))
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return nullableOr(def, validArbitrary(def.innerType!))
    case 'pipe':
      return validArbitrary(def.in!)
    case 'lazy':
      return validArbitrary(def.getter!())
    case 'array':
      return fc.array(validArbitrary(def.element!), lengthBounds(def, 3))
    case 'record':
      return fc.dictionary(
        validArbitrary(def.keyType!) as fc.Arbitrary<string>,
        validArbitrary(def.valueType!),
        { maxKeys: 3 },
      )
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => validArbitrary(option)))
    case 'object': {
      const shape = def.shape ?? {}
      const model = Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [key, validArbitrary(field)]),
      )
      const requiredKeys = Object.keys(shape).filter((key) => !isOptionalField(shape[key]!))
      return fc.record(model, { requiredKeys })
    }
    default:
      throw new Error(`schema-arbitrary: no generator for zod type "${def.type}"`)
  }
}

function nullableOr(def: Def, inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return def.type === 'nullable' ? fc.option(inner, { nil: null }) : inner
}

/** One object field somewhere in a request: where it is and what it must be. */
export interface FieldSite {
  readonly path: readonly string[]
  readonly schema: z.ZodType
}

/** Unwraps wrappers that do not change which object fields exist. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (;;) {
    const def = defOf(current)
    if (['optional', 'nullable', 'default', 'readonly', 'nonoptional', 'catch'].includes(def.type))
      current = def.innerType!
    else if (def.type === 'pipe') current = def.in!
    else if (def.type === 'lazy') current = def.getter!()
    else return current
  }
}

/**
 * Every object field reachable from `schema` through objects and unions (not through arrays or
 * records), to `maxDepth` levels: the places a "wrong type for this field" case puts its value.
 */
export function fieldSites(schema: z.ZodType, maxDepth = 3, prefix: string[] = []): FieldSite[] {
  if (prefix.length >= maxDepth) return []
  const def = defOf(unwrap(schema))
  if (def.type === 'union')
    return (def.options ?? []).flatMap((option) => fieldSites(option, maxDepth, prefix))
  if (def.type !== 'object') return []
  return Object.entries(def.shape ?? {}).flatMap(([key, field]) => {
    const path = [...prefix, key]
    return [{ path, schema: field }, ...fieldSites(field, maxDepth, path)]
  })
}

/** One representative per JSON kind; a kind the field rejects is a "wrong type" for it. */
const KINDS: ReadonlyArray<{ sample: unknown; arbitrary: fc.Arbitrary<unknown> }> = [
  { sample: 'text', arbitrary: fc.string({ maxLength: 40 }) },
  { sample: 7, arbitrary: fc.integer() },
  { sample: 0.5, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { sample: -1, arbitrary: fc.integer({ min: -1e9, max: -1 }) },
  { sample: true, arbitrary: fc.boolean() },
  { sample: null, arbitrary: fc.constant(null) },
  { sample: [], arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) },
  {
    sample: {},
    arbitrary: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  },
]

/**
 * Values of a kind `field` does not accept (a number for a string, an object for an enum, …),
 * or null when it accepts every kind.
 */
export function wrongTypeArbitrary(field: z.ZodType): fc.Arbitrary<unknown> | null {
  const wrong = KINDS.filter((kind) => !field.safeParse(kind.sample).success)
  if (wrong.length === 0) return null
  return fc
    .oneof(...wrong.map((kind) => kind.arbitrary))
    .filter((value) => !field.safeParse(value).success)
}
