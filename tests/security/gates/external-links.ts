import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Logger } from '../../../src/main/log'
import type * as SecretStoreModule from '../../../src/main/secrets'
import type * as ServicesModule from '../../../src/main/services'
import type * as SettingsModule from '../../../src/main/settings'
import type * as MemoryHostModule from '../../../src/main/vault'
import type * as WindowModule from '../../../src/main/window'
import { problem, resultOf, type Finding, type Gate, type GateResult } from '../gate'
import { importFromTree } from '../preload-runtime'
import { HANDWRITTEN_PAYLOADS, hostileUrl } from '../../fixtures/hostile-urls'
import { loadAppLinks, type AppLinks } from './external-links-app-links'
import {
  REDIRECTOR_PAYLOADS,
  redirectorUrl,
} from '../../fixtures/external-links-redirectors'

/**
 * SEC-05: hostile URLs offered to the app's real link openers never reach shell.openExternal.
 * The openers are loaded from the tree being checked (so the self-test's copies are judged, not
 * this checkout) and wired to a spy in place of shell.openExternal: the window-open handler every
 * window gets, and the `app:link-open` IPC handler the renderer's links go through. Besides the
 * shared hostile set, Meta's own redirectors and queries carrying a URL must be refused on every
 * host (tests/fixtures/external-links-redirectors.ts). The links the app builds must still open
 * (external-links-app-links.ts): an opener that refuses everything would pass the negative cases
 * alone.
 */

export const GENERATED_RUNS = 10_000
export const REDIRECTOR_RUNS = 2_000
export const ALLOWED_RUNS = 500
export const MIN_HANDWRITTEN = 25
export const MIN_REDIRECTOR_PAYLOADS = 20
/** Enough examples to act on; the counts carry the rest. */
const MAX_EXAMPLES = 5

/** One way a URL can leave the app. `offer` resolves to whether the path claims it opened it. */
export interface LinkOpener {
  readonly name: string
  offer(url: string): Promise<boolean>
}

export interface OpenerHarness {
  readonly openers: readonly LinkOpener[]
  /** The links the tree's code builds: what must open. */
  readonly appLinks: AppLinks
  /** Every URL that reached shell.openExternal's stand-in, in order. */
  readonly opened: readonly string[]
  dispose(): Promise<void>
}

const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }

