import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '@shared/result'
import { renderApp } from '../testing/render-app'
import { mixedRecords, NOW, openVault } from './vault-test-helpers'

const rowTexts = (): string[] => {
  const table = screen.getByRole('table', { name: 'Saved tokens, most urgent first' })
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent ?? '')
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
})
