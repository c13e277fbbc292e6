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
import { createInMemoryVaultHost } from '../vault/memory-host'
import { HANDWRITTEN_PAYLOADS, hostileUrl } from '../../../tests/fixtures/hostile-urls'
import {
  REDIRECTOR_PAYLOADS,
  redirectorUrl,
} from '../../../tests/fixtures/external-links-redirectors'
import { metaLinks } from '../connect/meta-links'
import { ALLOWED_EXTERNAL_HOSTS, checkExternalUrl, isAllowedExternalUrl } from './external-links'
import { LINK_PATTERNS, matchesPattern } from './link-patterns'

const ALLOWED_HOSTS = [...ALLOWED_EXTERNAL_HOSTS]

describe('isAllowedExternalUrl', () => {
  it(`rejects ${HANDWRITTEN_PAYLOADS.length} hand-written payloads`, () => {
    expect(HANDWRITTEN_PAYLOADS.length).toBeGreaterThanOrEqual(25)
    expect(HANDWRITTEN_PAYLOADS.filter(isAllowedExternalUrl)).toStrictEqual([])
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

  it(`refuses ${REDIRECTOR_PAYLOADS.length} redirector and URL-carrying payloads`, () => {
    expect(REDIRECTOR_PAYLOADS.filter(isAllowedExternalUrl)).toStrictEqual([])
  })

  it('refuses 2,000 generated URLs whose query carries a URL, on any host and path', () => {
    fc.assert(
      fc.property(redirectorUrl, (url) => {
        expect(isAllowedExternalUrl(url)).toBe(false)
      }),
      { numRuns: 2_000 },
    )
  })

  it('says why a redirector or a carried URL was refused', () => {
    expect(
      checkExternalUrl('https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.test'),
    ).toStrictEqual({ allowed: false, reason: 'redirector' })
    expect(checkExternalUrl('https://www.facebook.com/l.php?u=x')).toStrictEqual({
      allowed: false,
      reason: 'redirector',
    })
    expect(
      checkExternalUrl(
        'https://business.facebook.com/settings/apps?business_id=1&next=//evil.test',
      ),
    ).toStrictEqual({ allowed: false, reason: 'carries-url' })
    expect(checkExternalUrl('https://www.facebook.com/help/')).toStrictEqual({
      allowed: false,
      reason: 'not-on-list',
    })
  })

  it('accepts every page the app links to, and nothing else on the same hosts', () => {
    const id = '1234567890123456'
    const appLinks = [
      ...Object.values(metaLinks).map((link) => link(id)),
      // src/renderer/src/connect/meta-links.ts
      'https://developers.facebook.com/apps/',
      'https://developers.facebook.com/tools/explorer/',
      'https://business.facebook.com/',
    ]
    expect(appLinks.filter((url) => !isAllowedExternalUrl(url))).toStrictEqual([])
    for (const other of [
      'https://business.facebook.com',
      'https://www.facebook.com/help/',
      'https://developers.facebook.com/docs/marketing-api/system-users/',
      'https://business.facebook.com/settings/system-users?business_id=1&business_id=2',
      'https://business.facebook.com/settings/system-users?business_id=abc',
      'https://developers.facebook.com/apps/12/dashboard',
      'https://www.facebook.com/settings/?tab=business_tools&x=1',
    ]) {
      expect(isAllowedExternalUrl(other), other).toBe(false)
    }
    fc.assert(
      fc.property(fc.constantFrom(...ALLOWED_HOSTS), fc.webPath(), (host, path) => {
        const url = `https://${host}${path.startsWith('/') ? path : `/${path}`}`
        // Only a URL written as its parsed form may pass ("/." or "/a/../" are refused as written).
        const canonical = new URL(url).href === url
        expect(isAllowedExternalUrl(url), url).toBe(
          canonical && LINK_PATTERNS.some((p) => matchesPattern(url, p)),
        )
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
    for (const url of HANDWRITTEN_PAYLOADS) {
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
    const url = 'https://business.facebook.com/settings/system-users?business_id=1234567890123456'
    expect(await dispatch('app:link-open', { url })).toStrictEqual({
      ok: true,
      value: { opened: true },
    })
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(openExternal).toHaveBeenCalledWith(url)
  })
})
