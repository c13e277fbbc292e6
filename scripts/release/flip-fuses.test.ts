import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, describe, expect, it } from 'vitest'
import { ELECTRON_FUSES, FUSE_WIRE_INDEX, fusesNotAsConfigured, type FuseName } from './fuses'

/*
 * SEC-21 as far as these machines allow: there is no Electron binary here, so the release script
 * runs against a stand-in with a real fuse wire — random bytes around Electron's sentinel, wire
 * version 1 and the 9 fuses at Electron's defaults — and must flip the 7 we configure, leave the
 * other two alone, and read them back. What is left for a release machine is only the real binary.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const script = resolve(import.meta.dirname, 'flip-fuses.mjs')
const work = mkdtempSync(join(tmpdir(), 'sua-fuses-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Electron's defaults, in wire order: RunAsNode on … WasmTrapHandlers on. */
const DEFAULT_WIRE = '101100011'

function fakeElectron(): string {
  const path = join(work, `electron-${randomBytes(4).toString('hex')}`)
  const header = Buffer.from([1, DEFAULT_WIRE.length])
  writeFileSync(
    path,
    Buffer.concat([
      randomBytes(70_000),
      Buffer.from(SENTINEL),
      header,
      Buffer.from(DEFAULT_WIRE),
      randomBytes(5_000),
    ]),
  )
  return path
}

const run = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 60_000 })

describe('the release step flips the configured fuses (SEC-21)', () => {
  it('matches the installed @electron/fuses names and wire positions', () => {
    for (const [name, index] of Object.entries(FUSE_WIRE_INDEX)) {
      expect(FuseV1Options[name as keyof typeof FuseV1Options], name).toBe(index)
    }
  })

  it('a binary at Electron defaults has all 7 configured fuses the insecure way round', async () => {
    const wire = await getCurrentFuseWire(fakeElectron())
    expect(fusesNotAsConfigured(wire, FuseV1Options, FuseState).length).toBe(7)
  })

  it('flips all 7, reads them back, and leaves the unconfigured fuses as they were', async () => {
    const binary = fakeElectron()
    const result = run(binary)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('7 of 7 fuses as configured')
    const wire = await getCurrentFuseWire(binary)
    expect(fusesNotAsConfigured(wire, FuseV1Options, FuseState)).toEqual([])
    for (const [name, on] of Object.entries(ELECTRON_FUSES) as [FuseName, boolean][]) {
      expect(wire[FuseV1Options[name]], name).toBe(on ? FuseState.ENABLE : FuseState.DISABLE)
    }
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE)
  })

  it('refuses a file with no fuse wire, and a missing file, with a reason', () => {
    const plain = join(work, 'not-electron')
    writeFileSync(plain, randomBytes(10_000))
    const noWire = run(plain)
    expect(noWire.status).toBe(1)
    expect(noWire.stderr).toMatch(/sentinel/)
    const missing = run(join(work, 'nowhere'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/does not exist/)
  })
})
