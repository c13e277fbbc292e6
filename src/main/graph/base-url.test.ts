import { describe, expect, it } from 'vitest'
import { chooseGraphBaseUrl, DEFAULT_GRAPH_BASE_URL } from './base-url'

const installed = { packaged: true }
const development = { packaged: false }

describe('GRAPH_API_BASE_URL', () => {
  it('defaults to Meta when unset or blank', () => {
    for (const value of [undefined, '', '   ']) {
      expect(chooseGraphBaseUrl(value, installed)).toStrictEqual({ url: DEFAULT_GRAPH_BASE_URL })
    }
  })

  it('an installed app honours only https on a Meta Graph host', () => {
    expect(chooseGraphBaseUrl('https://graph.beta.facebook.com/', installed)).toStrictEqual({
      url: 'https://graph.beta.facebook.com',
    })
    expect(chooseGraphBaseUrl('https://graph.facebook.com', installed).refused).toBeUndefined()
    const refused: [string, string][] = [
      ['http://127.0.0.1:4000', 'not-https'],
      ['http://graph.facebook.com', 'not-https'],
      ['https://evil.example', 'not-meta'],
      ['https://graph.facebook.com.evil.example', 'not-meta'],
      ['https://evilgraph.facebook.com', 'not-meta'],
      ['https://www.facebook.com', 'not-meta'],
      ['https://graph.facebook.com:8443', 'not-meta'],
      ['https://user:pass@graph.facebook.com', 'credentials'],
      ['https://graph.facebook.com/?u=https://evil.example', 'not-a-url'],
      ['graph.facebook.com', 'not-a-url'],
      ['file:///etc/passwd', 'not-https'],
    ]
    for (const [value, reason] of refused) {
      expect(chooseGraphBaseUrl(value, installed), value).toStrictEqual({
        url: DEFAULT_GRAPH_BASE_URL,
        refused: reason,
      })
    }
  })

  it('a development build also takes a simulator on loopback, never plain http elsewhere', () => {
    expect(chooseGraphBaseUrl('http://127.0.0.1:4000/', development)).toStrictEqual({
      url: 'http://127.0.0.1:4000',
    })
    expect(chooseGraphBaseUrl('http://localhost:9', development).refused).toBeUndefined()
    expect(chooseGraphBaseUrl('https://graph.example.test', development).refused).toBeUndefined()
    expect(chooseGraphBaseUrl('http://10.0.0.5:4000', development).refused).toBe('not-https')
    expect(chooseGraphBaseUrl('http://u:p@127.0.0.1:4000', development).refused).toBe('credentials')
  })
})
