import { afterEach, describe, expect, it } from 'vitest'
import type { RunActionKind, ActionState } from '@shared/ipc/schemas/flow'
import type { RecordedRequest } from '../practice/http'
import { actionOf } from './journal-run'
import { errorOf, expectSetUp, valueOf } from '../../../tests/support/node/expect-run'
import {
  goalRequest,
  startFlowHarness,
  type FlowHarness,
} from '../../../tests/support/node/flow-harness'

/*
 * Actions side by side (assign ∥ install, read-back ∥ generate): write-ahead still holds for each
 * (its IN_FLIGHT is on disk before its request leaves, and no action's write loses another's),
 * a failure of one branch is journaled on that branch's action while the other's outcome is kept,
 * and resuming after any mix of outcomes reads before it writes and ends with one of everything.
 */
let flow: FlowHarness | undefined
afterEach(async () => {
  await flow?.close()
  flow = undefined
})

const path = (request: RecordedRequest) => request.url.split('?')[0] ?? ''
// From the body, as a hung request is never parsed into `batch` by the simulator.
const assignBatches = (f: FlowHarness) =>
  f.h.sim.requests.filter(
    (r) =>
      r.method === 'POST' &&
      /^\/v\d+\.\d+\/?$/.test(path(r)) &&
      new URLSearchParams(r.body).get('batch')?.includes('assigned_users'),
  )
const installs = (f: FlowHarness) =>
  f.h.sim.requests.filter((r) => r.method === 'POST' && path(r).endsWith('/applications'))
const stateOf = (f: FlowHarness, runId: string, kind: RunActionKind): ActionState =>
  actionOf(valueOf(f.service.journal.load(runId)), kind).state

