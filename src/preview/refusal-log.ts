import { limitBursts, type BurstLimitOptions } from '../main/log/burst-limit'
import type { Logger } from '../main/log/logger'
import type { GuardProblem, RouteKind } from './request-guard'

/**
 * Logs the preview's refused requests without letting a burst of them flood the log
 * (main/log/burst-limit.ts): a process hammering the preview costs a handful of lines a minute.
 */

/** Why a request was refused. The values are fixed words: no header, path or secret goes in. */
export type RefusalProblem = GuardProblem | 'no-session' | 'wrong-launch-secret'

export interface RefusalLog {
  record(problem: RefusalProblem, kind: RouteKind): void
  /** Writes the summary of the window under way, if any refusals went unlogged. */
  close(): void
}

export type RefusalLogOptions = BurstLimitOptions

/** The preview's refusals, through the one burst limit main's IPC refusals use too. */
export function createRefusalLog(log: Logger, options: RefusalLogOptions = {}): RefusalLog {
  const limited = limitBursts(log, 'preview.requests-refused-unlogged', options)
  return {
    record: (problem, kind) => limited.warn('preview.request-refused', { problem, kind }),
    close: () => limited.close(),
  }
}
