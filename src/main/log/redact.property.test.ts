import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLogger, memorySink } from './logger'
import { forgetSecret, redactText, redactValue, registerSecret } from './redact'

/**
 * SEC-13: canaries shaped like real secrets — `EAAG` + 180 base62 tokens, 32-hex app secrets,
 * 64-hex proofs and `appid|secret` app tokens — hidden in random text, JSON, URLs and error stacks
 * never survive redaction. These canaries are NOT registered: the patterns alone must catch them.
 */
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const HEX = '0123456789abcdef'

const token = fc
  .string({ unit: fc.constantFrom(...BASE62), minLength: 180, maxLength: 180 })
  .map((rest) => `EAAG${rest}`)
const hex = (length: number) =>
  fc.string({
    unit: fc.constantFrom(...HEX, ...HEX.toUpperCase()),
    minLength: length,
    maxLength: length,
  })
const appId = fc.bigInt({ min: 10_000n, max: 10n ** 17n }).map(String)
const canary = fc.oneof(
  token,
  hex(32),
  hex(64),
  fc.tuple(appId, hex(32)).map(([id, secret]) => `${id}|${secret}`),
)

/** Filler a canary can hide in: words, punctuation, unicode, and letters glued right onto it. */
const filler = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', 'x', 'Z9', '=', ':', '"', "'", '&', '/', '\n', 'token ', 'Bearer '),
)

const inText = fc.tuple(filler, canary, filler).map(([before, secret, after]) => ({
  secret,
  text: `${before}${secret}${after}`,
}))

const inJson = fc
  .tuple(fc.string({ maxLength: 12 }), canary, fc.jsonValue({ maxDepth: 2 }))
  .map(([key, secret, other]) => ({
    secret,
    text: JSON.stringify({ other, nested: { [key || 'k']: secret, list: [other, secret] } }),
  }))

const inUrl = fc
  .tuple(
    canary,
    fc.constantFrom(
      'access_token',
      'input_token',
      'fb_exchange_token',
      'client_secret',
      'revoke_token',
      'appsecret_proof',
      'q',
    ),
    fc.webPath(),
    fc.boolean(),
  )
  .map(([secret, name, path, encode]) => ({
    secret,
    text: `https://graph.facebook.com/v27.0${path}?a=1&${name}=${encode ? encodeURIComponent(secret) : secret}&b=2`,
  }))

const inStack = fc.tuple(filler, canary).map(([before, secret]) => {
  const error = new Error(`request failed: ${before}${secret}`)
  return {
    secret,
    text: `${error.stack ?? ''}\ncaused by ${JSON.stringify({ message: error.message })}`,
  }
})

const leaks = (output: string, secret: string): boolean =>
  output.includes(secret) ||
  output.includes(encodeURIComponent(secret)) ||
  // The secret half of an app token is a secret on its own.
  (secret.includes('|') && output.includes(secret.split('|')[1]!))

describe('redactor property (SEC-13)', () => {
  it('leaves no canary in text, JSON, URLs or stacks (10,000 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(inText, inJson, inUrl, inStack), ({ secret, text }) => {
        expect(leaks(redactText(text), secret)).toBe(false)
      }),
      { numRuns: 10_000 },
    )
  })

  it('leaves no canary in structured log fields, errors and keys (2,000 cases)', () => {
    fc.assert(
      fc.property(canary, fc.string({ maxLength: 10 }), (secret, key) => {
        const sink = memorySink()
        const log = createLogger([sink], 'debug')
        log.error(`failed ${secret}`, {
          [`${key}${secret}`]: 1,
          detail: { deep: [{ value: `x${secret}` }] },
          error: new Error(`boom ${secret}`),
        })
        expect(leaks(sink.lines.join('\n'), secret)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('masks registered secrets of any shape, longest first (2,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }),
        filler,
        filler,
        (secret, before, after) => {
          fc.pre(!'[redacted]'.includes(secret))
          const longer = `${secret}${secret.slice(0, 4)}`
          registerSecret(secret)
          registerSecret(longer)
          try {
            const output = redactText(`${before}${longer}${after} and ${secret}`)
            expect(output.includes(secret)).toBe(false)
            expect(output.includes(secret.slice(0, 4) + '[redacted]')).toBe(false)
          } finally {
            forgetSecret(secret)
            forgetSecret(longer)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('still lets ordinary text through', () => {
    expect(redactText('GET me/businesses status 200 in 12 ms')).toBe(
      'GET me/businesses status 200 in 12 ms',
    )
    expect(redactValue({ path: '104000000000002/system_users', attempt: 2 })).toEqual({
      path: '104000000000002/system_users',
      attempt: 2,
    })
  })
})
