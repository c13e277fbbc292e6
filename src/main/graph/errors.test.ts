import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { isErrorCode, type ErrorCode } from '@shared/result'
import { mapGraphFailure } from './errors'
import { canaryToken } from '../../../tests/support/node/canaries'

/**
 * REL-07: every code and subcode of docs/graph-api.md §6.2 maps to a plain-language error with a
 * next step.
 */
const body = (
  code: number,
  subcode?: number,
  message = `(#${code}) secret-echo-123`,
  extra = {},
) => ({
  error: {
    message,
    type: 'OAuthException',
    code,
    ...(subcode !== undefined ? { error_subcode: subcode } : {}),
    fbtrace_id: 'A1b2C3',
    ...extra,
  },
})

type Case = [code: number, subcode: number | undefined, expected: ErrorCode, retry: string]

const CATALOGUE: Case[] = [
  [1, undefined, 'graph-unavailable', 'transient'],
  [2, undefined, 'graph-unavailable', 'transient'],
  [3, undefined, 'permission-denied', 'never'],
  [4, undefined, 'rate-limited', 'throttle'],
  [10, undefined, 'permission-denied', 'never'],
  [10, 2859030, 'graph-error', 'never'],
  [17, undefined, 'rate-limited', 'throttle'],
  [17, 2446079, 'rate-limited', 'throttle'],
  [32, undefined, 'rate-limited', 'throttle'],
  [100, undefined, 'graph-invalid-request', 'never'],
  [100, 33, 'not-found', 'never'],
  [102, undefined, 'auth-invalid', 'never'],
  [104, undefined, 'auth-invalid', 'never'],
  [110, undefined, 'not-found', 'never'],
  [190, undefined, 'auth-invalid', 'never'],
  [190, 458, 'auth-invalid', 'never'],
  [190, 459, 'auth-invalid', 'never'],
  [190, 460, 'auth-invalid', 'never'],
  [190, 463, 'auth-expired', 'never'],
  [190, 464, 'auth-invalid', 'never'],
  [190, 467, 'auth-invalid', 'never'],
  [190, 492, 'auth-invalid', 'never'],
  [200, undefined, 'permission-denied', 'never'],
  [230, undefined, 'permission-denied', 'never'],
  [299, undefined, 'permission-denied', 'never'],
  [341, undefined, 'rate-limited', 'never'],
  [368, undefined, 'graph-error', 'never'],
  [415, undefined, 'two-factor-required', 'never'],
  [415, 2859009, 'two-factor-required', 'never'],
  [452, undefined, 'auth-invalid', 'never'],
  [506, undefined, 'conflict', 'never'],
  [613, undefined, 'rate-limited', 'throttle'],
  [613, 1996, 'rate-limited', 'throttle'],
  [2500, undefined, 'auth-invalid', 'never'],
  [2620, undefined, 'graph-invalid-request', 'never'],
  [2635, undefined, 'graph-invalid-request', 'never'],
  [3919, undefined, 'graph-unavailable', 'never'],
  [3962, undefined, 'graph-invalid-request', 'never'],
  ...Array.from({ length: 15 }, (_, offset): Case => [
    80000 + offset,
    undefined,
    'rate-limited',
    'throttle',
  ]),
  [80004, 2446079, 'rate-limited', 'throttle'],
]

