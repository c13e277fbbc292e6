import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, memorySink } from '../log/logger'
import { createFileKvStore, writeAtomic } from './file-kv-store'

interface Prefs extends Record<string, unknown> {
  theme: 'light' | 'dark'
  recent: string[]
  count: number
}
const DEFAULTS: Prefs = { theme: 'light', recent: [], count: 0 }

const dirs: string[] = []
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sua-kv-'))
  dirs.push(dir)
  return join(dir, 'nested', 'settings.json')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('file kv store: defaults and persistence', () => {
  it('answers the defaults when there is no file, and creates none until a write', () => {
    const file = tempFile()
    const store = createFileKvStore(file, DEFAULTS)
    expect([store.get('theme'), store.get('recent'), store.get('count')]).toEqual(['light', [], 0])
    expect(existsSync(file)).toBe(false)
  })

  it('persists writes across instances', () => {
    const file = tempFile()
    const first = createFileKvStore(file, DEFAULTS)
    first.set('theme', 'dark')
    first.set('recent', ['a', 'b'])
    const second = createFileKvStore(file, DEFAULTS)
    expect(second.get('theme')).toBe('dark')
    expect(second.get('recent')).toEqual(['a', 'b'])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      theme: 'dark',
      recent: ['a', 'b'],
      count: 0,
    })
  })

  it('fills keys missing from an older file with the defaults', () => {
    const file = tempFile()
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(file, JSON.stringify({ theme: 'dark' }))
    const store = createFileKvStore(file, DEFAULTS)
    expect([store.get('theme'), store.get('count')]).toEqual(['dark', 0])
  })

  it('keeps the file private to the user (0600) and leaves no temp file', () => {
    if (process.platform === 'win32') return
    const file = tempFile()
    createFileKvStore(file, DEFAULTS).set('count', 3)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(join(file, '..'))).toEqual(['settings.json'])
  })
})

describe('file kv store: atomic writes', () => {
  it('a concurrent reader never sees a partial file', async () => {
    const file = tempFile()
    const big = 'x'.repeat(512 * 1024)
    writeAtomic(file, JSON.stringify({ round: 0, big }))
    const stop = new Int32Array(new SharedArrayBuffer(4))
    // A worker thread reads and parses the file in a tight loop while this thread rewrites it.
    const reader = new Worker(
      `const { readFileSync } = require('node:fs')
       const { workerData, parentPort } = require('node:worker_threads')
       const stop = new Int32Array(workerData.stop)
       let reads = 0, broken = 0
       while (Atomics.load(stop, 0) === 0) {
         try { JSON.parse(readFileSync(workerData.file, 'utf8')); reads++ } catch { broken++ }
       }
       parentPort.postMessage({ reads, broken })`,
      { eval: true, workerData: { file, stop: stop.buffer } },
    )
    const ready = new Promise((started) => reader.once('online', started))
    const result = new Promise<{ reads: number; broken: number }>((done, fail) => {
      reader.once('message', done)
      reader.once('error', fail)
    })
    await ready
    for (let round = 1; round <= 150; round += 1) writeAtomic(file, JSON.stringify({ round, big }))
    Atomics.store(stop, 0, 1)
    const { reads, broken } = await result
    expect(reads).toBeGreaterThan(0)
    expect(broken).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ round: 150 })
  })

  it('a failed write keeps the old file intact', () => {
    const file = tempFile()
    const store = createFileKvStore(file, DEFAULTS)
    store.set('count', 1)
    // A directory where the temp file should go makes the write fail before the rename.
    mkdirSync(`${file}.${process.pid}.tmp`)
    expect(() => store.set('count', 2)).toThrow()
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ count: 1 })
  })
})

describe('file kv store: corrupt files', () => {
  const corruptCases = [
    ['invalid JSON', '{"theme": "dark", ', 'invalid-json'],
    ['an empty file', '', 'invalid-json'],
    ['a JSON array', '[1, 2, 3]', 'not-an-object'],
    ['JSON null', 'null', 'not-an-object'],
  ] as const

  it.each(corruptCases)(
    'moves %s aside, logs it and starts from the defaults',
    (_, content, reason) => {
      const file = tempFile()
      mkdirSync(join(file, '..'), { recursive: true })
      writeFileSync(file, content)
      const sink = memorySink()
      const at = Date.UTC(2025, 0, 2, 3, 4, 5, 678)
      const store = createFileKvStore(file, DEFAULTS, { log: createLogger([sink]), now: () => at })
      expect(store.get('theme')).toBe('light')
      const moved = `${file}.corrupt-2025-01-02T03-04-05-678Z`
      expect(readFileSync(moved, 'utf8')).toBe(content)
      expect(existsSync(file)).toBe(false)
      const [line] = sink.lines.map((text) => JSON.parse(text) as Record<string, unknown>)
      expect(line).toMatchObject({
        level: 'error',
        event: 'settings.corrupt-file-moved',
        movedTo: moved,
        reason,
      })
      store.set('theme', 'dark')
      expect(createFileKvStore(file, DEFAULTS).get('theme')).toBe('dark')
    },
  )

  it('never overwrites an earlier corrupt copy', () => {
    const file = tempFile()
    mkdirSync(join(file, '..'), { recursive: true })
    const now = () => 0
    writeFileSync(file, 'first broken')
    createFileKvStore(file, DEFAULTS, { now })
    writeFileSync(file, 'second broken')
    createFileKvStore(file, DEFAULTS, { now })
    const copies = readdirSync(join(file, '..')).filter((name) => name.includes('.corrupt-'))
    expect(copies).toHaveLength(2)
    const contents = copies.map((name) => readFileSync(join(file, '..', name), 'utf8')).sort()
    expect(contents).toEqual(['first broken', 'second broken'])
  })

  it('throws, and moves nothing, when the file cannot be read at all', () => {
    const file = tempFile()
    mkdirSync(file, { recursive: true })
    expect(() => createFileKvStore(file, DEFAULTS)).toThrow(/EISDIR/)
    expect(readdirSync(join(file, '..'))).toEqual(['settings.json'])
  })
})
