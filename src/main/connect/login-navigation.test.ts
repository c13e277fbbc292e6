import { describe, expect, it } from 'vitest'
import {
  createLoginNavigationPolicy,
  createLoginRequestPolicy,
  isMetaLoginUrl,
} from './login-navigation'

const REAL_DIALOG = 'https://www.facebook.com/v27.0/dialog/oauth?client_id=1'
const PRACTICE_DIALOG = 'http://127.0.0.1:40123/v27.0/dialog/oauth?client_id=1'

describe('isMetaLoginUrl', () => {
  it.each([
    'https://www.facebook.com/login.php',
    'https://facebook.com/',
    'https://m.facebook.com/checkpoint/',
    'https://web.facebook.com/dialog/oauth',
    'https://auth.meta.com/',
    'https://WWW.FACEBOOK.COM/x',
  ])('allows %s', (url) => {
    expect(isMetaLoginUrl(url)).toBe(true)
  })

  it.each([
    'http://www.facebook.com/',
    'https://www.facebook.com.evil.test/',
    'https://evilfacebook.com/',
    'https://www.facebook.com@evil.test/',
    'https://user:pw@www.facebook.com/',
    'https://www.facebook.com:8443/',
    'https://evil.test/?next=https://www.facebook.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isMetaLoginUrl(url)).toBe(false)
  })
})

describe('navigation policy', () => {
  it('real dialog: Meta only', () => {
    const may = createLoginNavigationPolicy(REAL_DIALOG)
    expect(may('https://www.facebook.com/login/device-based/')).toBe(true)
    expect(may('http://127.0.0.1:40123/v27.0/dialog/oauth')).toBe(false)
  })

  it('practice dialog: its own loopback origin too, and nothing else on loopback', () => {
    const may = createLoginNavigationPolicy(PRACTICE_DIALOG)
    expect(may('http://127.0.0.1:40123/dialog/oauth/confirm')).toBe(true)
    expect(may('http://127.0.0.1:40124/')).toBe(false)
    expect(may('http://localhost:40123/')).toBe(false)
    expect(may('https://www.facebook.com/')).toBe(true)
  })
})

describe('request policy', () => {
  it('lets the page load https, wss, data and blob, and the dialog’s origin', () => {
    const may = createLoginRequestPolicy(PRACTICE_DIALOG)
    for (const url of [
      'https://static.xx.fbcdn.net/rsrc.php/x.js',
      'wss://edge-chat.facebook.com/',
      'data:image/png;base64,AAAA',
      'blob:https://www.facebook.com/1234',
      'http://127.0.0.1:40123/v27.0/dialog/oauth',
    ]) {
      expect(may(url), url).toBe(true)
    }
    for (const url of [
      'http://example.test/',
      'file:///etc/passwd',
      'app://vault/index.html',
      'ftp://x/',
    ]) {
      expect(may(url), url).toBe(false)
    }
  })
})
