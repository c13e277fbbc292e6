import fc from 'fast-check'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDispatcher, type Dispatch } from '../ipc/dispatcher'
import { silentLogger } from '../log/logger'
import { createMemorySecretStore } from '../secrets/memory-secret-store'
import { buildServices } from '../services'
import type { KvStore } from '../settings/kv-store'
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings'
import { createInMemoryVaultHost } from '../vault/preview-ports'
import { ALLOWED_EXTERNAL_HOSTS, isAllowedExternalUrl } from './external-links'

const ALLOWED = [...ALLOWED_EXTERNAL_HOSTS]

/** Hostile URLs, each disallowed by construction (the function under test is not the oracle). */
const hostileUrl: fc.Arbitrary<string> = (() => {
  const host = fc.constantFrom(...ALLOWED)
  const path = fc.webPath()
  const evil = fc.oneof(fc.domain(), fc.constantFrom('evil.test', 'attacker.example', '127.0.0.1'))
  const upperSomewhere = (text: string, index: number) => {
    const letters = [...text].map((c, i) => (/[a-z]/.test(c) ? i : -1)).filter((i) => i >= 0)
    const at = letters[index % letters.length]!
    return text.slice(0, at) + text[at]!.toUpperCase() + text.slice(at + 1)
  }
  // Every allowed host has an "o" to swap for a look-alike: Cyrillic (the parser punycodes it) or
  // fullwidth (the parser maps it back to "o", so only the raw-string check can catch it).
  const homoglyph = (text: string, glyph: string) => text.replace('o', glyph)
  return fc.oneof(
    // Schemes that run programs, read files or smuggle script.
    fc
      .tuple(
        fc.constantFrom(
          'javascript:',
          'file:',
          'smb:',
          'ms-msdt:',
          'data:',
          'http:',
          'ftp:',
          'vbscript:',
          'app:',
          'ms-settings:',
          'search-ms:',
        ),
        host,
        path,
      )
      .map(([scheme, h, p]) => `${scheme}//${h}${p}`),
    fc.constantFrom(
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ms-msdt:/id PCWDiagnostic',
      'file:///C:/Windows/System32/calc.exe',
      'smb://evil.test/share',
    ),
    // Suffix, prefix and sub-domain look-alikes.
    fc.tuple(host, evil, path).map(([h, e, p]) => `https://${h}.${e}${p}`),
    fc.tuple(host, fc.domain(), path).map(([h, d, p]) => `https://${d}.${h}${p}`),
    fc.tuple(host, evil, path).map(([h, e, p]) => `https://${e}/${h}${p}`),
    // Credentials that move the real host after "@".
    fc.tuple(host, evil, path).map(([h, e, p]) => `https://${h}@${e}${p}`),
    fc.tuple(host, path).map(([h, p]) => `https://user:pass@${h}${p}`),
    // Ports, including the default one the parser would silently drop.
    fc
      .tuple(host, fc.integer({ min: 0, max: 65535 }), path)
      .map(([h, port, p]) => `https://${h}:${port}${p}`),
    // Mixed case in scheme or host: what we check must be exactly what the browser opens.
    fc.tuple(host, fc.nat(), path).map(([h, i, p]) => `https://${upperSomewhere(h, i)}${p}`),
    fc
      .tuple(host, fc.constantFrom('HTTPS', 'Https', 'hTTps'), path)
      .map(([h, s, p]) => `${s}://${h}${p}`),
    // IDN look-alikes and punycode.
    fc
      .tuple(host, fc.constantFrom('ｏ', 'о', 'ο'), path)
      .map(([h, g, p]) => `https://${homoglyph(h, g)}${p}`),
    fc.tuple(host, path).map(([h, p]) => `https://xn--${h.replaceAll('.', '-')}.com${p}`),
    // Backslashes, which the parser reads as slashes for https.
    fc.tuple(host, evil, path).map(([h, e, p]) => `https://${h}\\@${e}${p}`),
    fc.tuple(host, path).map(([h, p]) => `https:\\\\${h}${p}`),
    // Whitespace and control characters the parser strips.
    fc
      .tuple(host, path, fc.constantFrom(' ', '\t', '\n', '\u0000', '\u001f'))
      .map(([h, p, ws]) => `${ws}https://${h}${p}`),
    fc
      .tuple(host, path, fc.constantFrom(' ', '\t', '\n'))
      .map(([h, p, ws]) => `https://${h}${p}${ws}`),
    // Over the length limit.
    host.map((h) => `https://${h}/${'a'.repeat(2048)}`),
  )
})()

