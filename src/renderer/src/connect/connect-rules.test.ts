import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { PRACTICE_CONNECTION } from '@test-support/renderer/connect-fixtures'
import { CONNECT_SCREENS, nextScreen, type ConnectFlowEvent } from './connect-flow'
import {
  appFieldErrors,
  appIdProblem,
  appSecretProblem,
  firstInvalidField,
  tokenProblem,
} from './connect-validation'
import {
  expiryWords,
  PREFLIGHT_STATUS_KEYS,
  TOKEN_KIND_KEYS,
  verificationKey,
} from './connect-words'

// Built at run time so the repository holds no secret-shaped literal (security gate SEC-12).
const HEX32 = '0123456789abcdef'.repeat(2)

describe('the Connect flow’s transitions', () => {
  it('starts where the admin left off', () => {
    const start = (connection: typeof PRACTICE_CONNECTION | null): ConnectFlowEvent => ({
      type: 'started',
      connection,
    })
    expect(nextScreen('overview', start(null))).toBe('connect')
    expect(nextScreen('overview', start(PRACTICE_CONNECTION))).toBe('businesses')
    expect(nextScreen('overview', start({ ...PRACTICE_CONNECTION, businessId: '1' }))).toBe(
      'preflight',
    )
  })

  it('moves forward one screen per event and back where it says', () => {
    expect(nextScreen('connect', { type: 'connected' })).toBe('businesses')
    expect(nextScreen('businesses', { type: 'business-chosen' })).toBe('preflight')
    expect(nextScreen('preflight', { type: 'add-system-user-requested' })).toBe('next')
    expect(nextScreen('preflight', { type: 'business-change-requested' })).toBe('businesses')
    expect(nextScreen('next', { type: 'back-to-preflight-requested' })).toBe('preflight')
  })

  it('leaves from anywhere, and disconnecting inside the flow starts it over', () => {
    for (const screen of CONNECT_SCREENS) {
      expect(nextScreen(screen, { type: 'left' })).toBe('overview')
      expect(nextScreen(screen, { type: 'disconnected' })).toBe(
        screen === 'overview' ? 'overview' : 'connect',
      )
    }
  })

  it('ignores events that make no sense on a screen', () => {
    expect(nextScreen('connect', { type: 'business-chosen' })).toBe('connect')
    expect(nextScreen('businesses', { type: 'add-system-user-requested' })).toBe('businesses')
    expect(nextScreen('next', { type: 'connected' })).toBe('next')
    expect(nextScreen('preflight', { type: 'started', connection: null })).toBe('preflight')
  })
})

describe('the Connect form’s shape checks', () => {
  it('accepts an app ID of digits only, trimmed', () => {
    expect(appIdProblem(' 123456789012345 ')).toBeNull()
    expect(appIdProblem('')).toBe('connect.app.idRequired')
    expect(appIdProblem('   ')).toBe('connect.app.idRequired')
    expect(appIdProblem('12 34')).toBe('connect.app.idDigits')
    expect(appIdProblem('app-123')).toBe('connect.app.idDigits')
    expect(appIdProblem('1'.repeat(33))).toBe('connect.app.idDigits')
  })

  it('accepts an app secret of exactly 32 of 0-9 a-f', () => {
    expect(appSecretProblem(HEX32)).toBeNull()
    expect(appSecretProblem(` ${HEX32}\n`)).toBeNull()
    expect(appSecretProblem('')).toBe('connect.app.secretRequired')
    expect(appSecretProblem(HEX32.slice(1))).toBe('connect.app.secretShape')
    expect(appSecretProblem(`${HEX32}0`)).toBe('connect.app.secretShape')
    expect(appSecretProblem(HEX32.toUpperCase())).toBe('connect.app.secretShape')
    expect(appSecretProblem(`g${HEX32.slice(1)}`)).toBe('connect.app.secretShape')
  })

  it('accepts a token that is one unbroken line within the contract’s bound', () => {
    expect(tokenProblem(' EAAGabc123_-\n')).toBeNull()
    expect(tokenProblem('')).toBe('connect.paste.required')
    expect(tokenProblem('EAAG abc')).toBe('connect.paste.spaces')
    expect(tokenProblem('a'.repeat(4096))).toBeNull()
    expect(tokenProblem('a'.repeat(4097))).toBe('connect.paste.tooLong')
  })

  it('lists every field problem and finds the first in screen order', () => {
    const errors = appFieldErrors('x', '')
    expect(errors).toEqual({
      appId: 'connect.app.idDigits',
      appSecret: 'connect.app.secretRequired',
    })
    expect(firstInvalidField(errors)).toBe('appId')
    expect(
      firstInvalidField({ token: 'connect.paste.required', appSecret: 'connect.app.secretShape' }),
    ).toBe('appSecret')
    expect(firstInvalidField({})).toBeNull()
  })
})

describe('the Connect screens’ words', () => {
  const now = new Date('2026-11-01T12:00:00.000Z')
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString()

  it('says when the sign-in expires, in days', () => {
    expect(expiryWords(null, now)).toEqual({ key: 'connect.summary.expiresNever' })
    expect(expiryWords(at(-1), now).key).toBe('connect.summary.expired')
    expect(expiryWords(at(0), now).key).toBe('connect.summary.expired')
    expect(expiryWords(at(5), now).key).toBe('connect.summary.expiresToday')
    expect(expiryWords(at(30), now).key).toBe('connect.summary.expiresTomorrow')
    expect(expiryWords(at(24 * 59 + 12), now)).toEqual({
      key: 'connect.summary.expiresInDays',
      params: { days: 59, date: 'Dec 31, 2026' },
    })
  })

  it('puts every verification status Meta sends into words, and unknown ones neutrally', () => {
    expect(verificationKey('verified')).toBe('connect.verification.verified')
    expect(verificationKey('VERIFIED')).toBe('connect.verification.verified')
    expect(verificationKey('not_verified')).toBe('connect.verification.notVerified')
    expect(verificationKey('pending_need_more_info')).toBe('connect.verification.pending')
    expect(verificationKey('rejected')).toBe('connect.verification.failed')
    expect(verificationKey('something_new')).toBe('connect.verification.unknown')
  })

  it('has a word for every preflight status and token kind', () => {
    for (const key of [
      ...Object.values(PREFLIGHT_STATUS_KEYS),
      ...Object.values(TOKEN_KIND_KEYS),
    ]) {
      expect(en[key]).toBeTruthy()
    }
  })
})