describe('mapGraphFailure: the fixture catalogue (REL-07)', () => {
  it.each(CATALOGUE)('maps %i/%s to %s', (code, subcode, expected, retry) => {
    const failure = mapGraphFailure(400, body(code, subcode))
    expect(failure.error.code).toBe(expected)
    expect(failure.retry).toBe(retry)
    expect(isErrorCode(failure.error.code)).toBe(true)
    expect(en[failure.error.messageKey], failure.error.messageKey).toBeTypeOf('string')
    expect(failure.error.hintKey, 'every Graph error has a next step').toBeDefined()
    expect(en[failure.error.hintKey!], failure.error.hintKey).toBeTypeOf('string')
    expect(failure.error.fbtraceId).toBe('A1b2C3')
    expect(failure.error.graphCode).toBe(code)
    expect(failure.error.graphSubcode).toBe(subcode)
    // Meta's message may echo input: it must not travel in the AppError.
    expect(JSON.stringify(failure.error)).not.toContain('secret-echo-123')
  })

  it('gives each 190 subcode and each BUC product its own explanation', () => {
    const keys = (pairs: [number, number | undefined][]) =>
      new Set(pairs.map(([code, sub]) => mapGraphFailure(400, body(code, sub)).error.messageKey))
    expect(keys([463, 467, 458, 459, 460, 464, 492].map((sub) => [190, sub])).size).toBe(7)
    expect(
      keys(
        [80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009].map((c) => [c, undefined]),
      ).size,
    ).toBe(9)
  })

  it('recognises the appsecret_proof texts, the Page task enum error and a bad client secret', () => {
    const missing = mapGraphFailure(
      400,
      body(100, undefined, 'API calls from the server require an appsecret_proof argument'),
    )
    expect(missing.error.messageKey).toBe('graph.code.proofMissing')
    const invalid = mapGraphFailure(
      400,
      body(100, undefined, 'Invalid appsecret_proof provided in the API argument'),
    )
    expect(invalid.error.messageKey).toBe('graph.code.proofInvalid')
    const tasks = mapGraphFailure(
      400,
      body(
        100,
        undefined,
        "Your request has violated JSON schema constraint 'enum' for the JSON field 'tasks.0'",
      ),
    )
    expect(tasks.error.messageKey).toBe('graph.code.taskNotAccepted')
    const secret = mapGraphFailure(400, body(1, undefined, 'Error validating client secret.'))
    expect(secret.error.code).toBe('auth-invalid')
    expect(secret.retry).toBe('never')
  })

  it.each([
    [
      "(#100) This business has reached its limit of 1 system user for the app's tier.",
      'quota-reached',
      'graph.code.systemUserLimit',
    ],
    [
      '(#100) A business can have only one admin system user.',
      'quota-reached',
      'graph.code.adminSystemUserLimit',
    ],
    [
      '(#100) App 1 is not installed for this system user. Install the app first.',
      'graph-invalid-request',
      'graph.code.appNotInstalledOnSystemUser',
    ],
    [
      '(#100) App 1 is not owned by business 2.',
      'graph-invalid-request',
      'graph.code.appNotInBusiness',
    ],
    [
      '(#100) This business must use expiring tokens: set set_token_expires_in_60_days.',
      'graph-invalid-request',
      'graph.code.neverExpiringRefused',
    ],
  ])('recognises code 100 text %#', (message, code, messageKey) => {
    const failure = mapGraphFailure(400, body(100, undefined, message))
    expect(failure.error).toMatchObject({ code, messageKey })
    expect(en[failure.error.hintKey!]).toBeTypeOf('string')
  })

  it('recognises a missing token (104)', () => {
    const failure = mapGraphFailure(
      400,
      body(104, undefined, 'An access token is required to request this resource.'),
    )
    expect(failure.error).toMatchObject({
      code: 'auth-invalid',
      messageKey: 'graph.code.tokenMissing',
    })
  })

  it('still explains an unknown code, with its number', () => {
    const failure = mapGraphFailure(400, body(12345))
    expect(failure.error).toMatchObject({
      code: 'graph-error',
      messageKey: 'graph.code.unknown',
      params: { code: 12345 },
      graphCode: 12345,
    })
    expect(mapGraphFailure(500, body(12345)).retry).toBe('transient')
  })

  it('passes error_user_msg only after redaction, and shortened', () => {
    const token = canaryToken()
    const failure = mapGraphFailure(
      400,
      body(100, undefined, 'x', {
        error_user_msg: `Your token ${token} is bad. ${'x'.repeat(500)}`,
      }),
    )
    const detail = String(failure.error.params?.detail)
    expect(detail).toContain('Your token')
    expect(detail).not.toContain(token)
    expect(detail.length).toBeLessThanOrEqual(300)
  })

  it('keeps Meta’s words for end users: the title and the message, both redacted', () => {
    const token = canaryToken()
    const failure = mapGraphFailure(
      400,
      body(100, undefined, '(#100) Invalid parameter', {
        error_user_title: `Token ${token} refused`,
        error_user_msg: 'Try again with another value.',
      }),
    )
    expect(failure.error.params).toMatchObject({ detail: 'Try again with another value.' })
    expect(String(failure.error.params?.metaTitle)).toContain('refused')
    expect(String(failure.error.params?.metaTitle)).not.toContain(token)
    expect(mapGraphFailure(400, body(100)).error.params).toStrictEqual({ code: 100 })
  })

  it('recognises the system-user limit from Meta’s words when its message is generic', () => {
    const answers = [
      { error_user_title: 'System user limit reached' },
      { error_user_msg: 'You have reached the maximum number of system users for this business.' },
      { error_user_title: 'Limit reached', error_user_msg: 'No more system users can be added.' },
    ]
    for (const words of answers) {
      const failure = mapGraphFailure(400, body(100, undefined, '(#100) Invalid parameter', words))
      expect(failure.error).toMatchObject({
        code: 'quota-reached',
        messageKey: 'graph.code.systemUserLimit',
        hintKey: 'graph.hint.systemUserLimit',
      })
    }
    // Without those words, the generic message stays a generic invalid value.
    expect(
      mapGraphFailure(400, body(100, undefined, '(#100) Invalid parameter')).error.messageKey,
    ).toBe('graph.code.invalidParameter')
  })

  it('drops a trace id that does not look like one', () => {
    const failure = mapGraphFailure(
      400,
      body(100, undefined, 'x', { fbtrace_id: `<script>${'a'.repeat(100)}` }),
    )
    expect(failure.error.fbtraceId).toBeUndefined()
  })

  it('handles statuses without a Graph error body', () => {
    expect(mapGraphFailure(503, undefined)).toMatchObject({
      error: { code: 'graph-unavailable', params: { status: 503 } },
      retry: 'transient',
    })
    expect(mapGraphFailure(429, undefined)).toMatchObject({
      error: { code: 'rate-limited' },
      retry: 'throttle',
    })
    expect(mapGraphFailure(404, '<html>')).toMatchObject({
      error: { code: 'graph-error', params: { status: 404 } },
      retry: 'never',
    })
    expect(mapGraphFailure(400, { error: { message: 'no code' } }).error.code).toBe('graph-error')
  })

  it('reads codes sent as strings', () => {
    expect(mapGraphFailure(400, { error: { code: '190', error_subcode: '463' } }).error.code).toBe(
      'auth-expired',
    )
  })
})
