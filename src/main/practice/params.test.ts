import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { GraphError } from './errors'
import { parseFields } from './fields'
import { parseBody, parseList } from './params'
import { computeProof, computeTimedProof, verifyProof } from './proof'

describe('list parameters', () => {
  test.each([
    ['["MANAGE","ADVERTISE"]', ['MANAGE', 'ADVERTISE']],
    ["['MANAGE','ADVERTISE']", ['MANAGE', 'ADVERTISE']],
    ['MANAGE, ADVERTISE', ['MANAGE', 'ADVERTISE']],
    ['[MANAGE]', ['MANAGE']],
    ['ads_read', ['ads_read']],
    ['', []],
  ])('%s', (raw, expected) => {
    expect(parseList(raw)).toEqual(expected)
  })

  test('repeated name[] fields fold into one list', () => {
    const params = parseBody(
      'application/x-www-form-urlencoded',
      'tasks[]=MANAGE&tasks[]=ANALYZE&user=1',
    )
    expect(parseList(params.get('tasks') ?? '')).toEqual(['MANAGE', 'ANALYZE'])
    expect(params.get('user')).toBe('1')
  })

  test('JSON bodies keep arrays and booleans as their JSON text', () => {
    const params = parseBody('application/json', '{"tasks":["MANAGE"],"flag":true,"n":3}')
    expect(params.get('tasks')).toBe('["MANAGE"]')
    expect(params.get('flag')).toBe('true')
    expect(params.get('n')).toBe('3')
  })

  test('a broken JSON body is a (#100) error', () => {
    expect(() => parseBody('application/json', '{nope')).toThrow(GraphError)
  })

  test('fields with nested selections and modifiers reduce to top-level names', () => {
    expect(parseFields('id,business{id,name},assigned_pages.limit(5){id}')).toEqual([
      'id',
      'business',
      'assigned_pages',
    ])
  })
})

describe('appsecret_proof', () => {
  const nowMs = Date.UTC(2026, 10, 20)

  test('both forms equal HMAC-SHA256 computed independently', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.stringMatching(/^[0-9a-f]{32}$/),
        (token, secret) => {
          const legacy = createHmac('sha256', secret).update(token).digest('hex')
          expect(computeProof(secret, token)).toBe(legacy)
          const timed = createHmac('sha256', secret).update(`${token}|1700000000`).digest('hex')
          expect(computeTimedProof(secret, token, 1_700_000_000)).toBe(timed)
        },
      ),
    )
  })

  test('verification accepts the right proof and rejects any other', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (token, other) => {
        const secret = 'a'.repeat(32)
        const good = new Map([['appsecret_proof', computeProof(secret, token)]])
        expect(() => verifyProof(good, token, secret, nowMs, true)).not.toThrow()
        if (other !== token) {
          const bad = new Map([['appsecret_proof', computeProof(secret, other)]])
          expect(() => verifyProof(bad, token, secret, nowMs, true)).toThrow(
            /Invalid appsecret_proof/,
          )
        }
      }),
    )
  })

  test('a timed proof must be within 5 minutes of the clock, either way', () => {
    const secret = 'b'.repeat(32)
    const at = (offsetS: number) => {
      const time = Math.floor(nowMs / 1000) + offsetS
      return new Map([
        ['appsecret_time', String(time)],
        ['appsecret_proof', computeTimedProof(secret, 'tok', time)],
      ])
    }
    expect(() => verifyProof(at(-300), 'tok', secret, nowMs, true)).not.toThrow()
    expect(() => verifyProof(at(-301), 'tok', secret, nowMs, true)).toThrow(GraphError)
    expect(() => verifyProof(at(301), 'tok', secret, nowMs, true)).toThrow(GraphError)
  })

  test('missing is an error only when required', () => {
    expect(() => verifyProof(new Map(), 't', 's', nowMs, false)).not.toThrow()
    expect(() => verifyProof(new Map(), 't', 's', nowMs, true)).toThrow(
      /require an appsecret_proof/,
    )
  })
})
