/**
 * Driving the app with the keyboard only, as an admin without a mouse would: Tab until the control
 * has focus, then Enter, Space or the arrow keys. Every helper fails loudly when the control
 * cannot be reached by Tab, which is exactly the bug a keyboard test exists to catch (WCAG 2.1.1).
 */
import type { Locator, Page } from 'playwright-core'
import type { PageElement, PageGlobals } from './page-globals'

/** Enough Tab presses to cross the busiest screen (the goal list, the assets step) and wrap. */
const MAX_TABS = 200

interface FocusedInput extends PageElement {
  readonly type?: string
  readonly name?: string
}

/** Whether `target` is the focused element. */
function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const { document } = globalThis as unknown as PageGlobals
    return (element as unknown) === document.activeElement
  })
}

/** Presses Tab until `done` says so; throws with the control's description when it never does. */
async function tabUntil(page: Page, done: () => Promise<boolean>, what: string): Promise<void> {
  for (let press = 0; press < MAX_TABS; press += 1) {
    if (await done()) return
    await page.keyboard.press('Tab')
  }
  if (await done()) return
  throw new Error(`${what} cannot be reached with the Tab key (${MAX_TABS} presses)`)
}

/** Moves focus to `target` with Tab alone. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  await target.waitFor({ state: 'visible' })
  await tabUntil(page, () => hasFocus(target), `"${String(target)}"`)
}

/** Tabs to a button (or link) and activates it with Enter. */
export async function pressWithKeyboard(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target)
  await page.keyboard.press('Enter')
}

/** Tabs to a checkbox and ticks it with Space (left as it is when already ticked). */
export async function tickWithKeyboard(page: Page, checkbox: Locator): Promise<void> {
  await tabTo(page, checkbox)
  if (!(await checkbox.isChecked())) await page.keyboard.press('Space')
  if (!(await checkbox.isChecked())) throw new Error(`Space did not tick "${String(checkbox)}"`)
}

/**
 * Chooses a radio button the way the keyboard does: Tab enters the group (on its checked radio, or
 * the first), then the arrow keys move along the group and select as they go.
 */
export async function chooseWithKeyboard(page: Page, radio: Locator): Promise<void> {
  await radio.waitFor({ state: 'visible' })
  const group = await radio.evaluate((element) => (element as unknown as FocusedInput).name ?? '')
  const inGroup = () =>
    page.evaluate((name) => {
      const focused = (globalThis as unknown as PageGlobals).document.activeElement as FocusedInput
      return focused?.type === 'radio' && focused.name === name
    }, group)
  await tabUntil(page, inGroup, `the radio group "${group}"`)
  const size = await page.locator(`input[type="radio"][name="${group}"]`).count()
  for (let step = 0; step <= size && !(await hasFocus(radio)); step += 1) {
    await page.keyboard.press('ArrowDown')
  }
  if (!(await hasFocus(radio))) throw new Error(`the arrow keys never reach "${String(radio)}"`)
  if (!(await radio.isChecked())) await page.keyboard.press('Space')
  if (!(await radio.isChecked())) throw new Error(`"${String(radio)}" is not chosen`)
}
