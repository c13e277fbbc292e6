/**
 * Connect (step 1) in the browser preview, practice mode: a preview whose practice simulator the
 * test can steer, the newcomer's way through Connect with the keyboard (practice chosen, the
 * practice login popup, the sample business) and locators for the readiness report.
 */
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import type { PREFLIGHT_CHECKS } from '@shared/ipc/schemas/connect'
import type { Locator, Page } from 'playwright-core'
import {
  createPracticeRuntime,
  type PracticeRuntime,
} from '../../../src/main/practice/practice-runtime'
import type { RunningSimulator } from '../../../src/main/practice/simulator'
import { chooseWithKeyboard, pressWithKeyboard } from './keyboard'
import { openPreviewSession, waitForHome, type PreviewSession } from './preview-session'

const text = (key: string, params?: Record<string, string | number>) => translate(en, key, params)

/** A preview session plus the practice runtime it uses, so the test reaches the simulator. */
export interface PracticePreview {
  readonly session: PreviewSession
  readonly practice: PracticeRuntime
  /** The running simulator (started on first need, i.e. by the sign-in). */
  simulator(): Promise<RunningSimulator>
  close(): Promise<void>
}

/** Opens the preview with a practice runtime owned by the test (a fresh one unless given). */
export async function openPracticePreview(
  practice: PracticeRuntime = createPracticeRuntime(),
): Promise<PracticePreview> {
  let session: PreviewSession
  try {
    session = await openPreviewSession({ ports: { practice } })
  } catch (error) {
    await practice.close()
    throw error
  }
  return {
    session,
    practice,
    simulator: async () => (await practice.session()).simulator,
    close: async () => {
      // The preview's dispose closes the runtime too; closing twice is harmless.
      await session.close()
      await practice.close()
    },
  }
}

/** The Connect screens a newcomer passes, in order. */
export type ConnectScreen = 'start' | 'sign-in' | 'businesses' | 'preflight'

type ScreenHook = (screen: ConnectScreen) => Promise<void>

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

/**
 * The newcomer's way in, keyboard only: "Start setting up", Practice (already chosen), "Sign in
 * with Facebook", "Continue as Practice Admin" in the practice login popup, the sample business,
 * Continue — and the readiness report is on screen. `onScreen` runs on each Connect screen.
 */
export async function connectWithPracticeLogin(
  preview: PracticePreview,
  onScreen: ScreenHook = async () => {},
): Promise<void> {
  const { page, context } = preview.session
  await waitForHome(page, text('flowHome.title'))
  await onScreen('start')
  await pressWithKeyboard(page, button(page, text('flowHome.start.button')))

  await waitForHome(page, text('flowHome.step1.title'))
  const practice = page.getByRole('radio', { name: text('connect.where.practice'), exact: true })
  if (!(await practice.isChecked())) throw new Error('Practice is not chosen by default')
  await onScreen('sign-in')
  const popupOpened = context.waitForEvent('page')
  await pressWithKeyboard(page, button(page, text('connect.signIn.button')))
  const popup = await popupOpened
  await popup.waitForLoadState()
  const admin = (await preview.simulator()).fixtures.adminUserName
  await pressWithKeyboard(popup, popup.getByRole('button', { name: `Continue as ${admin}` }))

  const business = (await preview.simulator()).fixtures.businessName
  await chooseWithKeyboard(page, page.getByRole('radio', { name: business, exact: true }))
  await popup.close()
  await onScreen('businesses')
  await pressWithKeyboard(page, button(page, text('connect.businesses.continue')))
  await waitForReport(page)
  await onScreen('preflight')
}

/** Waits for a loaded readiness report (its "Checked at" line). */
export async function waitForReport(page: Page): Promise<void> {
  await checksList(page).waitFor({ state: 'visible', timeout: 30_000 })
}

/** The list of readiness checks. */
export function checksList(page: Page): Locator {
  return page.getByRole('list', { name: text('connect.preflight.listLabel'), exact: true })
}

/** One line of the report, found by its title. */
export function preflightLine(page: Page, check: (typeof PREFLIGHT_CHECKS)[number]): Locator {
  const title = text(`connectMain.preflight.${check}.title`)
  return checksList(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) })
}

/** The status word a line shows ("Ready", "Needs attention", "Good to know"). */
export function statusWord(status: 'pass' | 'fail' | 'warn'): string {
  return text(`connect.preflight.status.${status}`)
}

/** "Add a system user" on the readiness report. */
export function addSystemUserButton(page: Page): Locator {
  return button(page, text('connect.preflight.add'))
}

/** Presses "Check again" and waits until `line` shows `status`. */
export async function checkAgainUntil(
  page: Page,
  line: Locator,
  status: 'pass' | 'fail' | 'warn',
): Promise<void> {
  await pressWithKeyboard(page, button(page, text('connect.preflight.checkAgain')))
  await line
    .getByText(statusWord(status), { exact: true })
    .waitFor({ state: 'visible', timeout: 30_000 })
}
