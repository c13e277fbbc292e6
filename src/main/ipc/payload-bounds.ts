import { IPC_LIMITS } from '@shared/ipc/limits'

/** Keys that could poison prototypes if a careless merge ever copied the payload. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export type BoundsProblem =
  'too-deep' | 'too-large' | 'string-too-long' | 'forbidden-key' | 'not-plain-data'

/**
 * Walks a payload once, iteratively (no recursion, so 1,000-deep input cannot blow the stack),
 * before zod sees it. Zod would reject most of this too, but only after walking all of it.
 */
export function checkPayloadBounds(payload: unknown, limits = IPC_LIMITS): BoundsProblem | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: payload, depth: 0 }]
  let nodes = 0
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) return 'string-too-long'
      continue
    }
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
        return 'not-plain-data'
      }
      continue
    }
    if (depth >= limits.maxDepth) return 'too-deep'
    const proto: unknown = Object.getPrototypeOf(value)
    const isArray = Array.isArray(value)
    if (!isArray && proto !== Object.prototype && proto !== null) return 'not-plain-data'
    const keys = Object.keys(value)
    nodes += keys.length
    if (nodes > limits.maxNodes) return 'too-large'
    for (const key of keys) {
      if (!isArray && FORBIDDEN_KEYS.has(key)) return 'forbidden-key'
      if (key.length > limits.maxStringLength) return 'string-too-long'
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 })
    }
  }
  return null
}
