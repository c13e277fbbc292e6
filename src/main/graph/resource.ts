import { z } from 'zod'
import type { Result } from '@shared/result'
import type { GraphCall, GraphClient } from './client'
import { malformedResponse } from './errors'

/**
 * One call whose answer is parsed with `schema`. Meta's answers are data from outside: a shape we
 * did not expect becomes a clear `graph-error` ("Meta sent an answer the app did not understand"),
 * never a crash or a half-read object.
 */
export async function callParsed<T>(
  client: GraphClient,
  call: GraphCall,
  schema: z.ZodType<T>,
): Promise<Result<T>> {
  const answer = await client.call(call)
  if (!answer.ok) return answer
  const parsed = schema.safeParse(answer.value)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: malformedResponse() }
}

/** Maps a successful value, passing errors through. */
export const mapResult = <T, U>(result: Result<T>, map: (value: T) => U): Result<U> =>
  result.ok ? { ok: true, value: map(result.value) } : result

/** Optional call settings every resource function accepts. */
export interface CallOptions {
  readonly signal?: AbortSignal
  readonly budgetMs?: number
}

/** Spreads the defined options into a GraphCall. */
export const withOptions = (options: CallOptions | undefined) => ({
  ...(options?.signal ? { signal: options.signal } : {}),
  ...(options?.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
})

/**
 * `{"success": true}` — Meta's answer to most edge writes (docs/graph-api.md §1); oauth/revoke
 * sends "true".
 */
export const Success = z.object({ success: z.union([z.literal(true), z.literal('true')]) })
