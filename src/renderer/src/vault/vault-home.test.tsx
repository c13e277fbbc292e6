import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { en } from '@shared/i18n/en'
import { err, ok, type Result } from '@shared/result'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { deferred, makeRecord } from '@test-support/renderer/fake-api'
import { renderApp } from '@test-support/renderer/render-app'

type VaultAnswer = Result<{ records: VaultRecordSummary[] }>

async function openVault(): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup()
  const nav = screen.getByRole('navigation', { name: 'Main' })
  await user.click(within(nav).getByRole('button', { name: 'Token vault' }))
  await screen.findByRole('heading', { level: 1, name: 'Token vault' })
  return user
}

describe('the Token vault home', () => {
  // Statuses depend on the date: fix it, so the fixtures' expiry dates stay in the future.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-01T12:00:00.000Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('explains the vault when it is empty and leads to setup', async () => {
    const { fake } = renderApp({ vault: ok({ records: [] }) })
    const user = await openVault()
    const empty = await screen.findByRole('region', { name: 'No tokens saved yet' })
    expect(empty).toHaveTextContent('keychain')
    expect(empty).toHaveTextContent('Meta shows a new token only once')
    expect(empty).toHaveTextContent('even without an internet connection')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(fake.calls.listVaultRecords).toBe(1)

    await user.click(within(empty).getByRole('button', { name: 'Set up a system user' }))
    const heading = await screen.findByRole('heading', { level: 1, name: 'Set up a system user' })
    await waitFor(() => expect(heading).toHaveFocus())
  })

  it('lists saved tokens in an accessible table, metadata only', async () => {
    const records = [
      makeRecord(),
      makeRecord({
        id: 'rec-2',
        practice: false,
        businessName: 'North Quay Florists',
        systemUserName: 'Page poster',
        appName: undefined,
        appId: '555444333',
        expiresAt: null,
        fingerprint: '7hTz',
      }),
      makeRecord({
        id: 'rec-3',
        kind: 'admin-user',
        systemUserId: undefined,
        systemUserName: undefined,
        expiresAt: '2027-01-20T12:00:00.000Z',
        fingerprint: 'a1B2',
      }),
    ]
    renderApp({ vault: ok({ records }) })
    await openVault()
    const table = await screen.findByRole('table', { name: 'Saved tokens, most urgent first' })
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent)
    expect(headers).toEqual([
      'Status',
      'Business',
      'System user',
      'App',
      'Expires',
      'Last 4 characters',
      'Details',
    ])

    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    // Sorted by urgency: all valid, so the soonest expiry first and "never" last.
    const [first, third, second] = rows.map((row) => within(row))
    expect(first!.getByRole('rowheader')).toHaveTextContent('Harbour Lane BakeryPractice')
    expect(first!.getByText('Ad reports reader')).toBeInTheDocument()
    expect(first!.getByText('Bakery Reports')).toBeInTheDocument()
    expect(first!.getByText('Jan 15, 2027')).toHaveAttribute('datetime', '2027-01-15T12:00:00.000Z')
    expect(first!.getByLabelText('Ends in Xk9Q')).toHaveTextContent('Xk9Q')

    expect(second!.getByRole('rowheader')).toHaveTextContent(/^North Quay Florists$/)
    expect(second!.getByText('555444333')).toBeInTheDocument()
    expect(second!.getByText('Never')).toBeInTheDocument()

    expect(third!.getByText('Your admin sign-in')).toBeInTheDocument()
    expect(screen.getByText('3 saved tokens')).toHaveAttribute('role', 'status')
  })

  it('announces loading politely, then the result', async () => {
    const answer = deferred<VaultAnswer>()
    renderApp({ vault: () => answer.promise })
    await openVault()
    const status = screen.getByRole('status')
    expect(status).toHaveTextContent('Loading your saved tokens…')
    answer.resolve(ok({ records: [makeRecord()] }))
    await waitFor(() => expect(status).toHaveTextContent('1 saved token'))
    expect(status).not.toHaveTextContent('tokens')
  })

  it('shows an error Result with its translated message, hint and reference, and retries', async () => {
    let answer: VaultAnswer = err('storage-failed', 'errors.storageFailed', {
      hintKey: 'errors.keychainLocked',
      fbtraceId: 'AbC123trace',
    })
    const { fake } = renderApp({ vault: async () => answer })
    const user = await openVault()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(en['errors.storageFailed']!)
    expect(alert).toHaveTextContent(en['errors.keychainLocked']!)
    expect(alert).toHaveTextContent('Reference for Meta support: AbC123trace')
    expect(alert).not.toHaveTextContent('errors.')

    answer = ok({ records: [] })
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('region', { name: 'No tokens saved yet' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(fake.calls.listVaultRecords).toBe(2)
  })

  it('says how long to wait when Meta asked to slow down', async () => {
    renderApp({ vault: err('rate-limited', 'errors.internal', { retryAfterMs: 12_500 }) })
    await openVault()
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Wait about 13 seconds before trying again.',
    )
  })

  it('turns a rejected bridge call into the translated internal error, never raw text', async () => {
    renderApp({
      vault: () => Promise.reject(new Error('ipc exploded: secret-ish detail')),
    })
    await openVault()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(en['errors.internal']!)
    expect(alert).not.toHaveTextContent('ipc exploded')
  })
})
