/**
 * The guided flow (issue 5, "Done when") in headless Chromium against the preview: practice mode,
 * the real keychain, the keyboard only. For every goal of the catalog a new system user is set up
 * end to end; the simulator then holds exactly the planned role, assignments, installed app and
 * one token with the planned scopes, the vault lists it, and no token ever reached the renderer.
 */
import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { GOAL_IDS, type AccessPlan, type GoalId } from '@shared/catalog'
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import type { Api } from '@shared/ipc/api-types'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminTokenRef, appSecretRef } from '../../src/main/connect'
import type { RunningSimulator, SystemUserRecord } from '../../src/main/practice'
import { createKeychainStore } from '../../src/main/secrets'
import { vaultSecretRef } from '../../src/main/vault'
import { scanForCanaries } from '../fixtures/canaries'
import { scanWithAxe } from '../support/e2e/axe'
import {
  addSystemUserButton,
  connectWithPracticeLogin,
  openPracticePreview,
  type PracticePreview,
} from '../support/e2e/connect-steps'
import { setUpWithKeyboard, type FlowRun, type FlowScreen } from '../support/e2e/flow-steps'
import { pressWithKeyboard } from '../support/e2e/keyboard'
import { SCREENSHOT_DIR, waitForHome } from '../support/e2e/preview-session'
import { rendererText } from '../support/e2e/renderer-data'

const text = (key: string) => translate(en, key)
const keychain = createKeychainStore()
const DAY_S = 86_400
/** The run whose every screen is scanned with axe and photographed (two kinds of asset). */
const AUDITED_GOAL: GoalId = 'run-ads'
const SCREENSHOTS: Partial<Record<FlowScreen, string>> = {
  goal: 'flow-goal.png',
  review: 'flow-review.png',
  done: 'flow-done.png',
}

let preview: PracticePreview
let sim: RunningSimulator
const runs: FlowRun[] = []
const audited = new Map<FlowScreen, string[]>()

const page = () => preview.session.page

/** The vault's records, through the same window.api the vault screen uses. */
async function vaultRecords(): Promise<VaultListItem[]> {
  const result = await page().evaluate(async () => {
    const { api } = globalThis as unknown as { api: Api }
    return api.listVaultRecords({})
  })
  if (!result.ok) throw new Error(`listVaultRecords failed: ${result.error.messageKey}`)
  return result.value.records
}

beforeAll(async () => {
  preview = await openPracticePreview()
  await connectWithPracticeLogin(preview)
  sim = await preview.simulator()
  // Full access: ten regular system users, one per goal (docs/graph-api.md §8.1). The simulator
  // enforces the tier, so a Limited app would (rightly) refuse the second one.
  sim.model.updateApp(sim.fixtures.appId, { tier: 'full' })
  await pressWithKeyboard(page(), addSystemUserButton(page()))
  await waitForHome(page(), text('flow.overview.heading'))
})

afterAll(async () => {
  // The keyring outlives this file: remove what these runs put in it.
  if (sim) {
    const records = await vaultRecords().catch(() => [])
    for (const record of records) await keychain.delete(vaultSecretRef(record))
    await keychain.delete(adminTokenRef('practice', sim.fixtures.appId))
    await keychain.delete(appSecretRef('practice', sim.fixtures.appId))
  }
  await preview?.close()
})

async function onScreen(goalId: GoalId, screen: FlowScreen): Promise<void> {
  if (goalId !== AUDITED_GOAL) return
  const { problems, passes } = await scanWithAxe(page())
  expect(passes, screen).toBeGreaterThan(10)
  audited.set(screen, problems)
  const shot = SCREENSHOTS[screen]
  if (!shot) return
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page().screenshot({ path: join(SCREENSHOT_DIR, shot) })
  expect(statSync(join(SCREENSHOT_DIR, shot)).size).toBeGreaterThan(10_000)
}

const sorted = (values: readonly string[]) => [...values].sort()
const planTasks = (plan: AccessPlan, kind: string) =>
  plan.assets.find((asset) => asset.kind === kind)?.tasks ?? []

