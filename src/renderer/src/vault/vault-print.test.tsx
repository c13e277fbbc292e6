import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { err, ok } from '@shared/result'
import { createFakeApi, makeRecord } from '@test-support/renderer/fake-api'
import { fakeListPage } from '@test-support/renderer/fake-vault-list'
import { renderApp, resetStores } from '@test-support/renderer/render-app'
import { fetchInventory } from './inventory-pages'
import { NOW, openVault, openVaultTool } from '@test-support/renderer/vault-test-helpers'
import { VaultPrint } from './vault-print'

const DAY_MS = 24 * 60 * 60 * 1000
const COUNT = 450 // three pages of at most 200

/** Fingerprints like real last-4s; each record is told apart by its system user's name. */
const manyRecords = () =>
  Array.from({ length: COUNT }, (_, index) =>
    makeRecord({
      id: `rec-${index}`,
      systemUserName: `Reader ${String(index).padStart(3, '0')}`,
      fingerprint: `F${String(index).padStart(3, '0')}`,
      expiresAt: index % 3 === 0 ? null : new Date(NOW + (index + 1) * DAY_MS).toISOString(),
      systemUserRole: index === 0 ? 'ADMIN' : 'EMPLOYEE',
      assets: index === 1 ? [{ id: 'page-1', kind: 'page', tasks: ['ANALYZE'] }] : undefined,
      lastCheck: index === 2 ? { at: '2026-12-20T09:00:00.000Z', outcome: 'revoked' } : null,
    }),
  )

async function openPrint(options: Parameters<typeof renderApp>[0]) {
  const rendered = renderApp(options)
  const user = userEvent.setup()
  await openVault(user)
  await openVaultTool(user, 'Print inventory')
  await screen.findByRole('heading', { level: 2, name: 'Token inventory' })
  return { ...rendered, user }
}

describe('the printable inventory', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('reads every record once across pages of 200, then stops', async () => {
    // The page breaks, from the model: no page lost, none counted twice, no page past the end.
    const fake = createFakeApi({ vault: ok({ records: manyRecords() }) })
    window.api = fake.api
    const result = await fetchInventory()
    expect(result.ok && result.value.map((record) => record.id)).toEqual(
      fakeListPage(manyRecords(), { offset: 0, limit: COUNT }, NOW).records.map((r) => r.id),
    )
    expect(new Set(result.ok ? result.value.map((record) => record.id) : []).size).toBe(COUNT)
    expect(fake.calls.listVaultRecords).toBe(3)
  })

  it('lists every record across pages of 200, with its metadata and no token', async () => {
    // The print screen alone: the list behind it would render 100 rows of its own, which costs
    // time and proves nothing here (the other tests open it from the toolbar).
    const fake = createFakeApi({ vault: ok({ records: manyRecords() }) })
    window.api = fake.api
    resetStores()
    render(<VaultPrint />)
    // Wait on the count line (a text query), then ask for the table by role once: a role query
    // re-run on every change of a 450-row table is the slow way to wait.
    await screen.findByText('The inventory lists 450 tokens.')
    const table = screen.getByRole('table', { name: 'Saved tokens, most urgent first' })
    // One role query for the table; its 450 rows are read from the DOM (a role query per row is
    // what made this test slow). A row's header cell is a <th scope="row">: its rowheader.
    const rows = [...(table as HTMLTableElement).tBodies[0]!.rows]
    expect(rows).toHaveLength(COUNT)
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Reader')
    const headers = rows.map((row) => row.querySelectorAll('th[scope="row"]'))
    expect(headers.every((cells) => cells.length === 1)).toBe(true)
    const names = headers.map((cells) => cells[0]!.textContent ?? '')
    // Every record exactly once: no page lost, none counted twice.
    for (let index = 0; index < COUNT; index += 1) {
      const name = `Reader ${String(index).padStart(3, '0')}`
      expect(names.filter((text) => text.startsWith(name))).toHaveLength(1)
    }
    expect(screen.getByText('The inventory lists 450 tokens.')).toBeInTheDocument()
    expect(screen.getByText(/contains no tokens/)).toBeInTheDocument()
    expect(screen.getByText(`Printed on ${'Jan 1, 2027'}`, { exact: false })).toBeInTheDocument()

    const admin = rows.find((row) => row.textContent?.includes('Reader 000'))!
    expect(admin).toHaveTextContent('admin')
    expect(admin).toHaveTextContent('Never')
    expect(admin).toHaveTextContent('F000')
    expect(admin).toHaveTextContent('Not checked yet')
    expect(rows.find((row) => row.textContent?.includes('Reader 002'))).toHaveTextContent(
      /Revoked.*revoked/,
    )
    const withAsset = rows.find((row) => row.textContent?.includes('Reader 001'))!
    expect(within(withAsset).getAllByRole('cell')[3]).toHaveTextContent('1')

    // Paged like the list: 3 pages of 200 for the inventory, and no secret asked for.
    const pages = fake.vault.calls
    expect(pages.revealSecret).toEqual([])
    expect(pages.copySecret).toEqual([])
    expect(fake.calls.listVaultRecords).toBe(3)
    // Nothing on the page looks like a token (Meta's start with EAA; the fake's reveal string).
    // Cell by cell (textContent runs cells together): no long opaque string, no fake token value.
    const cells = [...document.querySelectorAll('td, th, p')].map((cell) => cell.textContent ?? '')
    const tokenLike = cells.filter(
      (text) => /EAA[A-Za-z0-9]{8,}|[A-Za-z0-9_-]{32,}/.test(text) || text.includes('FAKE-TOKEN'),
    )
    expect(tokenLike).toEqual([])
    expect(cells.filter((text) => /^F\d{3}$/.test(text))).toHaveLength(COUNT)
  })

  it('Print calls window.print', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    const { user } = await openPrint({ vault: ok({ records: manyRecords().slice(0, 3) }) })
    await user.click(await screen.findByRole('button', { name: 'Print' }))
    expect(print).toHaveBeenCalledTimes(1)
  })

  it('shows the error with a retry when a page cannot be read, and prints nothing', async () => {
    let calls = 0
    const records = manyRecords().slice(0, 5)
    const { user } = await openPrint({
      vault: async () => {
        calls += 1
        // The list's first page works; the inventory's first attempt fails, the retry works.
        return calls === 2 ? err('internal', 'errors.internal') : ok({ records })
      },
    })
    const retry = await screen.findByRole('button', { name: /try again/i })
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Print' })).not.toBeInTheDocument()
    await user.click(retry)
    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Saved tokens, most urgent first' })).toBeTruthy(),
    )
    expect(screen.getByText('The inventory lists 5 tokens.')).toBeInTheDocument()
  })
})
