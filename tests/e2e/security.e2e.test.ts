import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_METHOD_NAMES } from '../../src/shared/ipc/channels'
import { PREVIEW_CSP } from '../../src/preview/preview-html'
import { en } from '../../src/shared/i18n/en'
import { recordEvidence } from '../fixtures/evidence'
import type { PageGlobals } from '../support/e2e/page-globals'
import { openPreviewSession, waitForHome, type PreviewSession } from '../support/e2e/preview-session'

let session: PreviewSession

beforeAll(async () => {
  session = await openPreviewSession()
  await waitForHome(session.page, 'Set up a system user')
})
afterAll(async () => {
  await session?.close()
})

describe('renderer isolation in the browser preview', () => {
  it('makes no request outside its own origin (SEC-04), across both homes', async () => {
    const { page, server } = session
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByText('Token vault', { exact: true }).click()
    await waitForHome(page, 'Token vault')
    await nav.getByText('Set up a system user', { exact: true }).click()
    await waitForHome(page, 'Set up a system user')

    const origin = new URL(server.url).origin
    expect(session.requests.length).toBeGreaterThan(2)
    expect(session.requests.filter((url) => new URL(url).origin !== origin)).toEqual([])
    // The app talked to main through the bridge, so the recorder did see API traffic.
    expect(session.requests.some((url) => url.startsWith(`${origin}/__api/invoke/`))).toBe(true)
    recordEvidence('renderer-offline', {
      pageRequests: session.requests.length,
      requestsToOtherOrigins: 0,
    })
  })

  it('exposes no Node or Electron globals and exactly the contract methods (SEC-07)', async () => {
    const globals = await session.page.evaluate(() => {
      const scope = globalThis as unknown as PageGlobals
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        ipcRenderer: typeof scope.ipcRenderer,
        api: Object.keys(scope.api as object).sort(),
        frozen: Object.isFrozen(scope.api),
      }
    })
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      api: [...API_METHOD_NAMES].sort(),
      frozen: true,
    })
    recordEvidence('renderer-globals', {
      nodeGlobalsDefined: 0,
      exposedMethods: `${globals.api.length} of ${API_METHOD_NAMES.length}`,
      apiFrozen: globals.frozen,
    })
  })

  it('blocks 4 of 4 CSP probes: inline script, eval, remote script, remote fetch (SEC-03)', async () => {
    const outcome = await session.page.evaluate(async () => {
      const scope = globalThis as unknown as PageGlobals
      const { document } = scope
      const violations: Array<{ directive: string; blocked: string; policy: string }> = []
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          policy: event.originalPolicy,
        })
      })

      const inline = document.createElement('script')
      inline.textContent = 'window.__probeInline = true'
      document.body.append(inline)

      // Run eval in a later task: code evaluated over DevTools (Playwright's evaluate) is exempt
      // from the page's unsafe-eval rule, a timer callback is the page's own code again.
      const evalBlocked = await new Promise<boolean>((resolve) => {
        setTimeout(() => {
          try {
            ;(0, eval)('globalThis.__probeEval = true')
            resolve(false)
          } catch {
            resolve(true)
          }
        }, 0)
      })

      const remoteLoaded = await new Promise<boolean>((resolve) => {
        const remote = document.createElement('script')
        remote.src = 'https://graph.facebook.com/x.js'
        remote.onload = () => resolve(true)
        remote.onerror = () => resolve(false)
        document.body.append(remote)
      })

      let fetchBlocked = false
      try {
        await fetch('https://graph.facebook.com')
      } catch {
        fetchBlocked = true
      }

      // Violation events are dispatched asynchronously; give the queue a turn.
      await new Promise((resolve) => setTimeout(resolve, 100))
      return {
        blocked: [
          scope.__probeInline === undefined,
          evalBlocked && scope.__probeEval === undefined,
          !remoteLoaded,
          fetchBlocked,
        ],
        violations,
      }
    })

    expect(outcome.blocked).toEqual([true, true, true, true])
    // The served header is one policy; the index.html meta tag (same rules) may report too.
    const fromHeader = outcome.violations
      .filter((violation) => violation.policy === PREVIEW_CSP)
      .map((violation) => `${violation.directive} ${violation.blocked}`)
    expect(fromHeader.sort()).toEqual(
      [
        'connect-src https://graph.facebook.com/',
        'script-src eval',
        'script-src-elem https://graph.facebook.com/x.js',
        'script-src-elem inline',
      ].sort(),
    )
    // Chromium creates the remote script's request and fails it before it leaves: blocked by CSP.
    const remote = session.requests.filter((url) => !url.startsWith(session.server.url))
    expect(remote).toEqual(['https://graph.facebook.com/x.js'])
    expect(session.failedRequests.filter(({ url }) => remote.includes(url))).toEqual([
      { url: 'https://graph.facebook.com/x.js', reason: 'csp' },
    ])
    recordEvidence('csp-probes', {
      probesBlocked: `${outcome.blocked.filter(Boolean).length} of ${outcome.blocked.length}`,
      violationEvents: fromHeader.length,
    })
  })
})

describe('the preview lock in the browser (SEC-23)', () => {
  type Api = Record<string, () => Promise<unknown>>

  it('takes the launch secret out of the address and keeps the session cookie from scripts', async () => {
    const { page, server, context } = session
    const seen = await page.evaluate(() => {
      const scope = globalThis as unknown as PageGlobals
      return { href: scope.location.href, cookie: scope.document.cookie }
    })
    expect(seen).toEqual({ href: server.url, cookie: '' })
    const cookies = await context.cookies(server.url)
    expect(
      cookies.map(({ name, httpOnly, sameSite, path }) => ({ name, httpOnly, sameSite, path })),
    ).toEqual([
      {
        name: `sua-preview-${new URL(server.url).port}`,
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
      },
    ])
  })

  it('keeps working after a reload, through the cookie alone', async () => {
    const { page } = session
    await page.reload()
    await waitForHome(page, 'Set up a system user')
    const status = await page.evaluate(() =>
      ((globalThis as unknown as PageGlobals).api as Api).getAppStatus!(),
    )
    expect(status).toMatchObject({ ok: true })
  })

  it('answers a page opened at the plain address, without a session, with the locked message', async () => {
    const { context, server } = session
    const saved = await context.cookies(server.url)
    await context.clearCookies()
    const stranger = await context.newPage()
    try {
      await stranger.goto(server.url)
      const status = await stranger.evaluate(() =>
        ((globalThis as unknown as PageGlobals).api as Api).getAppStatus!(),
      )
      expect(status).toEqual({
        ok: false,
        error: { code: 'forbidden-sender', messageKey: 'errors.previewLocked' },
      })
      // The app tells the person how to get in, in its own words.
      await stranger.getByText(en['errors.previewLocked']!).first().waitFor({ state: 'visible' })
    } finally {
      await stranger.close()
      await context.addCookies(saved)
    }
  })
})
