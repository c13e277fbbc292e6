import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { CASE_KINDS, type CaseKind } from './fuzz-inputs'

/**
 * The figures the IPC fuzz suite measures, written to reports/ipc-fuzz.json for the `ipc-fuzz`
 * security gate (tests/security/gates/ipc-fuzz.ts), which applies the thresholds. Timing is
 * measured here and judged there: a test never fails on wall-clock speed.
 */

/** What one channel went through. */
export interface ChannelFigures {
  readonly channel: string
  /** fast-check seed of this channel's generated runs. */
  readonly seed: number
  /** Generated payloads sent through the dispatcher. */
  runs: number
  readonly byKind: Record<CaseKind, number>
  /** Of those, how many the contract refuses (schema or IPC bounds), and how many it accepts. */
  invalid: number
  valid: number
  /** Fixed 1 MB / 1,000-deep / 100,000-item payloads sent. */
  heavyCases: number
  /** Payloads (generated and valid alike) sent from forged senders through registerIpcHandlers. */
  forgedSenderRuns: number
  /** Requests whose promise rejected instead of answering a Result. */
  uncaught: number
  /** Invalid payloads answered with anything but exactly `invalid-input`. */
  invalidNotRefused: number
  /** Calls into any port while an invalid payload was being answered. */
  portCallsOnInvalid: number
  /** Forged-sender requests answered with anything but `forbidden-sender`. */
  forgedNotRefused: number
  /** Calls into any port while a forged sender's request was being answered. */
  portCallsOnForged: number
  /** Calls into ports while valid payloads were answered: shows the counters see real work. */
  portCallsOnValid: number
  /** How valid payloads were answered ('ok' or the error code): information, not a verdict. */
  readonly validAnswers: Record<string, number>
  /** Dispatcher time per refused request (generated invalid and heavy), in milliseconds. */
  readonly refusedMs: number[]
  /** Dispatcher time per accepted request (schema-valid, so its handler ran), in milliseconds. */
  readonly acceptedMs: number[]
}

export interface ChannelSummary extends Omit<ChannelFigures, 'refusedMs' | 'acceptedMs'> {
  /** Over every request on the channel. */
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  /** Over refused requests only: what validation costs, whatever a handler does. */
  readonly refusedP99Ms: number
  /** Over accepted requests only: what the handlers cost on fuzzed input. */
  readonly acceptedP99Ms: number
}

export interface IpcFuzzReport {
  readonly generatedAt: string
  readonly seed: number
  readonly runsPerChannel: number
  readonly channels: readonly ChannelSummary[]
  readonly pollution: {
    /** `({}).polluted` after every request and at the end. */
    readonly pollutedSeen: boolean
    /** Own properties of Object.prototype / Array.prototype added, removed or replaced. */
    readonly prototypeChanges: readonly string[]
  }
  /** unhandledRejection / uncaughtException events seen while the suite ran. */
  readonly processErrors: number
  /** Over every request on every channel. */
  readonly p99Ms: number
}

export function emptyFigures(channel: string, seed: number): ChannelFigures {
  return {
    channel,
    seed,
    runs: 0,
    byKind: Object.fromEntries(CASE_KINDS.map((kind) => [kind, 0])) as Record<CaseKind, number>,
    invalid: 0,
    valid: 0,
    heavyCases: 0,
    forgedSenderRuns: 0,
    uncaught: 0,
    invalidNotRefused: 0,
    portCallsOnInvalid: 0,
    forgedNotRefused: 0,
    portCallsOnForged: 0,
    portCallsOnValid: 0,
    validAnswers: {},
    refusedMs: [],
    acceptedMs: [],
  }
}

/** The nearest-rank percentile (p in 0–100) of `values`; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1]!
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000

export function summarize(figures: ChannelFigures): ChannelSummary {
  const { refusedMs, acceptedMs, ...rest } = figures
  const all = [...refusedMs, ...acceptedMs]
  return {
    ...rest,
    p50Ms: round(percentile(all, 50)),
    p99Ms: round(percentile(all, 99)),
    maxMs: round(Math.max(0, ...all)),
    refusedP99Ms: round(percentile(refusedMs, 99)),
    acceptedP99Ms: round(percentile(acceptedMs, 99)),
  }
}

/** The prototypes a polluting merge would change, and their own property descriptors. */
const WATCHED = { 'Object.prototype': Object.prototype, 'Array.prototype': Array.prototype }

export type PrototypeSnapshot = Map<string, PropertyDescriptor | undefined>

export function prototypeSnapshot(): PrototypeSnapshot {
  const snapshot: PrototypeSnapshot = new Map()
  for (const [name, proto] of Object.entries(WATCHED)) {
    for (const key of Reflect.ownKeys(proto)) {
      snapshot.set(`${name}.${String(key)}`, Object.getOwnPropertyDescriptor(proto, key))
    }
  }
  return snapshot
}

/** Properties added, removed or replaced since `before`. */
export function prototypeChanges(before: PrototypeSnapshot): string[] {
  const after = prototypeSnapshot()
  const changed: string[] = []
  for (const [key, descriptor] of after) {
    const old = before.get(key)
    if (!old) changed.push(`added ${key}`)
    else if (
      old.value !== descriptor?.value ||
      old.get !== descriptor?.get ||
      old.set !== descriptor?.set
    )
      changed.push(`replaced ${key}`)
  }
  for (const key of before.keys()) if (!after.has(key)) changed.push(`removed ${key}`)
  return changed
}

export function writeFuzzReport(path: string, report: IpcFuzzReport): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
}
