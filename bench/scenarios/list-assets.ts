import { ASSIGNABLE_KINDS } from '@shared/catalog/asset-kinds'
import { listAssets, MAX_PAGE_SIZE } from '../../src/main/graph'
import { atMost, check, figure, type Figure, type ScenarioResult } from '../support/figures'
import { measureCalls, startGraphRig } from '../support/graph-rig'

/**
 * Scenario: list every asset of the large seed (8,650 assets over the six assignable kinds)
 * with the real client's `listAssets` (owned edge, then client edge, every page, per kind).
 *
 * The client has no "all kinds" call: whoever lists calls `listAssets` per kind. So both ways a
 * caller can do it are measured — kinds one after the other, and kinds in parallel — and each is
 * compared with its own physical limit. Within one edge pages are sequential (each `next` cursor
 * comes from the page before), so an edge of n assets costs ceil(n / page size) round trips.
 */
const RUNS = 5

/** Round trips an edge needs: an empty edge still takes one request to learn that it is empty. */
const pagesOf = (count: number): number => Math.max(1, Math.ceil(count / MAX_PAGE_SIZE))

export async function benchListAssets(latencyMs: number): Promise<ScenarioResult> {
  const rig = await startGraphRig('large', latencyMs)
  try {
    const { businessId } = rig.sim.fixtures
    const edges = ASSIGNABLE_KINDS.map((kind) => {
      const all = rig.sim.model.assets(businessId, kind)
      const owned = all.filter((asset) => asset.relation === 'owned').length
      const client = all.filter((asset) => asset.relation === 'client').length
      return { kind, owned, client, total: all.length }
    })
    const totalAssets = edges.reduce((sum, edge) => sum + edge.total, 0)
    // The issue's formula, Σ ceil(n_kind / max page size), counts the pages holding assets...
    const issueLimit = edges.reduce((sum, edge) => sum + Math.ceil(edge.total / MAX_PAGE_SIZE), 0)
    // ...and `listAssets` also asks each kind's (here empty) client edge once: the real floor.
    const requestLimit = edges.reduce(
      (sum, edge) => sum + pagesOf(edge.owned) + pagesOf(edge.client),
      0,
    )
    const sequentialFloorMs = requestLimit * latencyMs
    // In parallel the longest chain of dependent pages sets the floor: owned then client per kind.
    const longestChain = Math.max(...edges.map((e) => pagesOf(e.owned) + pagesOf(e.client)))
    const parallelFloorMs = longestChain * latencyMs

    const variants = {
      sequential: async () => {
        const client = rig.newClient()
        let items = 0
        for (const kind of ASSIGNABLE_KINDS) {
          const listed = await listAssets(client, rig.admin, { businessId, kind })
          check(listed.ok, `listing ${kind} failed`)
          items += listed.value.length
        }
        return items
      },
      parallel: async () => {
        const client = rig.newClient()
        const lists = await Promise.all(
          ASSIGNABLE_KINDS.map((kind) => listAssets(client, rig.admin, { businessId, kind })),
        )
        return lists.reduce((sum, listed) => {
          check(listed.ok, 'a listing failed')
          return sum + listed.value.length
        }, 0)
      },
    }

    const figures: Figure[] = []
    for (const [name, run] of Object.entries(variants)) {
      const times: number[] = []
      const requests: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const measured = await measureCalls(rig, run)
        check(measured.value === totalAssets, `${name} listed ${measured.value} of ${totalAssets}`)
        times.push(measured.ms)
        requests.push(measured.requests)
      }
      const floorMs = name === 'sequential' ? sequentialFloorMs : parallelFloorMs
      const floorText =
        name === 'sequential'
          ? `${requestLimit} round trips × ${latencyMs} ms`
          : `longest chain ${longestChain} pages × ${latencyMs} ms`
      figures.push(
        figure({
          id: `list-${name}-requests`,
          label: `Kinds ${name === 'sequential' ? 'one after the other' : 'in parallel'}: requests`,
          unit: 'requests',
          runs: requests,
          target: atMost(requestLimit, 'requests'),
          reference: `issue formula Σ ceil(n/${MAX_PAGE_SIZE}) = ${issueLimit}; +${requestLimit - issueLimit} empty client edges`,
          missNote:
            'More requests than pages means a page was fetched twice or with a smaller `limit` ' +
            'than the maximum; check listAll in src/main/graph/paginate.ts.',
        }),
        figure({
          id: `list-${name}-wall`,
          label: `Kinds ${name === 'sequential' ? 'one after the other' : 'in parallel'}: wall time`,
          unit: 'ms',
          runs: times,
          reference: `physical minimum ${floorMs} ms (${floorText})`,
        }),
        figure({
          id: `list-${name}-vs-floor`,
          label: `Kinds ${name === 'sequential' ? 'one after the other' : 'in parallel'}: wall time ÷ physical minimum`,
          unit: '×',
          runs: times.map((ms) => ms / floorMs),
          reference: `${floorMs} ms`,
        }),
      )
    }
    return {
      id: 'list-assets',
      short: 'List every asset',
      title: `List every asset (${totalAssets.toLocaleString('en')} assets, ${edges.length} kinds)`,
      method: [
        `Large seed: ${edges.map((e) => `${e.kind} ${e.total}`).join(', ')}; page size ${MAX_PAGE_SIZE} (the simulator's cap, as Meta's).`,
        '`listAssets` per kind (owned edge, then client edge, every page) with a fresh client per run; ' +
          `${RUNS} runs per way. The client does not parallelise on its own: the caller chooses.`,
        'Request limit: one request per page of assets plus one per empty client edge. ' +
          'Physical minimum: round trips that must wait for each other × latency.',
      ],
      figures,
    }
  } finally {
    await rig.close()
  }
}
