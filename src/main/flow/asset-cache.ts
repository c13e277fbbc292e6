import type { AssignableKind } from '@shared/catalog'
import type { AssetItem, AssetsPageResponse } from '@shared/ipc/schemas/flow'
import { ok, type Result } from '@shared/result'
import type { AdminSession } from '../admin-session'
import { listAssets, type BusinessAsset } from '../graph/assets'

/**
 * The business's assets per kind, read once per session and kept in main's memory, so the
 * renderer pages and searches through thousands of Pages with one small IPC answer per screen
 * instead of holding (or re-reading) them all. Keyed by mode, business and kind: switching the
 * business or going from practice to real never shows the other one's assets.
 */
export interface AssetCache {
  all(
    session: AdminSession,
    kind: AssignableKind,
    refresh?: boolean,
  ): Promise<Result<BusinessAsset[]>>
  page(
    session: AdminSession,
    request: {
      kind: AssignableKind
      query?: string | undefined
      offset: number
      limit: number
      refresh?: boolean | undefined
    },
  ): Promise<Result<AssetsPageResponse>>
}

const keyOf = (session: AdminSession, kind: AssignableKind) =>
  `${session.mode}:${session.businessId}:${kind}`

const toItem = (asset: BusinessAsset): AssetItem => ({
  id: asset.id,
  name: asset.name.slice(0, 200),
  relation: asset.relation,
  details: Object.fromEntries(
    Object.entries(asset.details).map(([key, value]) => [
      key.slice(0, 64),
      typeof value === 'string' ? value.slice(0, 200) : value,
    ]),
  ),
})

/** Every word of the query appears in the name, the id or a detail (case-insensitive). */
export function matchesQuery(asset: BusinessAsset, query: string | undefined): boolean {
  const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const text = [asset.name, asset.id, ...Object.values(asset.details).map(String)]
    .join(' ')
    .toLowerCase()
  return words.every((word) => text.includes(word))
}

export function createAssetCache(): AssetCache {
  const cache = new Map<string, BusinessAsset[]>()
  const pending = new Map<string, Promise<Result<BusinessAsset[]>>>()

  const all: AssetCache['all'] = async (session, kind, refresh = false) => {
    const key = keyOf(session, kind)
    const cached = cache.get(key)
    if (cached && !refresh) return ok(cached)
    // Two screens asking at once share one read.
    const running = pending.get(key)
    if (running) return running
    const read = listAssets(session.client, session.credentials, {
      businessId: session.businessId,
      kind,
    })
      .then((result) => {
        if (result.ok) {
          cache.set(
            key,
            [...result.value].sort((a, b) => a.name.localeCompare(b.name)),
          )
          return ok(cache.get(key)!)
        }
        return result
      })
      .finally(() => pending.delete(key))
    pending.set(key, read)
    return read
  }

  return {
    all,
    async page(session, request) {
      const assets = await all(session, request.kind, request.refresh ?? false)
      if (!assets.ok) return assets
      const matched = assets.value.filter((asset) => matchesQuery(asset, request.query))
      return ok({
        kind: request.kind,
        total: assets.value.length,
        matched: matched.length,
        offset: request.offset,
        items: matched.slice(request.offset, request.offset + request.limit).map(toItem),
      })
    },
  }
}
