import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES, type Channel } from '@shared/ipc/channels'
import { CONTRACT } from '@shared/ipc/contract'
import { ERROR_CODES } from '@shared/result'
import { createLogger, memorySink } from '../log/logger'
import { FakeBrowserWindow, FakeIpcMain, FakeWebFrame } from '../../../tests/support/node/electron-fake'
import { createDispatcher, type Dispatch } from './dispatcher'
import { checkPayloadBounds } from './payload-bounds'
import { createSenderCheck, registerIpcHandlers } from './register-handlers'
import { buildCountedServices, type CountedServices } from '../../../tests/support/node/counting-ports'
import { fuzzCases, heavyCases, type FuzzCase } from '../../../tests/support/node/fuzz-inputs'
import {
  emptyFigures,
  percentile,
  prototypeChanges,
  prototypeSnapshot,
  summarize,
  writeFuzzReport,
  type ChannelFigures,
  type PrototypeSnapshot,
} from '../../../tests/support/node/fuzz-report'
import { validArbitrary } from '../../../tests/support/node/schema-arbitrary'

vi.mock('electron', async () => (await import('../../../tests/support/node/electron-fake')).electronModule())

/**
 * SEC-09 and SEC-08, proved by fuzzing (docs/security-requirements.md): every channel gets ≥ 1,000
 * generated payloads through the dispatcher over buildServices with counting ports, a fixed handful
 * of 1 MB / 1,000-deep payloads, and ≥ 1,000 requests from forged senders through
 * registerIpcHandlers. Invalid input must be answered `invalid-input` with 0 port calls, forged
 * senders `forbidden-sender` with 0 port calls, nothing may throw, and no prototype may change. The
 * figures (including p99 time, judged by the `ipc-fuzz` gate) go to reports/ipc-fuzz.json. Seed and
 * run count: IPC_FUZZ_SEED, IPC_FUZZ_RUNS (never below 1,000).
 */

const SEED = Number(process.env.IPC_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const RUNS = Math.max(1_000, Number(process.env.IPC_FUZZ_RUNS ?? 1_000))
const REPORT_PATH = resolve(import.meta.dirname, '../../../reports/ipc-fuzz.json')
const TIMEOUT_MS = 120_000

const INVALID = { ok: false, error: { code: 'invalid-input', messageKey: 'errors.invalidInput' } }
const FORBIDDEN = {
  ok: false,
  error: { code: 'forbidden-sender', messageKey: 'errors.forbiddenSender' },
}

const isPolluted = (): boolean => (({}) as Record<string, unknown>).polluted !== undefined

/** The dispatcher's own rule for "refused before any handler": bounds, then the strict schema. */
function mustRefuse(channel: Channel, payload: unknown): boolean {
  const request = payload ?? {}
  return (
    checkPayloadBounds(request) !== null || !CONTRACT[channel].request.safeParse(request).success
  )
}

let root: string
let processErrors = 0
let pollutedSeen = false
let before: PrototypeSnapshot
const countProcessError = (): void => {
  processErrors += 1
}
const figures = new Map<Channel, ChannelFigures>()
const instances: CountedServices[] = []
const log = createLogger([memorySink()], 'warn')

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sua-ipc-fuzz-'))
  before = prototypeSnapshot()
  process.on('unhandledRejection', countProcessError)
  process.on('uncaughtException', countProcessError)
  console.info(`ipc-fuzz: seed ${SEED}, ${RUNS} runs per channel (IPC_FUZZ_SEED to replay)`)
})

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.services.dispose()))
  process.off('unhandledRejection', countProcessError)
  process.off('uncaughtException', countProcessError)
  rmSync(root, { recursive: true, force: true })
  pollutedSeen ||= isPolluted()
  const channels = CHANNEL_NAMES.filter((channel) => figures.has(channel)).map((channel) =>
    summarize(figures.get(channel)!),
  )
  writeFuzzReport(REPORT_PATH, {
    generatedAt: new Date().toISOString(),
    seed: SEED,
    runsPerChannel: RUNS,
    channels,
    pollution: { pollutedSeen, prototypeChanges: prototypeChanges(before) },
    processErrors,
    p99Ms: percentile(
      [...figures.values()].flatMap((figure) => [...figure.refusedMs, ...figure.acceptedMs]),
      99,
    ),
  })
})

/** Sends one payload, timing it and counting the port calls it caused. */
async function send(
  dispatch: Dispatch,
  instance: CountedServices,
  figure: ChannelFigures,
  channel: Channel,
  payload: unknown,
  times: number[],
): Promise<{ result: unknown; portCalls: number }> {
  const calls = instance.tally.total()
  const started = performance.now()
  let result: unknown
  try {
    result = await dispatch(channel, payload)
  } catch (error) {
    figure.uncaught += 1
    throw error
  } finally {
    times.push(performance.now() - started)
  }
  pollutedSeen ||= isPolluted()
  return { result, portCalls: instance.tally.total() - calls }
}

function instance(name: string): CountedServices {
  const built = buildCountedServices(root, name, log)
  instances.push(built)
  return built
}

