/**
 * Connect (issue 4, "Done when") in headless Chromium against the preview: practice mode, the
 * simulator steered by the test, the REAL keychain. A newcomer connects through the practice login
 * popup and reads an all-green readiness report; then each blocker Meta puts in the way (no app, a
 * full Limited tier, two-factor) turns its line red with its fix, and "Add a system user" says why
 * it is unavailable. Afterwards the admin token and the app secret are found nowhere but the
 * keychain.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import { PREFLIGHT_CHECKS } from '@shared/ipc/schemas/connect'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminTokenRef, appSecretRef } from '../../src/main/connect'
import { isAllowedExternalUrl } from '../../src/main/links'
import type { RunningSimulator } from '../../src/main/practice'
import { createKeychainStore } from '../../src/main/secrets'
import { scanForCanaries } from '../fixtures/canaries'
import { scanWithAxe, type AxeOutcome } from '../support/e2e/axe'
import {
  addSystemUserButton,
  checkAgainUntil,
  checksList,
  connectWithPracticeLogin,
  openPracticePreview,
  preflightLine,
  statusWord,
  type PracticePreview,
} from '../support/e2e/connect-steps'
import { pressWithKeyboard } from '../support/e2e/keyboard'
import { SCREENSHOT_DIR } from '../support/e2e/preview-session'
import { readRendererData, rendererText } from '../support/e2e/renderer-data'

const text = (key: string) => translate(en, key)

interface ScrollTarget {
  scrollIntoView(options: { block: 'start' }): void
}
const keychain = createKeychainStore()
let preview: PracticePreview
let sim: RunningSimulator
const axeByScreen = new Map<string, AxeOutcome>()

beforeAll(async () => {
  preview = await openPracticePreview()
})
afterAll(async () => {
  // The keyring outlives this file: leave no practice credentials for the next one.
  if (sim) {
    await keychain.delete(adminTokenRef('practice', sim.fixtures.appId))
    await keychain.delete(appSecretRef('practice', sim.fixtures.appId))
  }
  await preview?.close()
})

const page = () => preview.session.page

async function screenshot(name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = join(SCREENSHOT_DIR, name)
  await page().screenshot({ path: file })
  expect(page().viewportSize()).toEqual({ width: 1280, height: 800 })
  expect(statSync(file).size).toBeGreaterThan(10_000)
}

describe('Connect in the browser preview (practice mode, real keychain)', () => {
  it('a newcomer connects with the practice login and reads an all-green report', async () => {
    await connectWithPracticeLogin(preview, async (screen) => {
      axeByScreen.set(screen, await scanWithAxe(page()))
    })
    sim = await preview.simulator()

    expect(await checksList(page()).getByRole('listitem').count()).toBe(PREFLIGHT_CHECKS.length)
    for (const check of PREFLIGHT_CHECKS) {
      const status = preflightLine(page(), check).getByText(statusWord('pass'), { exact: true })
      expect(await status.count(), check).toBe(1)
    }
    for (const other of ['fail', 'warn'] as const) {
      expect(await checksList(page()).getByText(statusWord(other), { exact: true }).count()).toBe(0)
    }
    await page().getByText(text('connect.preflight.allReady')).first().waitFor()
    expect(await addSystemUserButton(page()).isEnabled()).toBe(true)
    expect(await page().locator('#preflight-blocked-reasons').count()).toBe(0)
    // The verdict at the top of the window, the green lines under it.
    await page()
      .getByText(text('connect.preflight.allReady'))
      .last()
      .evaluate((element) =>
        (element as unknown as ScrollTarget).scrollIntoView({ block: 'start' }),
      )
    await screenshot('connect-ready.png')
    expect(preview.session.pageErrors).toEqual([])
  })

  it('axe finds no serious or critical violation on any Connect screen', () => {
    expect([...axeByScreen.keys()]).toEqual(['start', 'sign-in', 'businesses', 'preflight'])
    for (const [screen, outcome] of axeByScreen) {
      expect(outcome.problems, screen).toEqual([])
      expect(outcome.passes, screen).toBeGreaterThan(10)
    }
  })

  it('keeps the admin token and the app secret in the keychain only', async () => {
    const { session } = preview
    const adminToken = await keychain.get(adminTokenRef('practice', sim.fixtures.appId))
    // The keychain holds the long-lived token the practice login issued, for the admin person.
    expect(adminToken).toBeTruthy()
    expect(sim.model.token(adminToken ?? '')).toMatchObject({
      type: 'USER',
      userId: sim.fixtures.adminUserId,
      revoked: false,
    })
    // The admin token, the app secret, and every other token the simulator has issued.
    const secrets = [
      ...new Set([
        adminToken ?? '',
        sim.fixtures.appSecret,
        ...sim.model.tokens().map((token) => token.value),
      ]),
    ]
    // A scan that cannot find a secret proves nothing: it must find one planted in text.
    expect(scanForCanaries(`before ${adminToken} after`, secrets)).toMatchObject([
      { canary: 0, encoding: 'raw' },
    ])

    const log = join(session.dataDir, 'logs', 'main.log')
    expect(existsSync(log) && statSync(log).size > 0).toBe(true)
    expect(scanForCanaries(session.dataDir, secrets)).toEqual([])
    expect(scanForCanaries(session.profileDir, secrets)).toEqual([])
    expect(scanForCanaries(await rendererText(page()), secrets)).toEqual([])
    expect(scanForCanaries(session.requests.join('\n'), secrets)).toEqual([])
    // The page's storages were really read: the DOM is there, and the counts are numbers.
    const data = await readRendererData(page())
    expect(data.dom).toContain(sim.fixtures.businessName)
    expect(data.counts.storageItems).toBeGreaterThanOrEqual(0)
  })
})

interface Blocker {
  readonly name: string
  readonly check: (typeof PREFLIGHT_CHECKS)[number]
  readonly fixKey: string
  readonly reasonKey: string
  /** Sets the blocker up in the simulator; returns how to lift it (none for a used slot). */
  readonly setUp: (sim: RunningSimulator) => (() => void) | undefined
  readonly screenshot?: string
}

