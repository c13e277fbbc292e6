import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkAppId, checkAppSecret, checkTokenShape, MAX_TOKEN_LENGTH } from './credential-shape'

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'
const tokenLike = fc
  .array(fc.constantFrom(...TOKEN_CHARS), { minLength: 1, maxLength: MAX_TOKEN_LENGTH })
  .map((chars) => chars.join(''))

const messageOf = (result: ReturnType<typeof checkTokenShape>) =>
  result.ok ? 'ok' : result.error.messageKey

describe('checkTokenShape', () => {
  it('accepts every token made of Meta’s characters, up to the limit, and trims the paste', () => {
    fc.assert(
      fc.property(tokenLike, fc.constantFrom('', ' ', '\n', '\t ', '\r\n'), (token, pad) => {
        expect(checkTokenShape(`${pad}${token}${pad}`)).toStrictEqual({ ok: true, value: token })
      }),
    )
  })

  it('refuses one character too many as oversized, whatever else is wrong with it', () => {
    expect(messageOf(checkTokenShape('a'.repeat(MAX_TOKEN_LENGTH)))).toBe('ok')
    expect(messageOf(checkTokenShape('a'.repeat(MAX_TOKEN_LENGTH + 1)))).toBe(
      'connectMain.error.tokenOversized',
    )
    expect(checkTokenShape('a b'.repeat(600))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', params: { max: MAX_TOKEN_LENGTH } },
    })
  })

  it('refuses any character outside [A-Za-z0-9_-] as malformed (or whitespace, when it is)', () => {
    const foreign = fc
      .string({ minLength: 1, maxLength: 1, unit: 'grapheme' })
      .filter((char) => !TOKEN_CHARS.includes(char) && char.trim() !== '' && char !== '|')
    fc.assert(
      fc.property(tokenLike, foreign, tokenLike, (before, char, after) => {
        const token = `${before}${char}${after}`.slice(0, MAX_TOKEN_LENGTH)
        if (!token.includes(char)) return
        expect(messageOf(checkTokenShape(token))).toBe('connectMain.error.tokenMalformed')
      }),
    )
    expect(messageOf(checkTokenShape('EAAG abc'))).toBe('connectMain.error.tokenWhitespace')
    expect(messageOf(checkTokenShape('EAAG\nabc'))).toBe('connectMain.error.tokenWhitespace')
  })

  it('names an empty paste and an app access token (which carries the app secret)', () => {
    expect(messageOf(checkTokenShape(' \n '))).toBe('connectMain.error.tokenEmpty')
    expect(messageOf(checkTokenShape(`123456789012345|${'f'.repeat(32)}`))).toBe(
      'connectMain.error.tokenIsAppToken',
    )
  })

  it('never echoes the value in the error', () => {
    const result = checkTokenShape('EAAGsecret$value')
    expect(JSON.stringify(result)).not.toContain('secret$value')
  })
})

describe('app id and app secret', () => {
  it.each([
    ['123456789012345', true],
    [' 123456789012345 ', true],
    ['1234', false],
    ['1'.repeat(21), false],
    ['12345678901234a', false],
    ['', false],
  ])('app id %j → %s', (raw, accepted) => {
    expect(checkAppId(raw).ok).toBe(accepted)
  })

  it.each([
    ['0123456789abcdef0123456789ABCDEF', true],
    ['0123456789abcdef0123456789abcde', false],
    ['0123456789abcdef0123456789abcdeff', false],
    ['0123456789abcdef0123456789abcdeg', false],
    ['', false],
  ])('app secret %j → %s', (raw, accepted) => {
    expect(checkAppSecret(raw).ok).toBe(accepted)
  })

  it('says which field is wrong', () => {
    expect(checkAppId('abc')).toMatchObject({
      error: { messageKey: 'connectMain.error.appIdMalformed' },
    })
    expect(checkAppId('')).toMatchObject({ error: { messageKey: 'connectMain.error.appIdEmpty' } })
    expect(checkAppSecret('abc')).toMatchObject({
      error: {
        messageKey: 'connectMain.error.appSecretMalformed',
        hintKey: 'connectMain.hint.findAppSecret',
      },
    })
  })
})
