import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { countingSecretStore, generateVaultRecords } from '../../bench/support/vault-records'
import {
  createPracticeRuntime,
  type PracticeRuntime,
  type RunningSimulator,
} from '../../src/main/practice'
import type { SecretStore } from '../../src/main/secrets'
import { openPreviewSession, type PreviewSession } from '../support/e2e/preview-session'
import { vaultRows } from '../support/e2e/vault-page'
import { openVault } from '../support/e2e/vault-steps'

/**
 * Issue 6's offline promise at scale, in Chromium (practice mode, REAL keychain underneath): a
 * vault of 1,000 metadata records is listed, paged, searched and opened with every request to the
 * simulator dropped and the keychain store counting reads — and neither is touched. Secrets are
 * read only on reveal or copy (docs/security-requirements.md SEC-12), so none are stored: nothing
 * here reveals.
 */
const RECORD_COUNT = 1_000

/** One record gets a name no other generated record shares, so a search can find just it. */
const TARGET_INDEX = 737
const TARGET_NAME = 'Ledger sync bot'

let session: PreviewSession
let practice: PracticeRuntime
let sim: RunningSimulator
let secrets: ReturnType<typeof countingSecretStore> | undefined
let target: VaultRecordSummary

beforeAll(async () => {
  const records = generateVaultRecords(RECORD_COUNT)
  target = { ...records[TARGET_INDEX]!, systemUserName: TARGET_NAME }
  records[TARGET_INDEX] = target
  // The vault index lives in the data directory's settings file (Settings.vaultRecords); it is
  // written before the preview starts, as a vault the admin filled over months would be found.
  const dataDir = mkdtempSync(join(tmpdir(), 'sua-e2e-vault-1000-'))
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ vaultRecords: records }))

  practice = createPracticeRuntime()
  sim = (await practice.session()).simulator
  // "The network to the simulator cut": every request, whatever its path, is dropped.
  sim.faults.add({ fault: { kind: 'drop' }, times: 1_000_000 })
  session = await openPreviewSession({
    dataDir,
    ports: { practice },
    wrapSecrets: (store: SecretStore) => (secrets = countingSecretStore(store)),
  })
}, 90_000)

afterAll(async () => {
  await session?.close()
  await practice?.close()
})

/** The pager's range line ("Showing 1–100 of 1000"). */
const pagerRange = (page: Page) =>
  page.getByRole('navigation', { name: 'Pages of saved tokens' }).getByRole('status')

/** The search box of the vault list. */
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' })

describe('offline vault with 1,000 records', () => {
  it('lists, pages, searches and opens a record with 0 simulator requests and 0 keychain reads', async () => {
    const { page } = session
    expect(secrets, 'the counting keychain store is in place').toBeDefined()
    const readsBefore = secrets!.reads

    await openVault(page)
    // The first page: 100 rows, out of all 1,000 (the document never holds the whole vault).
    await expect.poll(() => vaultRows(page).count(), { timeout: 15_000 }).toBe(100)
    await expect.poll(() => pagerRange(page).innerText()).toMatch(/^Showing 1–100 of 1,?000$/)
    const firstPage = await vaultRows(page).allInnerTexts()

    // Forward with the pager: the next hundred, different rows.
    await page
      .getByRole('navigation', { name: 'Pages of saved tokens' })
      .getByRole('button', { name: /^Next / })
      .click()
    await expect.poll(() => pagerRange(page).innerText()).toMatch(/^Showing 101–200 of 1,?000$/)
    await expect.poll(() => vaultRows(page).count()).toBe(100)
    const secondPage = await vaultRows(page).allInnerTexts()
    expect(secondPage.filter((row) => firstPage.includes(row))).toEqual([])

    // Search by the system user's name: exactly the one record.
    await searchBox(page).fill(TARGET_NAME)
    await expect
      .poll(() => vaultRows(page).allInnerTexts())
      .toEqual([expect.stringContaining(TARGET_NAME)])
    const row = (await vaultRows(page).allInnerTexts())[0]!
    expect(row).toContain(target.businessName)

    // Open its detail: metadata from the data directory, the secret untouched.
    await page
      .getByRole('button', {
        name: `Open details: ${TARGET_NAME}, ${target.businessName}`,
        exact: true,
      })
      .click()
    const detail = page.getByRole('region', {
      name: `${TARGET_NAME} — ${target.businessName}`,
      exact: true,
    })
    await detail.waitFor()
    const text = await detail.innerText()
    expect(text).toContain(target.fingerprint)
    expect(text).toContain(target.appName)

    // Back, and the whole list again.
    await page.getByRole('button', { name: 'Back to all tokens' }).click()
    await searchBox(page).fill('')
    await expect.poll(() => pagerRange(page).innerText()).toMatch(/ of 1,?000$/)

    expect(sim.requests.length).toBe(0)
    expect(secrets!.reads - readsBefore).toBe(0)
    expect(secrets!.reads).toBe(0)
    // The only keychain read is the audit log's start check of its anchor, which holds no secret.
    expect(secrets!.anchorReads).toBeLessThanOrEqual(1)
    // The browser itself reached nothing but the preview (no stray request around the simulator).
    const origin = new URL(session.server.url).origin
    expect(session.requests.filter((url) => !url.startsWith(origin))).toEqual([])
    expect(session.pageErrors).toEqual([])
  })
})
