import { copyFileSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { expectSetUp, valueOf } from '../../../tests/support/node/expect-run'
import {
  goalRequest,
  startFlowHarness,
  type FlowHarness,
} from '../../../tests/support/node/flow-harness'

/*
 * A run the previous build journaled (version 1: its actions under `steps`) and left unfinished —
 * here paused after a 5xx on the create, find-or-create IN_FLIGHT — is still offered on the next
 * launch and resumed to the end, with no duplicate, and the journal then holds it as version 2.
 * The fixture is the file that build wrote for that run (tests/fixtures/journal/).
 */
const VERSION_1_FILE = resolve(
  import.meta.dirname,
  '../../../tests/fixtures/journal/run-v1-paused.json',
)

let flow: FlowHarness | undefined
afterEach(async () => {
  await flow?.close()
  flow = undefined
})

describe('a run journaled by the previous build (version 1)', () => {
  it('is offered for resume and resumed to done, then kept as version 2', async () => {
    flow = await startFlowHarness()
    const { runId } = JSON.parse(readFileSync(VERSION_1_FILE, 'utf8')) as { runId: string }
    const file = join(flow.dataDir, 'runs', `run-${runId}.json`)
    copyFileSync(VERSION_1_FILE, file)
    flow.restart()

    const { runs } = valueOf(await flow.service.handlers['flow:runs-unfinished']({}))
    expect(runs).toHaveLength(1)
    const offered = runs[0]!
    expect(offered).toMatchObject({ runId, status: 'paused', resumable: true })
    expect(offered.lastError?.code).toBe('unknown-outcome')
    expect(offered.actions.map((action) => [action.kind, action.state])).toEqual([
      ['find-or-create', 'in-flight'],
      ['assign', 'planned'],
      ['verify-assignments', 'planned'],
      ['install-app', 'planned'],
      ['generate-token', 'planned'],
      ['save-token', 'planned'],
    ])

    const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId }))
    expect(done.status).toBe('done')
    expect(done.actions.map((action) => action.state)).toEqual(Array(6).fill('done'))
    const { request, plan } = goalRequest(flow.h, 'read-ad-reports', 'Reports server')
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })

    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    expect(onDisk).toMatchObject({ version: 2, status: 'done' })
    expect(onDisk).not.toHaveProperty('steps')
  })
})
