import { describe, expect, it } from 'vitest'
import { hasSecretParams, isSecretParam, parseNextUrl } from './request-encoding'

const BASE = 'https://graph.facebook.com'

describe('secret parameters, however they are spelled (SEC-14)', () => {
  it('are dropped from a paging link in any case or percent-encoding of the name', () => {
    const spellings = [
      'access_token',
      'ACCESS_TOKEN',
      'Access_Token',
      'access%5Ftoken',
      'ACCESS%5fTOKEN',
    ]
    for (const name of spellings) {
      const parsed = parseNextUrl(
        `${BASE}/v27.0/7/owned_pages?after=X&${name}=LEAK&AppSecret_Proof=P`,
        BASE,
      )
      expect(parsed, name).toStrictEqual({ path: '7/owned_pages', params: { after: 'X' } })
    }
  })

  it('are recognised in call parameters too, so such a GET travels in a POST body', () => {
    expect(hasSecretParams({ Input_Token: 'x' })).toBe(true)
    expect(hasSecretParams({ fields: 'id' })).toBe(false)
    expect(isSecretParam(' Client_Secret ')).toBe(true)
    expect(isSecretParam('code_verifier')).toBe(true)
    expect(isSecretParam('after')).toBe(false)
  })
})
