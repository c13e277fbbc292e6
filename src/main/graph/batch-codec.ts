import { z } from 'zod'
import type { TransportResponse } from './transport'
import { encodeParams, type GraphParams } from './request-encoding'
import type { CallKind } from './retry'

/**
 * The Batch API's wire format (docs/graph-api.md §8.4): a `batch` form field holding a JSON array
 * of `{method, relative_url, body}`; the answer is an array in request order of `{code, headers,
 * body: "<JSON string>"}`, or `null` for an operation Meta did not finish.
 */
export interface BatchOperation {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** Graph path without the version, e.g. `act_1/assigned_users`. */
  readonly path: string
  readonly params?: GraphParams
  /** Defaults: GET → read, DELETE → idempotent-write, POST → create (the safe assumption). */
  readonly kind?: CallKind
}

/** The default kind of a method when the caller does not say. */
export const defaultKind = (method: BatchOperation['method']): CallKind =>
  method === 'GET' ? 'read' : method === 'DELETE' ? 'idempotent-write' : 'create'

/** One operation as the `batch` field's array element. */
export function encodeOperation(operation: BatchOperation): Record<string, string> {
  const encoded = encodeParams(operation.params ?? {})
  if (operation.method === 'POST') {
    return { method: 'POST', relative_url: operation.path, ...(encoded ? { body: encoded } : {}) }
  }
  return {
    method: operation.method,
    relative_url: encoded ? `${operation.path}?${encoded}` : operation.path,
  }
}

const OperationAnswer = z.object({
  code: z.number().int(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  body: z.string().optional(),
})

const BatchAnswer = z.array(z.union([OperationAnswer, z.null()]))

/**
 * Each operation's answer as if it had been its own HTTP response (lower-case headers), `null`
 * where Meta left it unfinished; undefined when the body is not a batch answer at all.
 */
export function decodeBatchAnswer(body: unknown): (TransportResponse | null)[] | undefined {
  const parsed = BatchAnswer.safeParse(body)
  if (!parsed.success) return undefined
  return parsed.data.map((answer) => {
    if (answer === null) return null
    const headers: Record<string, string> = {}
    for (const header of answer.headers ?? []) headers[header.name.toLowerCase()] = header.value
    return { status: answer.code, headers, body: answer.body ?? '' }
  })
}

/** Parses a response body as JSON; undefined when it is not JSON. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
