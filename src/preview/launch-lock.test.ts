import { afterEach, describe, expect, it } from 'vitest'
import { makeCanaryPreviewSecret } from '../../tests/fixtures/canaries'
import { redactText } from '../main/log/redact'
import { cookieValues, createLaunchLock, LAUNCH_SECRET_PARAM, type LaunchLock } from './launch-lock'

const locks: LaunchLock[] = []
const lockOn = (port: number): LaunchLock => {
  const lock = createLaunchLock(port)
  locks.push(lock)
  return lock
}
afterEach(() => {
  for (const lock of locks.splice(0)) lock.dispose()
})

const secretOf = (lock: LaunchLock): string =>
  lock.fragment.slice(`#${LAUNCH_SECRET_PARAM}=`.length)

/** The cookie a browser would send back after the exchange: `name=value`, attributes dropped. */
const cookieFrom = (setCookie: string | null): string => (setCookie ?? '').split(';', 1)[0] ?? ''

describe('the launch lock', () => {
  it('puts a 32-byte base64url launch secret in the fragment', () => {
    const lock = lockOn(5199)
    expect(lock.fragment).toMatch(/^#k=[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(secretOf(lock), 'base64url')).toHaveLength(32)
  })

  it('trades the right secret for an HttpOnly, SameSite=Strict cookie on Path=/ named after the port', () => {
    const lock = lockOn(5199)
    const setCookie = lock.exchange(secretOf(lock))
    expect(setCookie).toMatch(
      /^sua-preview-5199=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/,
    )
    expect(lock.cookieName).toBe('sua-preview-5199')
    // The cookie is its own value: holding it does not give away the launch secret.
    expect(setCookie).not.toContain(secretOf(lock))
  })

  it('may be traded again while the server runs (a second tab), for the same session', () => {
    const lock = lockOn(5199)
    expect(lock.exchange(secretOf(lock))).toBe(lock.exchange(secretOf(lock)))
  })

  it.each<[string, (secret: string) => unknown]>([
    ['a look-alike secret', () => makeCanaryPreviewSecret()],
    [
      'the secret with one character changed',
      (s) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`,
    ],
    ['a prefix of the secret', (s) => s.slice(0, 20)],
    ['the secret with more after it', (s) => `${s}x`],
    ['the whole fragment', (s) => `#k=${s}`],
    ['an empty string', () => ''],
    ['a number', () => 42],
    ['an object', (s) => ({ secret: s })],
    ['null', () => null],
    ['a huge string', () => 'x'.repeat(10_000)],
  ])('refuses %s', (_name, candidate) => {
    const lock = lockOn(5199)
    expect(lock.exchange(candidate(secretOf(lock)))).toBeNull()
  })

  it('admits only the cookie of its own launch', () => {
    const lock = lockOn(5199)
    const cookie = cookieFrom(lock.exchange(secretOf(lock)))
    const value = cookie.slice('sua-preview-5199='.length)
    expect(lock.admits(cookie)).toBe(true)
    expect(lock.admits(`theme=dark; ${cookie}; other=1`)).toBe(true)
    expect(lock.admits(undefined)).toBe(false)
    expect(lock.admits('')).toBe(false)
    expect(lock.admits(`sua-preview-5199=${makeCanaryPreviewSecret()}`)).toBe(false)
    expect(lock.admits(`sua-preview-5199=${secretOf(lock)}`)).toBe(false)
    expect(lock.admits(`sua-preview-5200=${value}`)).toBe(false)
    expect(lock.admits(`xsua-preview-5199=${value}`)).toBe(false)
    expect(lock.admits(`sua-preview-5199=${value}x`)).toBe(false)
  })

  it('refuses a header that names the cookie more often than a browser would', () => {
    const lock = lockOn(5199)
    const cookie = cookieFrom(lock.exchange(secretOf(lock)))
    const guesses = Array.from({ length: 8 }, () => `sua-preview-5199=${makeCanaryPreviewSecret()}`)
    expect(lock.admits([...guesses.slice(0, 3), cookie].join('; '))).toBe(true)
    expect(lock.admits([...guesses, cookie].join('; '))).toBe(false)
  })

  it('makes new values at every launch: an earlier launch’s secret and cookie open nothing', () => {
    const earlier = lockOn(5199)
    const staleSecret = secretOf(earlier)
    const staleCookie = cookieFrom(earlier.exchange(staleSecret))
    earlier.dispose()
    const current = lockOn(5199)
    expect(secretOf(current)).not.toBe(staleSecret)
    expect(current.exchange(staleSecret)).toBeNull()
    expect(current.admits(staleCookie)).toBe(false)
  })

  it('masks both values in log text until the launch ends', () => {
    const lock = lockOn(5199)
    const secret = secretOf(lock)
    const value = cookieFrom(lock.exchange(secret)).split('=')[1] ?? ''
    expect(redactText(`opened ${secret} with ${value}`)).toBe('opened [redacted] with [redacted]')
    lock.dispose()
    expect(redactText(`opened ${secret}`)).toBe(`opened ${secret}`)
  })
})

describe('cookieValues', () => {
  it('reads every value of one name and nothing else', () => {
    expect(cookieValues('a=1; b=2;a=3 ; ab=4', 'a')).toEqual(['1', '3'])
    expect(cookieValues(undefined, 'a')).toEqual([])
    expect(cookieValues('a', 'a')).toEqual([])
  })
})
