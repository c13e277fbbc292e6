import { writeFileSync } from 'node:fs'
import { it } from 'vitest'
import { createPracticeRuntime } from '../../src/main/practice/practice-runtime'
import { openPreviewSession } from './support/preview-session'

it('explores', async () => {
  const practice = createPracticeRuntime()
  const s = await openPreviewSession({ ports: { practice } })
  const { page } = s
  const dump = async (name: string) => {
    await page.waitForTimeout(800)
    writeFileSync(`/tmp/h18/${name}.txt`, await page.locator('body').ariaSnapshot())
  }
  try {
    await dump('00-home')
    await page.getByRole('button', { name: 'Start setting up' }).click()
    await dump('00b-start')
    const popupPromise = s.context.waitForEvent('page')
    await page.getByRole('button', { name: 'Sign in with Facebook' }).click()
    const popup = await popupPromise
    await popup.waitForLoadState()
    writeFileSync('/tmp/h18/01-popup.txt', await popup.locator('body').ariaSnapshot())
    await popup.getByRole('button', { name: 'Continue as practice admin' }).click()
    await dump('02-after-login')
    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    await dump('03-preflight')
    await page.getByRole('button', { name: 'Add a system user' }).click()
    await dump('04-flow')
    await page.getByRole('button', { name: 'Add a system user' }).click()
    await dump('05-goal')
    await page.getByRole('radio', { name: 'Run ads' }).check()
    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    await dump('06-name')
    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    await dump('07-assets')
    await page.getByRole('checkbox', { name: 'Harbour Lane – Everyday' }).check()
    await page.getByRole('checkbox', { name: 'Harbour Lane Café' }).check()
    await dump('07b-assets')
    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    await dump('08-install')
    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    await dump('09-token')
    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    await dump('10-review')
    writeFileSync('/tmp/h18/10b-review-list.txt', await page.getByRole('list').filter({ hasText: 'will' }).first().innerText().catch(() => 'none'))
    await page.getByRole('button', { name: 'Create it now' }).click()
    await page.waitForTimeout(3000)
    await dump('11-done')
  } finally {
    await s.close()
    await practice.close()
  }
}, 60_000)
