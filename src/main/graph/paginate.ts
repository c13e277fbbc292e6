import { z } from 'zod'
import { err, ok, type Result } from '@shared/result'
import type { GraphClient, GraphCredentials } from './client'
import { linkRefused, malformedResponse } from './errors'
import { parseNextUrl, type GraphParams } from './request-encoding'

/**
 * Reads a whole Graph list (docs/graph-api.md §8.3): follows `paging.next` until Meta stops sending
 * one. "Fewer items than `limit`" does not mean the end (an empty page may still have `next`), so
 * it is never used as a stop signal. The first page asks for the largest page size, which keeps the
 * number of requests near `ceil(total / pageSize)`.
 *
 * A `next` link is followed only when it points at the base URL's origin and path: the client
 * re-sends auth in the Authorization header, and a link elsewhere would carry the token there.
 * Tokens Meta embeds in real `next` links are dropped (parseNextUrl), and the proof is made anew.
 */
export const MAX_PAGE_SIZE = 100

export interface ListRequest {
  readonly path: string
  readonly params?: GraphParams
  readonly credentials: GraphCredentials
  readonly pageSize?: number
  /** Ask Meta for `summary=total_count` (system users, assigned users). */
  readonly withTotalCount?: boolean
  readonly signal?: AbortSignal
  readonly usageKeys?: readonly string[]
  /** A guard against a server that never stops sending `next`. */
  readonly maxPages?: number
}

export interface ListResult<T> {
  readonly items: readonly T[]
  /** Meta's `summary.total_count`, when asked for and given. */
  readonly totalCount?: number
  readonly pages: number
}

const Page = z.object({
  data: z.array(z.unknown()),
  paging: z
    .object({
      next: z.string().optional(),
      cursors: z.object({ after: z.string().optional() }).loose().optional(),
    })
    .loose()
    .optional(),
  summary: z.object({ total_count: z.number().int().nonnegative().optional() }).loose().optional(),
})

/** Every item of a list edge, each parsed with `item`; a malformed page fails the whole read. */
export async function listAll<T>(
  client: GraphClient,
  request: ListRequest,
  item: z.ZodType<T>,
): Promise<Result<ListResult<T>>> {
  const maxPages = request.maxPages ?? 10_000
  const items: T[] = []
  let totalCount: number | undefined
  let path = request.path
  let params: GraphParams = {
    ...request.params,
    limit: request.pageSize ?? MAX_PAGE_SIZE,
    ...(request.withTotalCount ? { summary: 'total_count' } : {}),
  }
  const seenCursors = new Set<string>()
  for (let pages = 1; pages <= maxPages; pages++) {
    const answer = await client.call({
      method: 'GET',
      path,
      params,
      credentials: request.credentials,
      kind: 'read',
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.usageKeys ? { usageKeys: request.usageKeys } : {}),
    })
    if (!answer.ok) return answer
    const page = Page.safeParse(answer.value)
    if (!page.success) return { ok: false, error: malformedResponse() }
    for (const raw of page.data.data) {
      const parsed = item.safeParse(raw)
      if (!parsed.success) return { ok: false, error: malformedResponse() }
      items.push(parsed.data)
    }
    totalCount ??= page.data.summary?.total_count
    const next = page.data.paging?.next
    if (!next) return ok({ items, pages, ...(totalCount !== undefined ? { totalCount } : {}) })
    const followed = parseNextUrl(next, `${client.baseUrl}/`)
    if (!followed) return { ok: false, error: linkRefused() }
    // A cursor seen before means the server is going round in circles.
    const cursor = followed.params.after ?? next
    if (seenCursors.has(cursor)) return { ok: false, error: malformedResponse() }
    seenCursors.add(cursor)
    path = followed.path
    params = followed.params
  }
  return err('graph-error', 'graph.malformedResponse', { hintKey: 'graph.hint.tryAgain' })
}
