import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, type Channel } from '@shared/ipc/channels'
import { CONTRACT } from '@shared/ipc/contract'
import { IPC_LIMITS } from '@shared/ipc/limits'
import { ERROR_CODES, ok } from '@shared/result'
import { createLogger, memorySink } from '../log/logger'
import { handlerSpies, totalCalls, type HandlerSpy } from '../../../tests/support/node/handler-spies'
import { createDispatcher, type Dispatch } from './dispatcher'

const INVALID = { ok: false, error: { code: 'invalid-input', messageKey: 'errors.invalidInput' } }
const INTERNAL = { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } }
const CANARY = `EAAG${'Zx9'.repeat(60)}`

let dispatch: Dispatch
let spies: Record<Channel, HandlerSpy>
let logLines: string[]

beforeEach(() => {
  const built = handlerSpies()
  spies = built.spies
  const sink = memorySink()
  logLines = sink.lines
  dispatch = createDispatcher(built.table, createLogger([sink], 'debug'))
})

describe('createDispatcher: requests refused before any handler runs', () => {
  const deep = (levels: number): unknown => {
    let value: unknown = 'bottom'
    for (let i = 0; i < levels; i += 1) value = { query: value }
    return value
  }

  const cases: Array<[string, string, unknown]> = [
    ['an unknown channel', 'app:shell-exec', {}],
    ['a prototype key as channel', '__proto__', {}],
    ['an unknown key', 'app:status-get', { extra: true }],
    [
      'an unknown key beside a valid one',
      'app:link-open',
      { url: 'https://business.facebook.com/', x: 1 },
    ],
    ['a wrong type', 'app:link-open', { url: 42 }],
    ['a missing field', 'app:link-open', {}],
    ['an array instead of an object', 'vault:records-list', ['query']],
    ['a string instead of an object', 'vault:records-list', 'query'],
    [
      'a string over the IPC limit',
      'vault:records-list',
      { query: 'q'.repeat(IPC_LIMITS.maxStringLength + 1) },
    ],
    ['a 1 MB string', 'vault:records-list', { query: 'q'.repeat(1024 * 1024) }],
    ['a long key', 'vault:records-list', { ['k'.repeat(IPC_LIMITS.maxStringLength + 1)]: 1 }],
    ['1,000-deep nesting', 'vault:records-list', deep(1000)],
    ['a __proto__ key', 'vault:records-list', JSON.parse('{"__proto__": {"polluted": "yes"}}')],
    [
      'a constructor key',
      'app:status-get',
      JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'),
    ],
    ['a function', 'app:status-get', { run: () => 1 }],
    ['a class instance', 'app:status-get', new Date(0)],
    [
      'too many nodes',
      'vault:records-list',
      { query: 'q', list: Array.from({ length: 3000 }, () => 0) },
    ],
  ]

  for (const [name, channel, payload] of cases) {
    it(`${name} → invalid-input, 0 handler calls`, async () => {
      expect(await dispatch(channel, payload)).toStrictEqual(INVALID)
      expect(totalCalls(spies)).toBe(0)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }
})

describe('createDispatcher: handler failures', () => {
  it('turns a thrown error into internal, leaking no detail to the caller or the log', async () => {
    spies['app:status-get'].mockRejectedValueOnce(new Error(`boom at /home/admin with ${CANARY}`))
    const result = await dispatch('app:status-get', {})
    expect(result).toStrictEqual(INTERNAL)
    expect(JSON.stringify(result)).not.toContain('boom')
    expect(logLines.join('\n')).toContain('ipc.handler-threw')
    expect(logLines.join('\n')).not.toContain(CANARY)
  })

  it('refuses a response with a field the contract does not name', async () => {
    spies['app:link-open'].mockResolvedValueOnce(ok({ opened: true, token: CANARY }))
    const result = await dispatch('app:link-open', { url: 'https://business.facebook.com/' })
    expect(result).toStrictEqual(INTERNAL)
    expect(JSON.stringify(result)).not.toContain(CANARY)
  })

  it('returns a valid response, parsed, and passes expected failures through as data', async () => {
    spies['app:link-open'].mockResolvedValueOnce(ok({ opened: true }))
    expect(
      await dispatch('app:link-open', { url: 'https://business.facebook.com/' }),
    ).toStrictEqual(ok({ opened: true }))
    expect(spies['app:link-open']).toHaveBeenCalledWith({ url: 'https://business.facebook.com/' })
    expect(await dispatch('app:status-get', undefined)).toStrictEqual({
      ok: false,
      error: { code: 'not-found', messageKey: 'errors.notFound' },
    })
  })
})

describe('createDispatcher: fuzzing every channel (1,000 runs each)', () => {
  // Arbitrary JSON-ish values, including prototype-poisoning keys and odd shapes.
  const hostileKey = fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'url',
    'query',
  )
  const value = fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true }),
    fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 3 })),
  )

  for (const channel of CHANNEL_NAMES) {
    it(`${channel}: never throws; a handler only ever sees schema-valid input`, async () => {
      await fc.assert(
        fc.asyncProperty(value, async (payload) => {
          const result = await dispatch(channel, payload)
          expect(typeof result.ok).toBe('boolean')
          if (!result.ok) expect(ERROR_CODES).toContain(result.error.code)
          for (const [request] of spies[channel].mock.calls) {
            expect(CONTRACT[channel].request.safeParse(request).success).toBe(true)
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        }),
        { numRuns: 1_000 },
      )
    })

    it(`${channel}: a payload with an unknown key never reaches the handler`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 2 }), async (extra) => {
          const result = await dispatch(channel, { zzUnknownKey: extra })
          expect(result).toStrictEqual(INVALID)
        }),
        { numRuns: 1_000 },
      )
      expect(spies[channel]).not.toHaveBeenCalled()
    })
  }
})
