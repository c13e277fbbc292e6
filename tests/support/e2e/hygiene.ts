/**
 * Helpers of the whole-app secret-hygiene scan (issue 7; docs/security-requirements.md SEC-10, 12,
 * 13, 14): the canaries a run leaves behind (every token the simulator issued and the practice app
 * secret, read from its model), the temp entries the run created, and hits that name places, never
 * values (a failing scan must not print the secret it found).
 */
import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunningSimulator } from '../../../src/main/practice/simulator'
import { scanForCanaries, type CanaryHit } from '../../fixtures/canaries'

/** The secrets of a practice run: every token the simulator minted, and the app's secret. */
export function canariesOf(sim: RunningSimulator): string[] {
  const app = sim.model.app(sim.fixtures.appId)
  if (!app) throw new Error('the practice app is missing from the simulator')
  const tokens = sim.model.tokens().map((token) => token.value)
  return [app.secret, ...tokens]
}

/** The entries of the temp directory, to tell afterwards which ones the run created. */
export function tempEntries(): Set<string> {
  return new Set(readdirSync(tmpdir()))
}

/** Full paths of temp entries that exist now but did not before (skipping `exclude`). */
export function newTempEntries(before: Set<string>, exclude: readonly string[]): string[] {
  return readdirSync(tmpdir())
    .filter((name) => !before.has(name))
    .map((name) => join(tmpdir(), name))
    .filter((path) => !exclude.includes(path))
}

/** A hit as a line a failure may print: where, which canary (by index) and in which encoding. */
export const describeHit = (where: string, hit: CanaryHit): string =>
  `${hit.file ?? where}: canary #${hit.canary} (${hit.encoding}) at ${hit.offset}`

/** Scans each named text and returns the hits as printable lines. */
export function scanTexts(texts: Record<string, string>, canaries: readonly string[]): string[] {
  return Object.entries(texts).flatMap(([where, text]) =>
    scanForCanaries(Buffer.from(text, 'utf8'), canaries).map((hit) => describeHit(where, hit)),
  )
}

/** Scans directories or files (recursively) and returns the hits as printable lines. */
export function scanPaths(paths: readonly string[], canaries: readonly string[]): string[] {
  return paths.flatMap((path) =>
    scanForCanaries(path, canaries).map((hit) => describeHit(path, hit)),
  )
}