/** The real openers of the tree at `root`, with a spy where shell.openExternal would be. */
export async function loadAppOpeners(root: string): Promise<OpenerHarness> {
  const opened: string[] = []
  const openExternal = async (url: string): Promise<void> => {
    opened.push(url)
  }
  const window = await importFromTree<typeof WindowModule>(root, 'src/main/window.ts', true)
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined
  const contents = {
    on: () => contents,
    setWindowOpenHandler: (handler: typeof windowOpen) => {
      windowOpen = handler
    },
  }
  window.attachWindowGuards(
    contents as unknown as WindowModule.GuardedWebContents,
    openExternal,
    quietLogger,
  )

  const [services, secrets, memoryHost, settings] = await Promise.all([
    importFromTree<typeof ServicesModule>(root, 'src/main/services.ts'),
    importFromTree<typeof SecretStoreModule>(root, 'src/main/secrets/index.ts'),
    importFromTree<typeof MemoryHostModule>(root, 'src/main/vault/index.ts'),
    importFromTree<typeof SettingsModule>(root, 'src/main/settings/index.ts'),
  ])
  const dataDir = mkdtempSync(join(tmpdir(), 'sua-links-gate-'))
  let data: SettingsModule.Settings = { ...settings.DEFAULT_SETTINGS }
  const built = services.buildServices({
    version: '0.0.0-gate',
    dataDir,
    secrets: secrets.createMemorySecretStore(),
    settings: {
      get: (key) => data[key],
      set: (key, value) => {
        data = { ...data, [key]: value }
      },
    },
    openExternal,
    log: quietLogger,
    vaultHost: memoryHost.createInMemoryVaultHost(dataDir),
  })
  const linkOpen = built.handlers['app:link-open']
  const appLinks = await loadAppLinks(root)
  const openers: LinkOpener[] = [
    {
      name: 'window-open',
      offer: async (url) => {
        if (!windowOpen) throw new Error('attachWindowGuards set no window-open handler')
        return windowOpen({ url }).action !== 'deny'
      },
    },
    { name: 'link-open', offer: async (url) => (await linkOpen({ url })).ok },
  ]
  return {
    openers,
    appLinks,
    opened,
    dispose: async () => {
      await built.dispose()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A URL as a finding may print it: quoted (control characters visible) and cut short. */
const shown = (url: string): string => {
  const quoted = JSON.stringify(url).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return quoted.length > 120 ? `${quoted.slice(0, 117)}…` : quoted
}

interface Outcome {
  readonly claimed: boolean
  readonly calls: readonly string[]
}

async function offer(harness: OpenerHarness, opener: LinkOpener, url: string): Promise<Outcome> {
  const before = harness.opened.length
  let claimed = false
  try {
    claimed = await opener.offer(url)
  } catch {
    // A path that throws has not opened anything; the spy says whether it did anyway.
  }
  return { claimed, calls: harness.opened.slice(before) }
}

export interface LinkCheckOptions {
  readonly seed: number
  readonly runs?: number
  readonly redirectorRuns?: number
  readonly allowedRuns?: number
}

/** Offers every hostile, hand-written and allowed URL to every opener and judges the outcome. */
export async function checkExternalLinks(
  harness: OpenerHarness,
  options: LinkCheckOptions,
): Promise<{ figures: Record<string, string | number>; findings: Finding[] }> {
  const runs = options.runs ?? GENERATED_RUNS
  const generated = fc.sample(hostileUrl, { numRuns: runs, seed: options.seed })
  const redirectors = fc.sample(redirectorUrl, {
    numRuns: options.redirectorRuns ?? REDIRECTOR_RUNS,
    seed: options.seed,
  })
  const { fixed, generated: generatedLinks } = harness.appLinks
  const allowed = [
    ...fixed,
    ...fc.sample(generatedLinks, {
      numRuns: options.allowedRuns ?? ALLOWED_RUNS,
      seed: options.seed,
    }),
  ]
  const findings: Finding[] = []
  let accepted = 0
  let callsOnRejected = 0
  const report = (code: string, message: string) => {
    if (findings.filter((f) => f.code === code).length < MAX_EXAMPLES)
      findings.push(problem(code, message))
  }

  const judgeHostile = async (url: string, code: string): Promise<boolean> => {
    let refusedByAll = true
    for (const opener of harness.openers) {
      const outcome = await offer(harness, opener, url)
      callsOnRejected += outcome.calls.length
      if (outcome.claimed || outcome.calls.length > 0) {
        refusedByAll = false
        accepted += 1
        report(code, `${opener.name} let ${shown(url)} through`)
      }
    }
    return refusedByAll
  }

  for (const url of generated) await judgeHostile(url, 'hostile-url-opened')
  let handwrittenRejected = 0
  for (const url of HANDWRITTEN_PAYLOADS) {
    if (await judgeHostile(url, 'payload-accepted')) handwrittenRejected += 1
  }
  let redirectorsRejected = 0
  for (const url of REDIRECTOR_PAYLOADS) {
    if (await judgeHostile(url, 'redirector-accepted')) redirectorsRejected += 1
  }
  for (const url of redirectors) await judgeHostile(url, 'redirector-opened')
  if (REDIRECTOR_PAYLOADS.length < MIN_REDIRECTOR_PAYLOADS) {
    findings.push(
      problem(
        'too-few-payloads',
        `${REDIRECTOR_PAYLOADS.length} redirector payloads, need ≥ ${MIN_REDIRECTOR_PAYLOADS}`,
      ),
    )
  }
  if (HANDWRITTEN_PAYLOADS.length < MIN_HANDWRITTEN) {
    findings.push(
      problem(
        'too-few-payloads',
        `${HANDWRITTEN_PAYLOADS.length} hand-written payloads, need ≥ 25`,
      ),
    )
  }

  let allowedOpened = 0
  let appLinksOpened = 0
  for (const [index, url] of allowed.entries()) {
    let openedByAll = true
    for (const opener of harness.openers) {
      const outcome = await offer(harness, opener, url)
      if (outcome.calls.length !== 1 || outcome.calls[0] !== url) {
        openedByAll = false
        report('allowed-not-opened', `${opener.name} did not open ${shown(url)} exactly once`)
      }
    }
    if (openedByAll) allowedOpened += 1
    if (openedByAll && index < fixed.length) appLinksOpened += 1
  }

  const hostileCount =
    generated.length + HANDWRITTEN_PAYLOADS.length + REDIRECTOR_PAYLOADS.length + redirectors.length
  const total = hostileCount * harness.openers.length
  if (accepted > 0) findings.push(problem('urls-accepted', `${accepted} of ${total} offers opened`))
  return {
    figures: {
      openers: harness.openers.map((opener) => opener.name).join(', '),
      seed: options.seed,
      generatedCases: generated.length,
      accepted,
      handwrittenRejected: `${handwrittenRejected} of ${HANDWRITTEN_PAYLOADS.length}`,
      redirectorPayloadsRejected: `${redirectorsRejected} of ${REDIRECTOR_PAYLOADS.length}`,
      generatedRedirectorCases: redirectors.length,
      openExternalCallsOnRejected: callsOnRejected,
      appLinksOpened: `${appLinksOpened} of ${fixed.length}`,
      allowedOpened: `${allowedOpened} of ${allowed.length}`,
    },
    findings,
  }
}

export const externalLinksGate: Gate = {
  id: 'external-links',
  ids: ['SEC-05'],
  name: 'External links: only the exact Meta pages the app links to reach shell.openExternal, no redirector',
  async run(context): Promise<GateResult> {
    const harness = await loadAppOpeners(context.root)
    try {
      const seed = Date.now() % 2 ** 31
      const { figures, findings } = await checkExternalLinks(harness, { seed })
      return resultOf(externalLinksGate, figures, findings)
    } finally {
      await harness.dispose()
    }
  },
}
