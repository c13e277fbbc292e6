import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from './log/logger'
import { installSessionGuards, isAllowedRequestUrl } from './session-guards'
import { FakeSession, type Permission } from '../../tests/support/node/electron-fake'

/** Every permission name Electron 45's session API knows (session.md, setPermissionRequestHandler). */
const ALL_PERMISSIONS = [
  'ar',
  'automatic-fullscreen',
  'background-fetch',
  'background-sync',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'geolocation-approximate',
  'hand-tracking',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'nfc',
  'notifications',
  'openExternal',
  'payment-handler',
  'periodic-background-sync',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'sensors',
  'serial',
  'smart-card',
  'speaker-selection',
  'storage-access',
  'system-wake-lock',
  'top-level-storage-access',
  'usb',
  'vr',
  'web-app-installation',
  'web-printing',
  'window-management',
  'unknown',
] as const satisfies readonly Permission[]

// A permission Electron adds in an upgrade must be added above: this line stops compiling until then.
type Unlisted = Exclude<Permission, (typeof ALL_PERMISSIONS)[number]>
const everyPermissionListed: [Unlisted] extends [never] ? true : Unlisted = true

describe('installSessionGuards', () => {
  let session: FakeSession

  beforeEach(() => {
    session = new FakeSession()
    installSessionGuards(session, { allowDevtools: false }, silentLogger)
  })

  it('the fake grants by default, like Electron without handlers', async () => {
    const bare = new FakeSession()
    expect(await bare.requestPermission('media')).toBe(true)
    expect(bare.checkPermission('media')).toBe(true)
    expect(bare.request('https://evil.test/')).toStrictEqual({})
  })

  it(`denies every permission request (${ALL_PERMISSIONS.length} of ${ALL_PERMISSIONS.length})`, async () => {
    expect(everyPermissionListed).toBe(true)
    const granted = await Promise.all(
      ALL_PERMISSIONS.map((name) => session.requestPermission(name)),
    )
    expect(granted.filter(Boolean)).toHaveLength(0)
    expect(granted).toHaveLength(ALL_PERMISSIONS.length)
  })

  it('denies every permission check', () => {
    expect(ALL_PERMISSIONS.filter((name) => session.checkPermission(name))).toStrictEqual([])
  })

  it('denies every device (hid, serial, usb)', () => {
    expect(session.checkDevice('hid')).toBe(false)
    expect(session.checkDevice('serial')).toBe(false)
    expect(session.checkDevice('usb')).toBe(false)
  })

  it('lets the app origin through', () => {
    expect(session.request('app://vault/index.html')).toStrictEqual({ cancel: false })
    expect(session.request('app://vault/assets/index-abc.js')).toStrictEqual({ cancel: false })
  })

  it('cancels 100% of http, https, ws, wss, file and data URLs (10,000 cases)', () => {
    const scheme = fc.constantFrom('http', 'https', 'ws', 'wss', 'file', 'data', 'HTTP', 'Https')
    const host = fc.oneof(
      fc.domain(),
      fc.constantFrom('vault', 'graph.facebook.com', '127.0.0.1', 'localhost', '[::1]', ''),
    )
    const path = fc.webPath()
    fc.assert(
      fc.property(scheme, host, path, (s, h, p) => {
        const url = s.toLowerCase() === 'data' ? `${s}:text/html,${h}${p}` : `${s}://${h}${p}`
        expect(session.request(url)).toStrictEqual({ cancel: true })
      }),
      { numRuns: 10_000 },
    )
  })

  it('cancels other app hosts, devtools in a packaged build, and garbage', () => {
    for (const url of [
      'app://evil/',
      'app://vault.evil.test/',
      'devtools://devtools/bundled/inspector.html',
      'chrome://settings',
      'blob:app://vault/1',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(session.request(url)).toStrictEqual({ cancel: true })
    }
  })
})

describe('isAllowedRequestUrl', () => {
  it('allows devtools: only when the build allows DevTools', () => {
    const devtools = 'devtools://devtools/bundled/inspector.html'
    expect(isAllowedRequestUrl(devtools, { allowDevtools: true })).toBe(true)
    expect(isAllowedRequestUrl(devtools, { allowDevtools: false })).toBe(false)
    expect(isAllowedRequestUrl('https://evil.test/', { allowDevtools: true })).toBe(false)
    expect(isAllowedRequestUrl('app://vault/', { allowDevtools: false })).toBe(true)
  })
})
