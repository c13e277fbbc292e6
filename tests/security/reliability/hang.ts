import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { HandlerTable } from '../../../src/shared/ipc/contract'
import { ok, type AppError } from '../../../src/shared/result'
import { startHarness } from '../../support/node/simulator-harness'
import { createDispatcher } from '../../../src/main/ipc'
import { silentLogger } from '../../../src/main/log'
import { createMemorySecretStore } from '../../../src/main/secrets'
import { createFileKvStore, DEFAULT_SETTINGS } from '../../../src/main/settings'
import { createFlowService } from '../../../src/main/flow'
import { goalRequest, sessionOf } from '../../support/node/flow-harness'
import { createVaultIndex } from '../../../src/main/vault'
import { isPlain } from './seeded-run'
import { recordWire } from './wire-log'

/**
 * REL-06: Meta never answers the create of the system user. The client must abandon the request
 * at its timeout (measured on the real clock: the per-attempt timer is a real timer) while IPC
 * stays responsive — meanwhile another channel is pinged through the real dispatcher over and
 * over. Then the hang clears and one resume must finish the run with exactly one system user.
 */
export interface HangOptions {
  /** Per-attempt timeout to configure; undefined keeps the client's own default (the policy). */
  readonly timeoutMs?: number
  /** Pause between pings (real ms). */
  readonly pingEveryMs: number
}

export interface HangResult {
  /** ms from the hung request reaching the simulator to the run's answer; -1 if it never hung. */
  readonly abandonMs: number
  readonly pings: number
  readonly pingFailures: number
  readonly pingP95Ms: number
  readonly pingMaxMs: number
  readonly answer: string
  readonly answerPlain: boolean
  readonly resumable: boolean
  readonly completedAfter: boolean
  readonly systemUsers: number
}

export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!
}

const round = (ms: number): number => Math.round(ms * 10) / 10

export async function hungRequest(options: HangOptions): Promise<HangResult> {
  const h = await startHarness(
    {},
    {
      retry: { maxAttempts: 2 },
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    },
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'sua-reliability-hang-'))
  const credentials = { token: h.sim.fixtures.adminUserToken, appSecret: h.sim.fixtures.appSecret }
  const service = createFlowService({
    session: { current: async () => ok(sessionOf(h, credentials)) },
    secrets: createMemorySecretStore(),
    vault: createVaultIndex(createFileKvStore(join(dataDir, 'settings.json'), DEFAULT_SETTINGS)),
    dataDir,
    log: silentLogger,
    clock: () => h.clock.now(),
  })
  try {
    // Only the setup channels are wired: the ping and the run both go through the real
    // dispatcher (bounds, schema, handler, response schema), which is what the renderer calls.
    const dispatch = createDispatcher(service.handlers as unknown as HandlerTable, silentLogger)
    const wire = recordWire(h.sim, h.client, () => h.clock.now())
    h.sim.faults.add({ match: { method: 'POST', path: /system_users$/ }, fault: { kind: 'hang' } })
    const name = 'Reliability hang'
    const { request } = goalRequest(h, 'read-ad-reports', name)
    const started = await dispatch('flow:run-start', request)
    if (!started.ok) throw new Error(`run-start failed: ${started.error.code}`)
    const { runId } = started.value as { runId: string }

    // An object, not a `let`: the callback sets it, and the loop below reads it.
    const done = { at: Number.NaN }
    const working = dispatch('flow:run-continue', { runId }).then((answer) => {
      done.at = performance.now()
      return answer
    })
    const latencies: number[] = []
    let pingFailures = 0
    while (Number.isNaN(done.at)) {
      const sent = performance.now()
      const pong = await dispatch('flow:runs-unfinished', {})
      latencies.push(performance.now() - sent)
      if (!pong.ok) pingFailures += 1
      await sleep(options.pingEveryMs)
    }
    const answer = await working
    const hung = wire.faults.find((taken) => taken.fault.kind === 'hang')
    const error: AppError | undefined = answer.ok ? undefined : answer.error
    const unfinished = await dispatch('flow:runs-unfinished', {})
    const offered = unfinished.ok
      ? (unfinished.value as { runs: { runId: string; resumable: boolean }[] }).runs
      : []

    h.sim.faults.clear()
    const resumed = await dispatch('flow:run-continue', { runId })
    return {
      abandonMs: hung ? round(done.at - hung.realAt) : -1,
      pings: latencies.length,
      pingFailures,
      pingP95Ms: round(percentile(latencies, 0.95)),
      pingMaxMs: round(Math.max(0, ...latencies)),
      answer: error ? error.code : 'ok',
      answerPlain: error ? isPlain(error) : false,
      resumable: offered.some((run) => run.runId === runId && run.resumable),
      completedAfter: resumed.ok && (resumed.value as { status: string }).status === 'done',
      systemUsers: h.sim.model
        .systemUsers(h.sim.fixtures.businessId)
        .filter((user) => user.name === name).length,
    }
  } finally {
    service.journal.release()
    await h.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
