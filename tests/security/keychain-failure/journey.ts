import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { planFromGoal } from '@shared/catalog'
import type { AssignmentGroup, RunStartRequest, RunSummary } from '@shared/ipc/schemas/flow'
import type { Result } from '@shared/result'
import type { SeedFixtures } from '../../../src/main/practice'
import type { World } from './world'

/**
 * The admin's path through the app as the renderer drives it: connect (sign in to the practice
 * app through its dialog), choose the business, then the guided flow (start a run, continue it),
 * each step one IPC request through the dispatcher.
 */

export const PRACTICE_APP = { mode: 'practice' } as const

const idsOf = (f: SeedFixtures): Record<AssignmentGroup['kind'], readonly string[]> => ({
  page: f.pageIds,
  'ad-account': f.adAccountIds,
  'product-catalog': f.catalogIds,
  'instagram-account': f.instagramAccountIds,
  'whatsapp-business-account': f.whatsappAccountIds,
  pixel: f.pixelIds,
})

/** A read-ad-reports run on one ad account, with a 60-day token (so the vault can refresh it). */
export function flowRequest(fixtures: SeedFixtures, name: string): RunStartRequest {
  const plan = planFromGoal('read-ad-reports', { pageVocabulary: 'sdk' })
  const ids = idsOf(fixtures)
  return {
    plan: { source: 'goal', goalId: 'read-ad-reports', pageVocabulary: 'sdk' },
    name,
    role: 'EMPLOYEE',
    assignments: plan.assets.map((asset) => ({
      kind: asset.kind,
      tasks: [...asset.tasks],
      assetIds: ids[asset.kind].slice(0, 1),
    })),
    expiry: '60-days',
  }
}

export const signIn = (world: World) => world.invoke('connect:sign-in', { app: PRACTICE_APP })

export async function chooseBusiness(world: World): Promise<Result<unknown>> {
  const sim = await world.sim()
  return world.invoke('connect:business-choose', { businessId: sim.fixtures.businessId })
}

/** Starts a run and continues it once: the answer of whichever request failed, or the summary. */
export async function runFlow(world: World, name: string): Promise<Result<RunSummary>> {
  const sim = await world.sim()
  const started = await world.invoke('flow:run-start', flowRequest(sim.fixtures, name))
  if (!started.ok) return started
  return world.invoke('flow:run-continue', { runId: started.value.runId })
}

/** Connects and chooses the business; throws when the healthy app cannot (the drill cannot run). */
export async function connectHealthy(world: World): Promise<void> {
  const connected = await signIn(world)
  if (!connected.ok) throw new Error(`sign-in failed: ${connected.error.messageKey}`)
  const chosen = await chooseBusiness(world)
  if (!chosen.ok) throw new Error(`choosing the business failed: ${chosen.error.messageKey}`)
}

/** What the journal on disk says about each run: its status and the vault record it promises. */
export interface JournalRun {
  readonly runId: string
  readonly status: string
  readonly vaultRecordId: string
  readonly saveTokenState: string | undefined
}

export function journalRuns(dataDir: string): JournalRun[] {
  const dir = join(dataDir, 'runs')
  let names: string[]
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'))
  } catch {
    return []
  }
  return names.map((name) => {
    const run = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
      runId: string
      status: string
      vaultRecordId: string
      actions?: { kind: string; state: string }[]
    }
    return {
      runId: run.runId,
      status: run.status,
      vaultRecordId: run.vaultRecordId,
      saveTokenState: run.actions?.find((action) => action.kind === 'save-token')?.state,
    }
  })
}
