import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '@shared/result'
import { makeRecord } from '@test-support/renderer/fake-api'
import { renderApp } from '@test-support/renderer/render-app'
import { mixedRecords, NOW, openVault } from '@test-support/renderer/vault-test-helpers'

/** The list's body rows: the table by role once, its rows from the DOM (a role query per row is slow). */
const rowTexts = (): string[] => {
  const table = screen.getByRole('table', { name: 'Saved tokens, most urgent first' })
  return [...(table as HTMLTableElement).tBodies[0]!.rows].map((row) => row.textContent ?? '')
}

describe('the vault list', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('says each status in words with an icon, most urgent first, and tags practice records', async () => {
    renderApp({ vault: ok({ records: mixedRecords() }) })
    const user = userEvent.setup()
    await openVault(user)
    await screen.findByRole('table', { name: 'Saved tokens, most urgent first' })
    const rows = rowTexts()
    expect(rows).toHaveLength(6)
    // Expired, then revoked, then expiring, then unknown, then valid (soonest expiry first).
    expect(rows[0]).toMatch(/^Expired.*North Quay Florists.*Catalog sync/)
    expect(rows[1]).toMatch(/^Revoked.*Old reporter/)
    expect(rows[2]).toMatch(/^Expiring in 3 days.*Page poster/)
    expect(rows[3]).toMatch(/^Unknown since Dec 20, 2026.*Lead fetcher/)
    expect(rows[4]).toMatch(/^Valid.*Ad reports reader/)
    expect(rows[5]).toMatch(/^Valid.*Portfolio admin/)
    // Colour is never alone: each status word sits beside an icon, inside the same badge.
    for (const word of ['Expired', 'Revoked', 'Expiring in 3 days', 'Valid']) {
      const table = screen.getByRole('table', { name: 'Saved tokens, most urgent first' })
      const badge = within(table).getAllByText(word)[0]!.parentElement!
      expect(badge.querySelector('svg')).not.toBeNull()
    }
    // The real business's record has no practice tag; the practice ones do.
    const florists = screen.getByRole('rowheader', { name: /North Quay Florists/ })
    expect(florists).not.toHaveTextContent('Practice')
    expect(screen.getAllByRole('rowheader', { name: /Harbour Lane BakeryPractice/ })).toHaveLength(
      5,
    )
    expect(screen.getByText(/Works offline/)).toBeInTheDocument()
  })

  it('searches by business, system user, app, permission and asset, and filters by status', async () => {
    renderApp({ vault: ok({ records: mixedRecords() }) })
    const user = userEvent.setup()
    await openVault(user)
    const search = await screen.findByRole('searchbox', { name: 'Search' })

    await user.type(search, 'florists')
    expect(rowTexts()).toEqual([expect.stringMatching(/Catalog sync/)])
    expect(screen.getByText('1 token shown of 6')).toBeInTheDocument()

    await user.clear(search)
    await user.type(search, 'pages_manage_posts')
    expect(rowTexts()).toEqual([expect.stringMatching(/Page poster/)])

    await user.clear(search)
    await user.type(search, 'bakery page')
    expect(rowTexts()).toEqual([expect.stringMatching(/Page poster/)])

    await user.clear(search)
    await user.type(search, 'BAKERY SOCIAL')
    expect(rowTexts()).toEqual([expect.stringMatching(/Page poster/)])

    await user.clear(search)
    await user.type(search, 'lead')
    expect(rowTexts()).toEqual([expect.stringMatching(/Lead fetcher/)])

    await user.clear(search)
    const filter = screen.getByRole('combobox', { name: 'Show' })
    expect(within(filter).getByRole('option', { name: 'Valid (2)' })).toBeInTheDocument()
    await user.selectOptions(filter, 'valid')
    expect(rowTexts()).toEqual([
      expect.stringMatching(/Ad reports reader/),
      expect.stringMatching(/Portfolio admin/),
    ])

    await user.type(search, 'nothing-matches-this')
    expect(
      screen.queryByRole('table', { name: 'Saved tokens, most urgent first' }),
    ).not.toBeInTheDocument()
    expect(screen.getByText(/No saved token matches/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear the search' }))
    expect(rowTexts()).toHaveLength(6)
  })

  it('opens with an "expiring soon" panel listing what needs attention', async () => {
    renderApp({ vault: ok({ records: mixedRecords() }) })
    const user = userEvent.setup()
    await openVault(user)
    const panel = await screen.findByRole('region', { name: 'Expiring soon' })
    const items = within(panel).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      'ExpiredCatalog sync — North Quay Florists',
      'Expiring in 3 daysPage poster — Harbour Lane Bakery',
    ])
    await user.click(within(panel).getByRole('button', { name: /Page poster/ }))
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Page poster — Harbour Lane Bakery',
    })
    await waitFor(() => expect(heading).toHaveFocus())
  })

  it('says calmly when nothing expires soon', async () => {
    renderApp({ vault: ok({ records: [mixedRecords()[0]!] }) })
    await openVault(userEvent.setup())
    const panel = await screen.findByRole('region', { name: 'Expiring soon' })
    expect(panel).toHaveTextContent('Nothing expires in the next 14 days.')
  })

  it('draws the expiry timeline as an image with a text alternative and a table', async () => {
    renderApp({ vault: ok({ records: mixedRecords() }) })
    const user = userEvent.setup()
    await openVault(user)
    const region = await screen.findByRole('region', { name: 'When tokens expire' })
    const picture = within(region).getByRole('img')
    // The accessible name carries the numbers, so a screen reader hears what the bars show.
    expect(picture).toHaveAccessibleName(
      /When tokens expire 1 expired, 1 expiring in the next 14 days, 1 later, 2 never expire\./,
    )
    expect(picture.getAttribute('style')).toBeNull()
    const table = within(region).getByRole('table', { name: 'Tokens expiring, by week' })
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent)
    expect(cells[0]).toBe('Expired1')
    expect(cells[1]).toBe('Week of Jan 1, 20271')
    expect(cells.at(-1)).toBe('Never2')
  })

  it('shows 1,000 tokens a page at a time, with the full table size and each row position', async () => {
    const many = Array.from({ length: 1000 }, (_, n) =>
      makeRecord({
        id: `r${String(n).padStart(4, '0')}`,
        systemUserName: n % 4 === 0 ? `Orders ${n}` : `Reports ${n}`,
        expiresAt: new Date(NOW + (20 + (n % 500)) * 24 * 60 * 60 * 1000).toISOString(),
      }),
    )
    const { fake } = renderApp({ vault: ok({ records: many }) })
    const user = userEvent.setup()
    await openVault(user)
    const table = await screen.findByRole('table', { name: 'Saved tokens, most urgent first' })
    // One page in the document, never the whole vault.
    expect(rowTexts()).toHaveLength(100)
    expect(table).toHaveAttribute('aria-rowcount', '1001')
    const rows = within(table).getAllByRole('row')
    expect(rows[1]).toHaveAttribute('aria-rowindex', '2')
    expect(screen.getByText('Showing 1–100 of 1000')).toBeInTheDocument()
    const pager = screen.getByRole('navigation', { name: 'Pages of saved tokens' })
    expect(within(pager).getByRole('button', { name: 'Previous 100' })).toBeDisabled()

    await user.click(within(pager).getByRole('button', { name: 'Next 100' }))
    await screen.findByText('Showing 101–200 of 1000')
    const second = within(
      screen.getByRole('table', { name: 'Saved tokens, most urgent first' }),
    ).getAllByRole('row')
    expect(second).toHaveLength(101)
    expect(second[1]).toHaveAttribute('aria-rowindex', '102')
    expect(second[100]).toHaveAttribute('aria-rowindex', '201')
    // Soonest expiry first (n and n + 500 share a date): the second page goes on at n = 50.
    expect(second[1]).toHaveTextContent(/Reports 50Bakery/)
    expect(second[2]).toHaveTextContent(/Reports 550Bakery/)
    expect(within(pager).getByRole('button', { name: 'Previous 100' })).toBeEnabled()

    // A search starts again at the first page of its own matches.
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'orders')
    await screen.findByText('Showing 1–100 of 250')
    expect(screen.getByText('250 tokens shown of 1000')).toBeInTheDocument()
    expect(rowTexts().every((text) => text.includes('Orders'))).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Next 100' }))
    await user.click(await screen.findByRole('button', { name: 'Next 50' }))
    await screen.findByText('Showing 201–250 of 250')
    expect(rowTexts()).toHaveLength(50)
    expect(screen.getByRole('button', { name: 'Next 100' })).toBeDisabled()
    expect(fake.calls.listVaultRecords).toBeGreaterThan(3)
  })
})
