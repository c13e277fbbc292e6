/** Bounds every IPC payload must respect before a schema even looks at it. */
export const IPC_LIMITS = {
  /** Longest string anywhere in a request (notes, search text). Tokens are shorter than this. */
  maxStringLength: 4096,
  /** Deepest nesting of objects/arrays in a request. */
  maxDepth: 8,
  /** Most keys or array items counted across the whole request. */
  maxNodes: 2000,
} as const

export const TEXT = { short: 200, url: 2048, search: 200, note: 2000 } as const