/** Exactly one system user of that name, with the plan's role, assignments, app and token. */
function expectSimulatorHolds(run: FlowRun): SystemUserRecord {
  const { model, fixtures } = sim
  const named = model.systemUsers(fixtures.businessId).filter((user) => user.name === run.name)
  expect(named).toHaveLength(1)
  const user = named[0]!
  expect(user.role).toBe(run.plan.role)
  expect(user.installedAppIds).toEqual([fixtures.appId])

  const assignments = model.assignmentsOfUser(user.id)
  expect(sorted(assignments.map((a) => a.assetId))).toEqual(sorted(run.assets.map((a) => a.id)))
  for (const asset of run.assets) {
    expect(model.asset(asset.id)?.kind).toBe(asset.kind)
    // Meta may add implied tasks (a Page's ADVERTISE brings ANALYZE); never fewer than planned.
    const granted = model.tasksOf(asset.id, user.id) ?? []
    expect(granted).toEqual(expect.arrayContaining([...planTasks(run.plan, asset.kind)]))
  }

  const tokens = model.tokens({ userId: user.id })
  expect(tokens).toHaveLength(1)
  const token = tokens[0]!
  expect(token).toMatchObject({ type: 'SYSTEM_USER', appId: fixtures.appId, revoked: false })
  expect(sorted(token.scopes)).toEqual(sorted(run.plan.scopes))
  expect(Math.round((token.expiresAt - token.issuedAt) / DAY_S)).toBe(60)
  return user
}

describe('the guided flow, keyboard only, for every goal of the catalog', () => {
  it.each([...GOAL_IDS])(
    'sets up a system user for "%s" end to end',
    async (goalId) => {
      // From the overview (first run) or the last run's done step.
      const start = page()
        .getByRole('button', { name: text('flow.overview.add'), exact: true })
        .or(page().getByRole('button', { name: text('flow.done.another'), exact: true }))
      await pressWithKeyboard(page(), start)
      const run = await setUpWithKeyboard(page(), goalId, (screen) => onScreen(goalId, screen))
      runs.push(run)

      const user = expectSimulatorHolds(run)
      const token = sim.model.tokens({ userId: user.id })[0]!
      const inVault = (await vaultRecords()).filter((record) => record.systemUserId === user.id)
      expect(inVault).toHaveLength(1)
      expect(inVault[0]).toMatchObject({
        kind: 'system-user',
        practice: true,
        businessId: sim.fixtures.businessId,
        appId: sim.fixtures.appId,
        systemUserName: run.name,
        fingerprint: token.value.slice(-4),
      })
      expect(sorted(inVault[0]!.scopes)).toEqual(sorted(run.plan.scopes))

      // The renderer never held a token: not one the simulator has issued, nor the app secret.
      const secrets = [...sim.model.tokens().map((issued) => issued.value), sim.fixtures.appSecret]
      expect(scanForCanaries(`x${token.value}x`, secrets)).not.toEqual([])
      expect(scanForCanaries(await rendererText(page()), secrets)).toEqual([])
      expect(scanForCanaries(preview.session.requests.join('\n'), secrets)).toEqual([])
      expect(preview.session.pageErrors).toEqual([])
    },
    120_000,
  )

  it('scanned every step screen of one run with axe: no serious or critical violation', () => {
    expect([...audited.keys()]).toEqual([
      'goal',
      'name-role',
      'assets',
      'app-install',
      'token-options',
      'review',
      'done',
    ])
    for (const [screen, problems] of audited) expect(problems, screen).toEqual([])
  })

  it('left one system user and one vaulted token per goal, and nothing twice', async () => {
    expect(runs.map((run) => run.goalId)).toEqual([...GOAL_IDS])
    const names = runs.map((run) => run.name)
    const users = sim.model.systemUsers(sim.fixtures.businessId)
    expect(sorted(users.map((user) => user.name))).toEqual(sorted(names))
    const records = await vaultRecords()
    expect(sorted(records.map((record) => record.systemUserName ?? ''))).toEqual(sorted(names))
    expect(sim.model.tokens({ type: 'SYSTEM_USER' })).toHaveLength(GOAL_IDS.length)
  })
})
