import { cpus, loadavg, platform, release, totalmem } from 'node:os'

/** The machine a bench ran on: figures mean little without it. */
export interface Machine {
  readonly cpus: number
  readonly model: string
  readonly memoryGiB: number
  readonly node: string
  readonly os: string
  /** 1-minute load average when the bench started: a busy machine slows every figure. */
  readonly loadAtStart: number
  /** Set when the bench ends. */
  loadAtEnd?: number
  /** Filled in by the renderer scenario once Chromium has started. */
  chromium?: string
}

/** The 1-minute load average, two decimals. */
export const currentLoad = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100

export function describeMachine(): Machine {
  const list = cpus()
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAtStart: currentLoad(),
  }
}
