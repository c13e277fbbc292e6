import type { AssignableKind } from '@shared/catalog/asset-kinds'
import {
  assignAsset,
  assignMany,
  type Assignment,
  type GraphClient,
  listAssignedAssets,
} from '../../src/main/graph'
import { atLeast, atMost, check, figure, median, type ScenarioResult } from '../support/figures'
import { measureCalls, startGraphRig, type GraphRig } from '../support/graph-rig'

/**
 * Scenario: give 200 assets (100 Pages, 100 ad accounts, ANALYZE on each) to a fresh system
 * user and read back what Meta granted, two ways in the same process against the same simulator:
 * - batched: `assignMany` (Batch API, 50 operations per request) — what the app does;
 * - naive: one `assignAsset` request per assignment, one after the other.
 * Both read back the same way (`listAssignedAssets` per kind, every page), so the difference is
 * the batching alone. Every run checks that all 200 grants came back with their tasks.
 */
const BATCHED_RUNS = 5
/** A naive run takes 200 × latency; three runs keep the whole bench under three minutes. */
const NAIVE_RUNS = 3
const PER_KIND = 100
const KINDS = ['page', 'ad-account'] as const satisfies readonly AssignableKind[]

function plan(rig: GraphRig, userId: string): Assignment[] {
  const { businessId, pageIds, adAccountIds } = rig.sim.fixtures
  const of = (ids: readonly string[]) =>
    ids.slice(0, PER_KIND).map((assetId) => ({ assetId, userId, businessId, tasks: ['ANALYZE'] }))
  return [...of(pageIds), ...of(adAccountIds)]
}

/** Set-up outside the measurement: a new system user straight in the simulator's model. */
function newSystemUser(rig: GraphRig, name: string): string {
  return rig.sim.model.addSystemUser({
    businessId: rig.sim.fixtures.businessId,
    name,
    role: 'EMPLOYEE',
  }).id
}

async function readBack(client: GraphClient, rig: GraphRig, userId: string): Promise<number> {
  const lists = await Promise.all(
    KINDS.map((kind) =>
      listAssignedAssets(client, rig.admin, {
        systemUserId: userId,
        kind,
        businessId: rig.sim.fixtures.businessId,
      }),
    ),
  )
  let granted = 0
  for (const listed of lists) {
    check(listed.ok, 'reading the grants back failed')
    granted += listed.value.filter((asset) => asset.tasks.includes('ANALYZE')).length
  }
  return granted
}

const ways = {
  batched: async (client: GraphClient, rig: GraphRig, assignments: readonly Assignment[]) => {
    const results = await assignMany(client, rig.admin, assignments)
    check(
      results.every((result) => result.ok),
      'a batched assignment failed',
    )
  },
  naive: async (client: GraphClient, rig: GraphRig, assignments: readonly Assignment[]) => {
    for (const assignment of assignments) {
      const result = await assignAsset(client, rig.admin, assignment)
      check(result.ok, 'a single assignment failed')
    }
  },
}

export async function benchAssignAssets(latencyMs: number): Promise<ScenarioResult> {
  const rig = await startGraphRig('large', latencyMs)
  try {
    const measured: Record<keyof typeof ways, { ms: number[]; requests: number[] }> = {
      batched: { ms: [], requests: [] },
      naive: { ms: [], requests: [] },
    }
    const runs = { batched: BATCHED_RUNS, naive: NAIVE_RUNS }
    for (const way of ['batched', 'naive'] as const) {
      for (let i = 0; i < runs[way]; i++) {
        const userId = newSystemUser(rig, `Bench ${way} ${i + 1}`)
        const assignments = plan(rig, userId)
        const client = rig.newClient()
        const run = await measureCalls(rig, async () => {
          await ways[way](client, rig, assignments)
          return readBack(client, rig, userId)
        })
        check(run.value === assignments.length, `${way}: ${run.value} of 200 grants read back`)
        measured[way].ms.push(run.ms)
        measured[way].requests.push(run.requests)
      }
    }
    const naiveMedian = median(measured.naive.ms)
    return {
      id: 'assign-assets',
      short: 'Assign 200 assets',
      title: 'Assign 200 assets to a system user and read them back',
      method: [
        `${PER_KIND} Pages + ${PER_KIND} ad accounts, task ANALYZE, a new system user per run (large seed).`,
        `Batched: \`assignMany\` (Batch API, 50 operations per request), ${BATCHED_RUNS} runs. ` +
          `Naive: one \`assignAsset\` request per assignment, in sequence, ${NAIVE_RUNS} runs. ` +
          'Both then read back with `listAssignedAssets` per kind (in parallel, every page).',
        'Speed-up: the naive median divided by each batched run.',
      ],
      figures: [
        figure({
          id: 'assign-batched-requests',
          label: 'Batched: requests',
          unit: 'requests',
          runs: measured.batched.requests,
          target: atMost(10, 'requests'),
          reference: '4 batches of 50 + 2 read-back pages',
          missNote:
            'Each batch holds at most 50 operations (Meta’s limit), so 200 assignments need 4 ' +
            'requests; more means operations were retried or the read-back paged more.',
        }),
        figure({
          id: 'assign-batched-wall',
          label: 'Batched: wall time',
          unit: 'ms',
          runs: measured.batched.ms,
          reference: `physical minimum ${5 * latencyMs} ms (4 batches in sequence + 1 parallel read-back round, × ${latencyMs} ms)`,
        }),
        figure({
          id: 'assign-naive-requests',
          label: 'Naive: requests',
          unit: 'requests',
          runs: measured.naive.requests,
          reference: '200 writes + 2 read-back pages',
        }),
        figure({
          id: 'assign-naive-wall',
          label: 'Naive: wall time',
          unit: 'ms',
          runs: measured.naive.ms,
        }),
        figure({
          id: 'assign-speedup',
          label: 'Batched speed-up over naive',
          unit: '×',
          runs: measured.batched.ms.map((ms) => naiveMedian / ms),
          target: atLeast(20, '×'),
          missNote:
            'The batches are sent one after the other (runBatch awaits each chunk); sending the ' +
            'four chunks in parallel would cut the batched time to about two round trips.',
        }),
      ],
    }
  } finally {
    await rig.close()
  }
}
