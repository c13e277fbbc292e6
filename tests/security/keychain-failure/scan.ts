import { lstatSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { scanForCanaries } from '../../fixtures/canaries'
import type { World } from './world'

/**
 * "Nothing written elsewhere": every secret the world has seen (the app secret and every token
 * the simulator minted, the ones whose save failed included), looked for in all four encodings
 * (tests/fixtures/canaries.ts) in the whole data directory — settings and vault index, journal,
 * audit log, log file, exports — in the log lines and in the answers. The keychain is the memory
 * store, so any hit at all is a secret outside it.
 */

export interface CanaryHitObservation {
  /** A path relative to the data directory, or 'log lines' / 'answer'. */
  readonly where: string
  readonly encoding: string
  readonly secret: 'app secret' | 'token'
  /** The attempt after which it was first seen. */
  readonly during: string
}

function countFiles(path: string): number {
  const info = lstatSync(path)
  if (!info.isDirectory()) return info.isFile() ? 1 : 0
  return readdirSync(path).reduce((total, name) => total + countFiles(join(path, name)), 0)
}

export interface Scanner {
  /** Scans everything now; keeps the hits not seen before, labelled with `during`. */
  scan(world: World, during: string): Promise<void>
  readonly hits: readonly CanaryHitObservation[]
  /** Hits in one text (an answer); nothing is remembered. */
  hitsIn(world: World, text: string): Promise<number>
  /** Files in the data directories, at their largest, summed over the worlds scanned. */
  readonly filesScanned: number
}

export function createScanner(): Scanner {
  const seen = new Set<string>()
  const hits: CanaryHitObservation[] = []
  const filesPerWorld = new Map<string, number>()
  return {
    async scan(world, during) {
      const secrets = await world.secrets()
      const kindOf = (index: number) =>
        secrets[index] === world.appSecret ? 'app secret' : 'token'
      const files = countFiles(world.dataDir)
      filesPerWorld.set(world.dataDir, Math.max(filesPerWorld.get(world.dataDir) ?? 0, files))
      const found = [
        ...scanForCanaries(world.dataDir, secrets).map((hit) => ({
          ...hit,
          where: relative(world.dataDir, hit.file ?? world.dataDir),
        })),
        ...scanForCanaries(world.logLines.join('\n'), secrets).map((hit) => ({
          ...hit,
          where: 'log lines',
        })),
        ...scanForCanaries(JSON.stringify(world.answers), secrets).map((hit) => ({
          ...hit,
          where: 'answers',
        })),
      ]
      for (const hit of found) {
        // Keyed by the secret itself (kept in memory only), so a hit is reported once.
        const key = [world.dataDir, hit.where, hit.encoding, secrets[hit.canary]].join('\u0000')
        if (seen.has(key)) continue
        seen.add(key)
        hits.push({ where: hit.where, encoding: hit.encoding, secret: kindOf(hit.canary), during })
      }
    },
    hits,
    hitsIn: async (world, text) => scanForCanaries(text, await world.secrets()).length,
    get filesScanned() {
      return [...filesPerWorld.values()].reduce((total, files) => total + files, 0)
    },
  }
}
