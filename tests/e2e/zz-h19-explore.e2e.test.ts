import { writeFileSync } from 'node:fs'
import { it } from 'vitest'
import { createPracticeRuntime } from '../../src/main/practice/practice-runtime'
import { createInMemoryVaultHost } from '../../src/main/vault/preview-ports'
import { openPreviewSession } from './support/preview-session'
import { connectPractice, importToken, openVault, runGuidedFlow } from './support/vault-steps'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

it('explore', async () => {
  const practice = createPracticeRuntime()
  const dataDir = mkdtempSync(join(tmpdir(), 'h19-'))
  const vaultHost = createInMemoryVaultHost(dataDir)
  const s = await openPreviewSession({ dataDir, ports: { practice, vaultHost } })
  const { page } = s
  let n = 0
  const dump = async (label: string) => {
    n += 1
    writeFileSync(`/tmp/h19x/${String(n).padStart(2, '0')}-${label}.yml`, await page.locator('body').ariaSnapshot())
  }
  try {
    await connectPractice(page)
    await page.getByText('Everything is ready').first().waitFor()
    const { simulator: sim } = await practice.session()
    await runGuidedFlow(page, sim, 'Reports server')
    await runGuidedFlow(page, sim, 'Office admin', 'ADMIN')
    await openVault(page)
    await page.getByRole('button', { name: 'Open details: Reports server, Harbour Lane Bakery' }).click()
    await page.waitForTimeout(800)
    await dump('detail')
    await page.screenshot({ path: '/tmp/h19x/detail.png', fullPage: true })
    await page.getByRole('button', { name: /Reveal|Show/ }).first().click()
    await page.waitForTimeout(800)
    await dump('revealed')
    await page.getByRole('button', { name: /Copy/ }).first().click()
    await page.waitForTimeout(800)
    await dump('copied')
    writeFileSync('/tmp/h19x/clip.txt', String(vaultHost.clipboard.peek().length))
    await page.getByRole('button', { name: /Check/ }).first().click()
    await page.waitForTimeout(1500)
    await dump('checked')
    await page.getByRole('button', { name: /Revoke/ }).first().click()
    await page.waitForTimeout(800)
    await dump('revoke-dialog')
  } catch (e) { writeFileSync('/tmp/h19x/error.txt', String(e)); await dump('error') } finally {
    await s.close()
    await practice.close()
  }
}, 120_000)