// In this order: a used slot cannot be given back (Meta has no delete), so it comes last.
const BLOCKERS: readonly Blocker[] = [
  {
    name: 'a business without the app',
    check: 'app-owned',
    fixKey: 'connectMain.preflight.app-owned.fix',
    reasonKey: 'connectMain.blocked.appNotOwned',
    setUp: ({ model, fixtures }) => {
      const elsewhere = model.addBusiness({
        name: 'Another Portfolio',
        verificationStatus: 'verified',
        twoFactorType: 'none',
        twoFactorPending: false,
        mustUseExpiringTokens: false,
        adminUserIds: [],
        employeeUserIds: [],
      })
      model.updateApp(fixtures.appId, { businessId: elsewhere.id })
      return () => model.updateApp(fixtures.appId, { businessId: fixtures.businessId })
    },
  },
  {
    name: 'two-factor authentication required',
    check: 'two-factor',
    fixKey: 'connectMain.preflight.two-factor.fix',
    reasonKey: 'connectMain.blocked.twoFactor',
    setUp: ({ model, fixtures }) => {
      model.updateBusiness(fixtures.businessId, { twoFactorType: 'admin_required' })
      return () => model.updateBusiness(fixtures.businessId, { twoFactorType: 'none' })
    },
    screenshot: 'connect-blocked.png',
  },
  {
    name: 'a Limited tier with its one regular slot used',
    check: 'system-user-quota',
    fixKey: 'connectMain.preflight.system-user-quota.fix-limited',
    reasonKey: 'connectMain.blocked.quotaReached',
    setUp: ({ model, fixtures }) => {
      model.addSystemUser({
        businessId: fixtures.businessId,
        name: 'Reporting server',
        role: 'EMPLOYEE',
      })
      return undefined
    },
  },
]

describe('each blocker turns its line red, with its fix, and says why setup is blocked', () => {
  it.each(BLOCKERS)('$name', async (blocker) => {
    const line = preflightLine(page(), blocker.check)
    const lift = blocker.setUp(sim)
    await checkAgainUntil(page(), line, 'fail')

    // Only this line is red, and it says what to do, with the Meta page where it is done.
    expect(await checksList(page()).getByText(statusWord('fail'), { exact: true }).count()).toBe(1)
    expect(await line.innerText()).toContain(text(blocker.fixKey))
    const opened = preview.session.server.opened.length
    await pressWithKeyboard(
      page(),
      line.getByRole('button', { name: text('connect.preflight.openFix') }),
    )
    await expect.poll(() => preview.session.server.opened.length).toBe(opened + 1)
    expect(isAllowedExternalUrl(preview.session.server.opened.at(-1) ?? '')).toBe(true)

    // "Add a system user" is disabled, with the reason beside it and tied to it for screen readers.
    const add = addSystemUserButton(page())
    expect(await add.isDisabled()).toBe(true)
    const describedBy = (await add.getAttribute('aria-describedby')) ?? ''
    expect(describedBy).not.toBe('')
    const reasons = await page().locator(`#${describedBy}`).innerText()
    expect(reasons).toContain(text('connect.preflight.blocked'))
    expect(reasons).toContain(text(blocker.reasonKey))

    const axe = await scanWithAxe(page())
    expect(axe.problems).toEqual([])
    expect(axe.passes).toBeGreaterThan(10)
    if (blocker.screenshot) {
      await line.scrollIntoViewIfNeeded()
      await screenshot(blocker.screenshot)
    }

    if (lift) {
      lift()
      await checkAgainUntil(page(), line, 'pass')
      expect(await add.isEnabled()).toBe(true)
    }
    expect(preview.session.pageErrors).toEqual([])
  })
})