describe.each(CHANNEL_NAMES.map((channel, index) => [channel, index] as const))(
  '%s',
  (channel, index) => {
    const schema = CONTRACT[channel].request
    const figure = emptyFigures(channel, SEED + index)
    const { refusedMs, acceptedMs } = figure
    figures.set(channel, figure)
    // Invalid payloads go to an instance that never sees a valid one, so no work a valid request
    // started can be mistaken for a port call an invalid one caused.
    let refusing: CountedServices
    let accepting: CountedServices
    let dispatchRefusing: Dispatch
    let dispatchAccepting: Dispatch

    beforeAll(() => {
      refusing = instance(`${index}-refusing`)
      accepting = instance(`${index}-accepting`)
      dispatchRefusing = createDispatcher(refusing.services.handlers, log)
      dispatchAccepting = createDispatcher(accepting.services.handlers, log)
    })

    it(
      `${RUNS} generated payloads: invalid ones refused with 0 port calls, none throws`,
      async () => {
        const property = fc.asyncProperty(
          fuzzCases(schema),
          async ({ kind, payload }: FuzzCase) => {
            figure.runs += 1
            figure.byKind[kind] += 1
            if (mustRefuse(channel, payload)) {
              figure.invalid += 1
              const sent = await send(
                dispatchRefusing,
                refusing,
                figure,
                channel,
                payload,
                refusedMs,
              )
              if (!isExactly(sent.result, INVALID)) figure.invalidNotRefused += 1
              figure.portCallsOnInvalid += sent.portCalls
              expect(sent.result).toStrictEqual(INVALID)
              expect(sent.portCalls).toBe(0)
            } else {
              figure.valid += 1
              const sent = await send(
                dispatchAccepting,
                accepting,
                figure,
                channel,
                payload,
                acceptedMs,
              )
              figure.portCallsOnValid += sent.portCalls
              const answer = answerOf(sent.result)
              figure.validAnswers[answer] = (figure.validAnswers[answer] ?? 0) + 1
              expect(['ok', ...ERROR_CODES]).toContain(answer)
            }
            expect(isPolluted()).toBe(false)
          },
        )
        await fc.assert(property, { numRuns: RUNS, seed: figure.seed })
      },
      TIMEOUT_MS,
    )

    it('1 MB strings, 1,000-deep nesting and 100,000 items: refused with 0 port calls', async () => {
      const sample = fc.sample(validArbitrary(schema), { numRuns: 1, seed: figure.seed })[0]
      for (const [name, payload] of heavyCases(schema, sample)) {
        figure.heavyCases += 1
        const sent = await send(dispatchRefusing, refusing, figure, channel, payload, refusedMs)
        if (!isExactly(sent.result, INVALID)) figure.invalidNotRefused += 1
        figure.portCallsOnInvalid += sent.portCalls
        expect(sent.result, name).toStrictEqual(INVALID)
        expect(sent.portCalls, name).toBe(0)
      }
    })

    it(
      `${RUNS} requests from forged senders: forbidden-sender, 0 port calls`,
      async () => {
        const forged = instance(`${index}-forged`)
        const ipcMain = new FakeIpcMain()
        const win = new FakeBrowserWindow({})
        const other = new FakeBrowserWindow({})
        registerIpcHandlers(
          ipcMain,
          createDispatcher(forged.services.handlers, log),
          createSenderCheck(() => win, log),
        )
        // Electron security checklist item 17: any frame can send IPC, so each of these must be
        // refused whatever it sends, well-formed requests included.
        const forgeries: Array<() => { senderFrame: FakeWebFrame | null }> = [
          () => ({ senderFrame: null }),
          () => ({ senderFrame: new FakeWebFrame('app://vault/index.html') }),
          () => showing(win, 'file:///etc/passwd'),
          () => showing(win, 'https://evil.test/'),
          () => ({ senderFrame: other.webContents.mainFrame }),
        ]
        const property = fc.asyncProperty(
          fc.nat({ max: forgeries.length - 1 }),
          fuzzCases(schema),
          async (which, { payload }) => {
            figure.forgedSenderRuns += 1
            const calls = forged.tally.total()
            const result = await ipcMain.invoke(channel, forgeries[which]!(), payload)
            win.webContents.mainFrame.url = 'app://vault/index.html'
            const portCalls = forged.tally.total() - calls
            if (!isExactly(result, FORBIDDEN)) figure.forgedNotRefused += 1
            figure.portCallsOnForged += portCalls
            expect(result).toStrictEqual(FORBIDDEN)
            expect(portCalls).toBe(0)
          },
        )
        await fc.assert(property, { numRuns: RUNS, seed: figure.seed + 1 })
        expect(forged.tally.total()).toBe(forged.atStart)

        // The same path from our own main frame does reach the services: the refusals above
        // come from the sender check, not from a registration that answers nothing.
        const trusted = new FakeIpcMain()
        registerIpcHandlers(
          trusted,
          dispatchAccepting,
          createSenderCheck(() => win, log),
        )
        const sample = fc.sample(validArbitrary(schema), { numRuns: 1, seed: figure.seed })[0]
        const answer = await trusted.invoke(
          channel,
          { senderFrame: win.webContents.mainFrame },
          sample,
        )
        expect(answerOf(answer)).not.toBe('forbidden-sender')
      },
      TIMEOUT_MS,
    )
  },
)

describe('after every channel', () => {
  it('left no prototype changed and nothing polluted', () => {
    expect(isPolluted()).toBe(false)
    expect(pollutedSeen).toBe(false)
    expect(prototypeChanges(before)).toStrictEqual([])
    expect(processErrors).toBe(0)
  })
})

function showing(win: FakeBrowserWindow, url: string): { senderFrame: FakeWebFrame } {
  win.webContents.mainFrame.url = url
  return { senderFrame: win.webContents.mainFrame }
}

const isExactly = (actual: unknown, expected: unknown): boolean =>
  JSON.stringify(actual) === JSON.stringify(expected)

/** 'ok', or the error code of a Result; 'not-a-result' for anything else. */
function answerOf(result: unknown): string {
  const value = result as { ok?: unknown; error?: { code?: unknown; messageKey?: unknown } }
  if (value?.ok === true) return 'ok'
  if (value?.ok === false && typeof value.error?.code === 'string') return value.error.code
  return 'not-a-result'
}
