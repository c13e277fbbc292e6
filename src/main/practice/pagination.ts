import type { RouteContext } from './context'
import { graphErrors } from './errors'
import { param } from './params'

const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url')
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8')

/**
 * Parameters that never go into a `paging` link: secrets (docs/graph-api.md §1, SEC-14) and the old
 * cursors.
 */
const NOT_IN_LINKS = new Set([
  'access_token',
  'appsecret_proof',
  'appsecret_time',
  'after',
  'before',
])

function pageSize(ctx: RouteContext): number {
  const raw = param(ctx.params, 'limit')
  const asked = raw === undefined ? NaN : Number(raw)
  if (!Number.isInteger(asked) || asked <= 0) return ctx.sim.pageSize.default
  return Math.min(asked, ctx.sim.pageSize.max)
}

function link(
  ctx: RouteContext,
  limit: number,
  cursor: { after?: string; before?: string },
): string {
  const query = new URLSearchParams()
  for (const [key, value] of ctx.params) if (!NOT_IN_LINKS.has(key)) query.set(key, value)
  query.set('limit', String(limit))
  if (cursor.after) query.set('after', cursor.after)
  if (cursor.before) query.set('before', cursor.before)
  const path = ctx.path.map(encodeURIComponent).join('/')
  return `${ctx.sim.baseUrl}/${ctx.sim.version}/${path}?${query.toString()}`
}

function cursorIndex(ids: readonly string[], cursor: string): number {
  const index = ids.indexOf(decodeCursor(cursor))
  // Cursors die with the item they point at (docs/graph-api.md §8.3).
  if (index < 0) throw graphErrors.invalidParam('Invalid cursor')
  return index
}

/**
 * Cursor pagination as Graph does it (docs/graph-api.md §8.3): `limit` (capped), `after`/`before`
 * cursors, and `paging.next` — an absolute URL without the token — only while more items follow.
 * Items are rendered only for the returned page, so a 5,000-item edge costs a page's work per call.
 */
export function listBody<T>(
  ctx: RouteContext,
  items: readonly T[],
  idOf: (item: T) => string,
  render: (item: T) => Record<string, unknown>,
): Record<string, unknown> {
  const limit = pageSize(ctx)
  const ids = items.map(idOf)
  const after = param(ctx.params, 'after')
  const before = param(ctx.params, 'before')
  let start = 0
  let end = Math.min(items.length, limit)
  if (after !== undefined) {
    start = cursorIndex(ids, after) + 1
    end = Math.min(items.length, start + limit)
  } else if (before !== undefined) {
    end = cursorIndex(ids, before)
    start = Math.max(0, end - limit)
  }
  const page = items.slice(start, end)
  const body: Record<string, unknown> = { data: page.map(render) }
  const first = ids[start]
  const last = ids[end - 1]
  if (page.length > 0 && first !== undefined && last !== undefined) {
    const cursors = { before: encodeCursor(first), after: encodeCursor(last) }
    body.paging = {
      cursors,
      ...(start > 0 ? { previous: link(ctx, limit, { before: cursors.before }) } : {}),
      ...(end < items.length ? { next: link(ctx, limit, { after: cursors.after }) } : {}),
    }
  }
  const summary = param(ctx.params, 'summary')
  if (summary !== undefined && /total_count|true/.test(summary)) {
    body.summary = { total_count: items.length }
  }
  return body
}
