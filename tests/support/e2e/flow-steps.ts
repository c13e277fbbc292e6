/**
 * The guided flow (steps 3–8 of Meta's "Add system users") walked with the keyboard only, one goal
 * at a time: goal → name (the suggestion kept) → the first asset of each kind the plan needs →
 * app install → token options (60 days) → review → run → done. The screen texts come from the
 * i18n catalogue, so a reworded label changes the test with it instead of breaking it.
 */
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import {
  customPlan,
  GOALS,
  kindNameKey,
  planFromGoal,
  type AccessPlan,
  type CustomPlanInput,
  type GoalId,
} from '@shared/catalog'
import type { Page } from 'playwright-core'
import { chooseWithKeyboard, pressWithKeyboard, tickWithKeyboard } from './keyboard'

const text = (key: string, params?: Record<string, string | number>) => translate(en, key, params)

/** The screens of one run, in order; a hook sees each once it is on screen. */
export const FLOW_SCREENS = [
  'goal',
  'name-role',
  'assets',
  'app-install',
  'token-options',
  'review',
  'done',
] as const
export type FlowScreen = (typeof FLOW_SCREENS)[number]

const HEADINGS: Readonly<Record<FlowScreen, string>> = {
  goal: 'flow.goal.heading',
  'name-role': 'flow.name.heading',
  assets: 'flow.assets.heading',
  'app-install': 'flow.app.heading',
  'token-options': 'flow.token.heading',
  review: 'flow.review.heading',
  done: 'flow.done.heading',
}

/**
 * What Custom chooses in these tests: ad reports on the ad account, the least Custom choice that
 * makes a working token; its plan comes from the catalog's own `customPlan`.
 */
export const CUSTOM_CHOICE: CustomPlanInput = {
  role: 'EMPLOYEE',
  pageVocabulary: 'sdk',
  assets: [{ kind: 'ad-account', tasks: ['ANALYZE'] }],
}

/** The plan the app should carry out for a goal (the simulator answers in the 'sdk' vocabulary). */
export function expectedPlan(goalId: GoalId): AccessPlan {
  if (goalId !== 'custom') return planFromGoal(goalId, { pageVocabulary: 'sdk' })
  const plan = customPlan(CUSTOM_CHOICE)
  if (!plan.ok) throw new Error(`the test's Custom choice is refused: ${plan.error.messageKey}`)
  return plan.value
}

/** Waits until the flow shows `screen` (its h1). */
export async function waitForScreen(page: Page, screen: FlowScreen): Promise<void> {
  await page
    .getByRole('heading', { level: 1, name: text(HEADINGS[screen]), exact: true })
    .waitFor({ state: 'visible', timeout: 30_000 })
}

/** What one run chose, to compare with the simulator afterwards. */
export interface FlowRun {
  readonly goalId: GoalId
  readonly plan: AccessPlan
  readonly name: string
  /** The assets ticked, by catalog kind, with their ids and names as the screen showed them. */
  readonly assets: ReadonlyArray<{
    readonly kind: string
    readonly id: string
    readonly name: string
  }>
}

type ScreenHook = (screen: FlowScreen) => Promise<void>

const button = (page: Page, key: string) =>
  page.getByRole('button', { name: text(key), exact: true })

async function chooseGoal(page: Page, goalId: GoalId): Promise<void> {
  const title = text(GOALS[goalId].titleKey)
  await chooseWithKeyboard(page, page.getByRole('radio', { name: title, exact: true }))
  if (goalId !== 'custom') return
  for (const asset of CUSTOM_CHOICE.assets) {
    for (const task of asset.tasks) {
      await tickWithKeyboard(page, page.locator(`#flow-custom-${asset.kind}-${task}`))
    }
  }
}

/** Ticks the first asset of each kind and checks the goal's tasks come pre-selected for it. */
async function pickAssets(page: Page, plan: AccessPlan): Promise<FlowRun['assets']> {
  const picked: Array<{ kind: string; id: string; name: string }> = []
  for (const asset of plan.assets) {
    const region = page.getByRole('region', { name: text(kindNameKey(asset.kind)), exact: true })
    const prefix = `flow-asset-${asset.kind}-`
    const first = region.locator(`input[type="checkbox"][id^="${prefix}"]`).first()
    const elementId = (await first.getAttribute('id')) ?? ''
    const name = (await region.locator(`label[for="${elementId}"]`).innerText()).trim()
    await tickWithKeyboard(page, first)
    const tasks = region.getByRole('group', { name: text('flow.assets.tasks', { name }) })
    const ticked = await tasks.getByRole('checkbox', { checked: true }).count()
    if (ticked !== asset.tasks.length) {
      throw new Error(
        `${asset.kind} "${name}": ${ticked} tasks ticked, plan has ${asset.tasks.length}`,
      )
    }
    picked.push({ kind: asset.kind, id: elementId.slice(prefix.length), name })
  }
  return picked
}

/** The scopes ticked on the token step (each checkbox's id is `flow-scope-<scope>`). */
async function tickedScopes(page: Page): Promise<string[]> {
  const ids = await page
    .locator('input[type="checkbox"][id^="flow-scope-"]:checked')
    .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { id: string }).id))
  return ids.map((id) => id.slice('flow-scope-'.length)).sort()
}

/**
 * Sets one system user up for `goalId` with the keyboard only, from the goal step to the done
 * step; `onScreen` runs on every screen (axe scans, screenshots). Throws when a screen deviates
 * from the plan (a task not pre-selected, scopes not pre-filled with the plan's).
 */
export async function setUpWithKeyboard(
  page: Page,
  goalId: GoalId,
  onScreen: ScreenHook = async () => {},
): Promise<FlowRun> {
  const plan = expectedPlan(goalId)
  await waitForScreen(page, 'goal')
  await chooseGoal(page, goalId)
  await onScreen('goal')
  await pressWithKeyboard(page, button(page, 'flow.continue'))

  await waitForScreen(page, 'name-role')
  const name = await page.getByRole('textbox', { name: text('flow.name.label') }).inputValue()
  const suggested = text(GOALS[goalId].suggestedNameKey)
  if (name !== suggested) throw new Error(`suggested name "${name}", expected "${suggested}"`)
  await onScreen('name-role')
  await pressWithKeyboard(page, button(page, 'flow.continue'))

  await waitForScreen(page, 'assets')
  const assets = await pickAssets(page, plan)
  await onScreen('assets')
  await pressWithKeyboard(page, button(page, 'flow.continue'))

  await waitForScreen(page, 'app-install')
  await onScreen('app-install')
  await pressWithKeyboard(page, button(page, 'flow.continue'))

  await waitForScreen(page, 'token-options')
  const sixtyDays = page.getByRole('radio', { name: text('flow.token.expiry.60'), exact: true })
  await chooseWithKeyboard(page, sixtyDays)
  const scopes = await tickedScopes(page)
  if (scopes.join(' ') !== [...plan.scopes].sort().join(' ')) {
    throw new Error(`pre-filled scopes ${scopes.join(',')}, plan ${plan.scopes.join(',')}`)
  }
  await onScreen('token-options')
  await pressWithKeyboard(page, button(page, 'flow.continue'))

  await waitForScreen(page, 'review')
  await onScreen('review')
  await pressWithKeyboard(page, button(page, 'flow.review.start'))

  await waitForScreen(page, 'done')
  await onScreen('done')
  return { goalId, plan, name, assets }
}
