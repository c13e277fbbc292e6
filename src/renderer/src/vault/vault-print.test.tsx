import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { err, ok } from '@shared/result'
import { makeRecord } from '../testing/fake-api'
import { renderApp } from '../testing/render-app'
import { NOW, openVault } from './vault-test-helpers'

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
      systemUserRole: index === 0 ? 'admin' : 'employee',
      assets: index === 1 ? [{ id: 'page-1', kind: 'page', tasks: ['ANALYZE'] }] : undefined,
      lastCheck: index === 2 ? { at: '2026-12-20T09:00:00.000Z', outcome: 'revoked' } : null,
    }),
  )

async function openPrint(options: Parameters<typeof renderApp>[0]) {
  const rendered = renderApp(options)
  const user = userEvent.setup()
  await openVault(user)
  await user.click(
    await screen.findByRole('button', { name: 'Print inventory' }, { timeout: 5000 }),
  )
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

  it('lists every record across pages of 200, with its metadata and no token', async () => {
    const { fake } = await openPrint({ vault: ok({ records: manyRecords() }) })
    const table = await screen.findByRole('table', { name: 'Saved tokens, most urgent first' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(COUNT)
    const names = rows.map((row) => within(row).getByRole('rowheader').textContent ?? '')
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

    // Paged like the list: a first page for the list, then 3 pages of 200 for the inventory.
    const pages = fake.vault.calls
    expect(pages.revealSecret).toEqual([])
    expect(pages.copySecret).toEqual([])
    expect(fake.calls.listVaultRecords).toBe(1 + 3)
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
