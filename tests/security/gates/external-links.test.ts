import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REDIRECTOR_PAYLOADS } from '../../fixtures/external-links-redirectors'
import { resultOf } from '../gate'
import {
  HANDWRITTEN_PAYLOADS,
  hostileUrl,
  REQUIRED_HOSTS,
} from '../../fixtures/hostile-urls'
import {
  checkExternalLinks,
  externalLinksGate,
  type LinkOpener,
  type OpenerHarness,
} from './external-links'

/** A harness around openers written here, for the cases where the gate must turn red. */
function fakeHarness(decide: (url: string) => boolean): OpenerHarness {
  const opened: string[] = []
  const opener: LinkOpener = {
    name: 'fake',
    offer: async (url) => {
      if (!decide(url)) return false
      opened.push(url)
      return true
    },
  }
  const appLinks = {
    fixed: ['https://business.facebook.com/', 'https://developers.facebook.com/apps/'],
    generated: fc
      .stringMatching(/^[1-9][0-9]{0,16}$/)
      .map((id) => `https://business.facebook.com/settings/people?business_id=${id}`),
  }
  return { openers: [opener], appLinks, opened, dispose: async () => undefined }
}

/** The check this gate replaced: https, no credentials or port, one of three hosts. */
const hostOnly = (raw: string) => {
  try {
    const url = new URL(raw)
    return (
      url.protocol === 'https:' &&
      url.href === raw &&
      url.username === '' &&
      url.port === '' &&
      (REQUIRED_HOSTS as readonly string[]).includes(url.hostname)
    )
  } catch {
    return false
  }
}

const errorCodes = (findings: readonly { code: string; level: string }[]) =>
  [...new Set(findings.filter((f) => f.level === 'error').map((f) => f.code))].sort()

const small = { seed: 42, runs: 300, redirectorRuns: 200, allowedRuns: 50 }

describe('the SEC-05 external-links gate', () => {
  it('passes on this tree: 10,000 hostile URLs and 2,000 redirectors refused, app links opened', async () => {
    const result = await externalLinksGate.run({ root: process.cwd(), reportsDir: '' })
    expect(result.findings).toStrictEqual([])
    expect(result.status).toBe('pass')
    expect(result.figures).toMatchObject({
      openers: 'window-open, link-open',
      generatedCases: 10_000,
      accepted: 0,
      handwrittenRejected: '28 of 28',
      redirectorPayloadsRejected: `${REDIRECTOR_PAYLOADS.length} of ${REDIRECTOR_PAYLOADS.length}`,
      generatedRedirectorCases: 2_000,
      openExternalCallsOnRejected: 0,
      appLinksOpened: '11 of 11',
      allowedOpened: '511 of 511',
    })
  }, 120_000)

  it('turns red on an opener that accepts everything', async () => {
    const { figures, findings } = await checkExternalLinks(
      fakeHarness(() => true),
      small,
    )
    expect(errorCodes(findings)).toStrictEqual([
      'hostile-url-opened',
      'payload-accepted',
      'redirector-accepted',
      'redirector-opened',
      'urls-accepted',
    ])
    expect(figures.openExternalCallsOnRejected).toBe(
      300 + HANDWRITTEN_PAYLOADS.length + REDIRECTOR_PAYLOADS.length + 200,
    )
    expect(resultOf(externalLinksGate, figures, findings).status).toBe('fail')
  })

  it('turns red on the startsWith check security.md warns about', async () => {
    const naive = (url: string) =>
      REQUIRED_HOSTS.some((host) => url.toLowerCase().includes(`https://${host}`))
    const { findings } = await checkExternalLinks(fakeHarness(naive), small)
    expect(errorCodes(findings)).toContain('payload-accepted')
    expect(errorCodes(findings)).toContain('hostile-url-opened')
  })

  it('turns red on the host-only check this gate replaced: redirectors get through', async () => {
    const { figures, findings } = await checkExternalLinks(fakeHarness(hostOnly), small)
    expect(errorCodes(findings)).toContain('redirector-accepted')
    expect(errorCodes(findings)).toContain('redirector-opened')
    expect(figures.redirectorPayloadsRejected).not.toBe(
      `${REDIRECTOR_PAYLOADS.length} of ${REDIRECTOR_PAYLOADS.length}`,
    )
  })

  it('turns red on an opener that refuses everything (the positive control)', async () => {
    const { figures, findings } = await checkExternalLinks(
      fakeHarness(() => false),
      small,
    )
    expect(errorCodes(findings)).toStrictEqual(['allowed-not-opened'])
    expect(figures.allowedOpened).toBe('0 of 52')
    expect(figures.appLinksOpened).toBe('0 of 2')
  })

  it('generates only URLs a strict parser-based check refuses', () => {
    // An independent oracle: the parsed URL must be https on an allowed host and print back as
    // exactly what was given. Every generated URL must fail it, or the generator is mislabelled.
    const strict = (raw: string) => {
      try {
        const url = new URL(raw)
        return (
          raw.length <= 2048 &&
          url.username === '' &&
          url.password === '' &&
          url.protocol === 'https:' &&
          (REQUIRED_HOSTS as readonly string[]).includes(url.host) &&
          (url.href === raw || url.href === `${raw}/`)
        )
      } catch {
        return false
      }
    }
    const generated = fc.sample(hostileUrl, { numRuns: 2_000, seed: 7 })
    expect(generated.filter(strict).slice(0, 5)).toStrictEqual([])
    expect(HANDWRITTEN_PAYLOADS.filter(strict)).toStrictEqual([])
    expect(HANDWRITTEN_PAYLOADS).toHaveLength(28)
  })
})