describe('actions side by side', () => {
  it('every request leaves with its action IN_FLIGHT on disk, and no write drops another action', async () => {
    let runId = ''
    const sent = new Set<RunActionKind>()
    const seen: string[] = []
    flow = await startFlowHarness({
      tier: 'full',
      extra: {
        crash: (point, action) => {
          if (point !== 'before-request' || !runId) return
          // The journal file as a restart would read it, at the moment the request leaves.
          const onDisk = valueOf(flow!.service.journal.load(runId))
          expect(actionOf(onDisk, action).state).toBe('in-flight')
          for (const earlier of sent) {
            expect(actionOf(onDisk, earlier).state, `${earlier} before ${action}`).not.toBe(
              'planned',
            )
          }
          const inFlight = [...sent].filter((s) => actionOf(onDisk, s).state === 'in-flight')
          seen.push(`${action}:${inFlight.join(',')}`)
          sent.add(action)
        },
      },
    })
    const { request, plan } = goalRequest(flow.h, 'run-ads', 'Side by side')
    runId = valueOf(await flow.service.handlers['flow:run-start'](request)).runId
    const done = valueOf(await flow.service.handlers['flow:run-continue']({ runId }))
    expect(done.status).toBe('done')
    // DONEs settled in memory reached the disk with the run's last write.
    const onDisk = valueOf(flow.service.journal.load(runId))
    expect(onDisk.status).toBe('done')
    expect(onDisk.actions.map((action) => action.state)).toEqual(Array(6).fill('done'))
    expect(onDisk.systemUserId).toBe(done.systemUserId)
    // The install left while the assignment batch was still in flight, both on disk.
    expect(seen).toContain('install-app:assign')
    expect([...sent]).toEqual(
      expect.arrayContaining(['find-or-create', 'assign', 'install-app', 'generate-token']),
    )
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('the install fails while the batch succeeds: the install action failed, assign done, resume ends it', async () => {
    flow = await startFlowHarness({ tier: 'full' })
    flow.h.sim.faults.add({
      match: { method: 'POST', path: /applications$/ },
      fault: { kind: 'graph-error', code: 100 },
    })
    const { request, plan } = goalRequest(flow.h, 'run-ads', 'Half done')
    const { runId } = valueOf(await flow.service.handlers['flow:run-start'](request))
    const error = errorOf(await flow.service.handlers['flow:run-continue']({ runId }))
    expect(stateOf(flow, runId, 'install-app')).toBe('failed')
    expect(stateOf(flow, runId, 'assign')).toBe('done')
    expect(stateOf(flow, runId, 'generate-token')).toBe('planned')
    expect(valueOf(flow.service.journal.load(runId)).lastError?.code).toBe(error.code)
    flow.restart()
    expect(valueOf(await flow.service.handlers['flow:run-continue']({ runId })).status).toBe('done')
    // Assigned once: the resume read the grants and found nothing missing.
    expect(assignBatches(flow)).toHaveLength(1)
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('a branch throws while the other is slow: both settle, one stop write, the run is held till then', async () => {
    let runId = ''
    let again: ReturnType<FlowHarness['service']['handlers']['flow:run-continue']> | undefined
    flow = await startFlowHarness({
      tier: 'full',
      extra: {
        crash: (point, action) => {
          if (again || point !== 'before-request' || action !== 'install-app') return
          // While the batch is still in flight: the run must still count as working.
          setTimeout(() => {
            again = flow!.service.handlers['flow:run-continue']({ runId })
          }, 20)
          throw new Error('simulated: a bug in the install branch')
        },
      },
    })
    flow.h.sim.faults.add({
      match: { method: 'POST', path: '/' },
      fault: { kind: 'latency', ms: 200 },
    })
    const { request, plan } = goalRequest(flow.h, 'run-ads', 'Thrown beside')
    runId = valueOf(await flow.service.handlers['flow:run-start'](request)).runId
    const error = errorOf(await flow.service.handlers['flow:run-continue']({ runId }))
    expect(error.code).toBe('internal')
    expect(errorOf(await again!).code).toBe('conflict')
    // The slow batch's DONE reached the disk with the stop: written after both settled.
    const stopped = valueOf(flow.service.journal.load(runId))
    expect(stopped).toMatchObject({ status: 'paused', lastError: { code: 'internal' } })
    expect(actionOf(stopped, 'assign').state).toBe('done')
    // Whether the install left is unknown after a throw: IN_FLIGHT, read before acting again.
    expect(actionOf(stopped, 'install-app')).toMatchObject({ state: 'in-flight' })
    expect(valueOf(await flow.service.handlers['flow:run-continue']({ runId })).status).toBe('done')
    expect(assignBatches(flow)).toHaveLength(1)
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('both answers lost: both actions stay IN_FLIGHT, and the resume reads instead of sending again', async () => {
    flow = await startFlowHarness({ tier: 'full' })
    for (const match of [
      { method: 'POST', path: '/' },
      { method: 'POST', path: /applications$/ },
    ]) {
      // Meta commits both and both answers are lost, on every attempt the client makes (2 here).
      flow.h.sim.faults.add({ match, fault: { kind: 'commit-then-drop' }, times: 2 })
    }
    const { request, plan } = goalRequest(flow.h, 'run-ads', 'Lost twice')
    const { runId } = valueOf(await flow.service.handlers['flow:run-start'](request))
    const lost = errorOf(await flow.service.handlers['flow:run-continue']({ runId }))
    // A connection dropped after sending: the client cannot say whether Meta acted.
    expect(['unknown-outcome', 'network']).toContain(lost.code)
    expect(stateOf(flow, runId, 'assign')).toBe('in-flight')
    expect(stateOf(flow, runId, 'install-app')).toBe('in-flight')
    const sent = { batches: assignBatches(flow).length, installs: installs(flow).length }
    flow.restart()
    expect(valueOf(await flow.service.handlers['flow:run-continue']({ runId })).status).toBe('done')
    // Read, found done, not sent again.
    expect(assignBatches(flow)).toHaveLength(sent.batches)
    expect(installs(flow)).toHaveLength(sent.installs)
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })

  it('a cancel with both requests hanging leaves both IN_FLIGHT; continuing ends the run', async () => {
    flow = await startFlowHarness({ tier: 'full' })
    for (const match of [
      { method: 'POST', path: '/' },
      { method: 'POST', path: /applications$/ },
    ]) {
      flow.h.sim.faults.add({ match, fault: { kind: 'hang' } })
    }
    const { request, plan } = goalRequest(flow.h, 'run-ads', 'Both hang')
    const { runId } = valueOf(await flow.service.handlers['flow:run-start'](request))
    const working = flow.service.handlers['flow:run-continue']({ runId })
    await expect.poll(() => installs(flow!).length + assignBatches(flow!).length).toBe(2)
    valueOf(await flow.service.handlers['flow:run-cancel']({ runId }))
    expect(errorOf(await working).code).toBe('cancelled')
    expect(stateOf(flow, runId, 'assign')).toBe('in-flight')
    expect(stateOf(flow, runId, 'install-app')).toBe('in-flight')
    expect(valueOf(await flow.service.handlers['flow:run-continue']({ runId })).status).toBe('done')
    await expectSetUp({ sim: flow.h.sim, request, plan, ...flow })
  })
})
