/**
 * The bench's unit of output: one measured figure (several runs, summarised as median, min and
 * max) with the target the issue sets for it and whether the median meets it. Speed is measured,
 * never asserted: a missed target is reported with why it was missed, and the bench still succeeds.
 */
export type Comparison = 'at-most' | 'below' | 'at-least'

export interface Target {
  readonly comparison: Comparison
  readonly value: number
  /** How the target reads in the table, e.g. "≤ 10 requests". */
  readonly text: string
}

export interface Figure {
  readonly id: string
  readonly label: string
  readonly unit: string
  readonly runs: readonly number[]
  readonly median: number
  readonly min: number
  readonly max: number
  readonly target?: Target
  /** Undefined when the issue sets no target for the figure (it is reported only). */
  readonly met?: boolean
  /** What the figure is compared with, e.g. "limit 93 requests". */
  readonly reference?: string
  /** Why a missed target was missed and what would reach it (shown only when missed). */
  readonly missNote?: string
}

export interface ScenarioResult {
  readonly id: string
  readonly title: string
  /** A few words for the summary table, e.g. "Assign 200 assets". */
  readonly short: string
  /** What was measured and how, for the report. */
  readonly method: readonly string[]
  readonly figures: readonly Figure[]
}

/** The median of the values (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const meets = (value: number, target: Target): boolean => {
  switch (target.comparison) {
    case 'at-most':
      return value <= target.value
    case 'below':
      return value < target.value
    case 'at-least':
      return value >= target.value
  }
}

export interface FigureInput {
  readonly id: string
  readonly label: string
  readonly unit: string
  readonly runs: readonly number[]
  readonly target?: Target
  readonly reference?: string
  readonly missNote?: string
}

/** Summarises the runs and judges the median against the target. */
export function figure(input: FigureInput): Figure {
  const m = median(input.runs)
  return {
    ...input,
    runs: input.runs.map(round),
    median: round(m),
    min: round(Math.min(...input.runs)),
    max: round(Math.max(...input.runs)),
    ...(input.target ? { met: meets(m, input.target) } : {}),
  }
}

/** Three significant decimals at most: enough for ms and kB, no float noise in the report. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

export const atMost = (value: number, unit: string): Target => ({
  comparison: 'at-most',
  value,
  text: `≤ ${value} ${unit}`,
})

export const below = (value: number, unit: string): Target => ({
  comparison: 'below',
  value,
  text: `< ${value} ${unit}`,
})

export const atLeast = (value: number, unit: string): Target => ({
  comparison: 'at-least',
  value,
  text: `≥ ${value} ${unit}`,
})

/** Runs `fn` and answers its result with the elapsed wall time in ms. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

/** Throws with a clear message: a scenario whose work failed must not report a time for it. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`bench: ${message}`)
}
