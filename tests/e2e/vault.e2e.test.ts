import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFilledVault, type FilledVault, type RecordName } from './support/vault-fixture'
import { SCREENSHOT_DIR } from './support/preview-session'
import {
  backToList,
  dumpRenderer,
  openRecord,
  seriousViolations,
  tokenCode,
  vaultRows,
} from './support/vault-page'

/**
 * The token vault's screens in Chromium (issue 6), practice mode, REAL keychain: list with status
 * words, search, the expiring-soon panel, the timeline and its table, a record's detail, reveal
 * (hidden again after 30 s on the page's fake clock, and on navigation), the admin confirmation,
 * and copy into the preview's in-memory clipboard. vault-actions.e2e.test.ts does the rest.
 */
let vault: FilledVault

beforeAll(async () => {
  vault = await openFilledVault()
}, 90_000)

afterAll(async () => {
  await vault?.close()
})

/** True when any token's value is anywhere in the renderer: DOM, fields or storage. */
async function rendererHoldsAToken(): Promise<string[]> {
  const dump = await dumpRenderer(vault.session.page)
  const text = Object.values(dump).join('\n')
  return (Object.keys(vault.tokens) as RecordName[]).filter((name) =>
    text.includes(vault.tokens[name]),
  )
}

describe('the vault list (issue 6)', () => {
  it('lists every token with its status in words, most urgent first', async () => {
    const { page } = vault.session
    await expect.poll(() => vaultRows(page).count()).toBe(4)
    const rows = await vaultRows(page).allInnerTexts()
    const firstCells = rows.map((row) => row.split('\t')[0]?.trim())
    expect(firstCells).toEqual(['Expired', 'Expiring in 5 days', 'Valid', 'Valid'])
    expect(rows[0]).toContain('Old integration')
    expect(rows[1]).toContain('Nightly export')
    // Fingerprints only: the last 4 characters, never more of the token.
    for (const [name, token] of Object.entries(vault.tokens)) {
      const row = rows.find((text) => text.includes(name))
      expect(row, name).toContain(token.slice(-4))
      expect(row, name).not.toContain(token.slice(-12))
    }
  })

  it('shows the expiring-soon panel and the timeline with its table alternative', async () => {
    const { page } = vault.session
    const soon = page.getByRole('region', { name: 'Expiring soon' })
    await expect.poll(() => soon.innerText()).toContain('Expiring in 5 days')
    expect(await soon.getByRole('button').allInnerTexts()).toEqual(
      expect.arrayContaining(['Nightly export — Harbour Lane Bakery', 'Old integration — Harbour Lane Bakery']),
    )
    const timeline = page.getByRole('region', { name: 'When tokens expire' })
    expect(await timeline.innerText()).toContain(
      '1 expired, 1 expiring in the next 14 days, 2 later, 0 never expire.',
    )
    await timeline.getByText('Show as a table').click()
    const table = timeline.getByRole('table')
    await table.waitFor()
    const text = await table.innerText()
    expect(text).toMatch(/Expired\s+1/)
    expect(text).toMatch(/Never\s+0/)
  })

  it('searches by system user, label and permission, and filters by status', async () => {
    const { page } = vault.session
    const search = page.getByRole('searchbox', { name: 'Search' })
    await search.fill('Office')
    await expect.poll(() => vaultRows(page).allInnerTexts()).toEqual([
      expect.stringContaining('Office admin'),
    ])
    await search.fill('nightly')
    await expect.poll(() => vaultRows(page).allInnerTexts()).toEqual([
      expect.stringContaining('Nightly export'),
    ])
    await search.fill('no such token anywhere')
    await expect.poll(() => vaultRows(page).count()).toBe(0)
    await search.fill('')
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Expired (1)' })
    await expect.poll(() => vaultRows(page).allInnerTexts()).toEqual([
      expect.stringContaining('Old integration'),
    ])
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All tokens (4)' })
    await expect.poll(() => vaultRows(page).count()).toBe(4)
  })

  it('has no serious or critical axe finding, and looks right (vault-list.png)', async () => {
    const { problems, passes } = await seriousViolations(vault.session.page)
    expect(problems).toEqual([])
    expect(passes).toBeGreaterThan(10)
    await vault.session.page.screenshot({ path: join(SCREENSHOT_DIR, 'vault-list.png') })
  })
})