const HAND_WRITTEN = [
  'javascript:alert(document.domain)',
  'JAVASCRIPT:alert(1)',
  'file:///etc/passwd',
  'file://business.facebook.com/etc/passwd',
  'smb://evil.test/share/payload.exe',
  'ms-msdt:/id PCWDiagnostic /skip force /param "IT_RebrowseForFile=?"',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'http://business.facebook.com/',
  'https://business.facebook.com.evil.test/',
  'https://business.facebook.com@evil.test/',
  'https://evil.test@business.facebook.com/',
  'https://business.facebook.com:443/',
  'https://business.facebook.com:8443/',
  'https://Business.facebook.com/',
  'HTTPS://business.facebook.com/',
  'https://busіness.facebook.com/',
  'https://xn--busness-5cg.facebook.com/',
  'https://business.facebook.com\\@evil.test/',
  'https:\\\\business.facebook.com\\',
  'https://facebook.com/',
  'https://m.facebook.com/',
  'https://graph.facebook.com/v23.0/me',
  ' https://business.facebook.com/',
  'https://business.facebook.com/\n',
  '//business.facebook.com/',
]

describe('isAllowedExternalUrl', () => {
  it(`rejects ${HAND_WRITTEN.length} hand-written payloads`, () => {
    expect(HAND_WRITTEN).toHaveLength(25)
    expect(HAND_WRITTEN.filter(isAllowedExternalUrl)).toStrictEqual([])
  })

  it('rejects control and invisible characters anywhere, not only at the ends', () => {
    for (const hidden of ['\u0000', '\u001f', '\u007f', '\u200b', '\u00a0', ' ']) {
      for (const url of [
        `https://developers.facebook.com/${hidden}`,
        `https://developers.facebook.com/docs${hidden}/x`,
        `https://developers.facebook.com/?q=${hidden}`,
      ]) {
        expect(isAllowedExternalUrl(url), JSON.stringify(url)).toBe(false)
      }
    }
  })

  it('accepts 0 hostile URLs in 10,000 generated ones', () => {
    fc.assert(
      fc.property(hostileUrl, (url) => {
        expect(isAllowedExternalUrl(url)).toBe(false)
      }),
      { numRuns: 10_000 },
    )
  })

  it('accepts https pages on the exact Meta hosts', () => {
    expect(isAllowedExternalUrl('https://business.facebook.com')).toBe(true)
    expect(
      isAllowedExternalUrl('https://business.facebook.com/settings/system-users?business_id=1'),
    ).toBe(true)
    expect(
      isAllowedExternalUrl('https://developers.facebook.com/docs/marketing-api/system-users/'),
    ).toBe(true)
    expect(isAllowedExternalUrl('https://www.facebook.com/help/')).toBe(true)
    fc.assert(
      fc.property(fc.constantFrom(...ALLOWED), fc.webPath(), (host, path) => {
        expect(
          isAllowedExternalUrl(`https://${host}${path.startsWith('/') ? path : `/${path}`}`),
        ).toBe(true)
      }),
      { numRuns: 1_000 },
    )
  })
})

describe('app:link-open through the dispatcher', () => {
  let dispatch: Dispatch
  let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>
  let services: ReturnType<typeof buildServices>
  let dataDir: string

  beforeEach(() => {
    openExternal = vi.fn<(url: string) => Promise<void>>(async () => undefined)
    let data: Settings = { ...DEFAULT_SETTINGS }
    const settings: KvStore<Settings> = {
      get: (key) => data[key],
      set: (key, value) => {
        data = { ...data, [key]: value }
      },
    }
    dataDir = mkdtempSync(join(tmpdir(), 'sua-links-'))
    services = buildServices({
      version: '0.1.0',
      secrets: createMemorySecretStore(),
      settings,
      openExternal,
      log: silentLogger,
      dataDir,
      vaultHost: createInMemoryVaultHost(dataDir),
    })
    dispatch = createDispatcher(services.handlers, silentLogger)
  })

  afterEach(async () => {
    await services.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('refuses every hand-written payload and never calls the opener', async () => {
    for (const url of HAND_WRITTEN) {
      const result = await dispatch('app:link-open', { url })
      expect(result.ok).toBe(false)
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('never calls the opener for generated hostile URLs (2,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileUrl, async (url) => {
        expect((await dispatch('app:link-open', { url })).ok).toBe(false)
      }),
      { numRuns: 2_000 },
    )
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('opens an allowed Meta page exactly once', async () => {
    const url = 'https://business.facebook.com/settings/system-users'
    expect(await dispatch('app:link-open', { url })).toStrictEqual({
      ok: true,
      value: { opened: true },
    })
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(openExternal).toHaveBeenCalledWith(url)
  })
})
