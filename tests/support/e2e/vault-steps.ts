/**
 * Steps the vault and hygiene e2e files share: connect to the practice business through the UI
 * (the practice login popup), run one guided-flow run and import tokens through `window.api`
 * (setup for the screens under test, not the thing tested), and open the vault's screens.
 */
import type { Page } from 'playwright-core'
import type { RunningSimulator } from '../../../src/main/practice/simulator'
import type { PageGlobals } from './page-globals'
import { waitForHome } from './preview-session'

/** What a page function gets back from a `window.api` call: the Result, as data. */
interface ApiResult {
  readonly ok: boolean
  readonly value?: unknown
  readonly error?: { readonly code: string; readonly messageKey?: string }
}

/**
 * Calls one `window.api` method in the page and returns its value; a failed Result fails the
 * test with the error's code and key (never a value: errors carry no secret by contract).
 */
export async function callApi<T>(page: Page, method: string, payload?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method: name, payload: body }) => {
      const scope = globalThis as unknown as PageGlobals
      const api = scope.api as Record<string, (input?: unknown) => Promise<unknown>>
      const call = api[name]
      if (!call) throw new Error(`window.api has no ${name}`)
      return (await (body === undefined ? call() : call(body))) as ApiResult
    },
    { method, payload },
  )
  if (!result.ok) {
    throw new Error(`${method} failed: ${result.error?.code} ${result.error?.messageKey ?? ''}`)
  }
  return result.value as T
}

/**
 * Connects to the practice business as the newcomer would: Start setting up, Sign in with
 * Facebook, "Continue as Practice Admin" in the practice popup, then Continue with the business.
 */
export async function connectPractice(page: Page): Promise<void> {
  await waitForHome(page, 'Set up a system user')
  await page.getByRole('button', { name: 'Start setting up' }).click()
  await page.getByRole('radio', { name: 'Practice' }).check()
  const popup = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Sign in with Facebook' }).click()
  const dialog = await popup
  await dialog.getByRole('button', { name: /^Continue as / }).click()
  await page.getByRole('heading', { name: 'Choose your business' }).waitFor()
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
}

interface RunView {
  readonly runId: string
  readonly status: string
  readonly vaultRecordId?: string
}

/**
 * One guided-flow run through `window.api` (the flow's own e2e drives its screens): a regular
 * system user (regular by default) that reads ad reports, with the sample's ad accounts, a
 * 60-day token.
 */
export async function runGuidedFlow(
  page: Page,
  sim: RunningSimulator,
  name: string,
  role: 'EMPLOYEE' | 'ADMIN' = 'EMPLOYEE',
): Promise<RunView> {
  const started = await callApi<RunView>(page, 'startFlowRun', {
    plan: { source: 'goal', goalId: 'read-ad-reports', pageVocabulary: 'sdk' },
    name,
    role,
    assignments: [
      { kind: 'ad-account', tasks: ['ANALYZE'], assetIds: [...sim.fixtures.adAccountIds] },
    ],
    expiry: '60-days',
  })
  const done = await callApi<RunView>(page, 'continueFlowRun', { runId: started.runId })
  if (done.status !== 'done') throw new Error(`the guided run ended ${done.status}`)
  return done
}

/** Imports a token through the vault's import (main inspects it with debug_token first). */
export async function importToken(page: Page, token: string, label: string): Promise<string> {
  const { record } = await callApi<{ record: { id: string } }>(page, 'importToken', {
    token,
    label,
  })
  return record.id
}

/** Opens the Token vault home from the main navigation. */
export async function openVault(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Token vault', exact: true })
    .click()
  await waitForHome(page, 'Token vault')
}

/**
 * Polls `read` until it returns `wanted` (outside a test body, where expect.poll is unavailable);
 * fails with the last value seen after `attempts` tries. A bound, never a speed assertion.
 */
export async function waitFor<T>(
  read: () => Promise<T>,
  wanted: T,
  { attempts = 60, everyMs = 250 }: { attempts?: number; everyMs?: number } = {},
): Promise<void> {
  let last: T | undefined
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    last = await read()
    if (last === wanted) return
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  throw new Error(`still ${String(last)} instead of ${String(wanted)}`)
}

/** A record's status word as main decides it (valid, expiring, expired, revoked …). */
export async function recordState(page: Page, id: string): Promise<string | undefined> {
  const { record } = await callApi<{ record: { status?: { state: string } } }>(
    page,
    'getVaultRecord',
    { id },
  )
  return record.status?.state
}
