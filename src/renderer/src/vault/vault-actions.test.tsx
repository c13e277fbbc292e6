import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '@shared/result'
import { makeRecord } from '@test-support/renderer/fake-api'
import { renderApp } from '@test-support/renderer/render-app'
import {
  installDialogPolyfill,
  mixedRecords,
  NOW,
  openRecord,
  openVault,
} from '@test-support/renderer/vault-test-helpers'

async function setUp(name: RegExp) {
  const rendered = renderApp({ vault: ok({ records: mixedRecords() }) })
  const user = userEvent.setup()
  await openVault(user)
  await openRecord(user, name)
  return { ...rendered, user }
}

describe('a token’s details and actions', () => {
  beforeAll(installDialogPolyfill)
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the metadata with plain explanations of permissions, assets and tasks', async () => {
    await setUp(/Open details: Page poster/)
    const facts = screen.getAllByRole('term')[0]!.closest('dl')!
    expect(facts).toHaveTextContent('Harbour Lane Bakery (ID 100200300)')
    expect(facts).toHaveTextContent('pages_manage_posts')
    expect(facts).toHaveTextContent('Publish Page posts')
    expect(facts).toHaveTextContent('Harbour Lane Bakery Page · Facebook Pages')
    expect(facts).toHaveTextContent('Content')
    expect(facts).toHaveTextContent('Not checked yet')
    expect(facts).toHaveTextContent('Jan 4, 2027')
    expect(facts).not.toHaveTextContent('catalog.')
    expect(screen.getByText('Expiring in 3 days')).toBeInTheDocument()
  })

  it('refreshes only 60-day tokens, and explains why a never-expiring one cannot be', async () => {
    const { user, fake } = await setUp(/Open details: Lead fetcher/)
    const refresh = screen.getByRole('button', { name: 'Refresh' })
    expect(refresh).toBeDisabled()
    expect(refresh).toHaveAccessibleDescription(/never expires, so there is nothing to refresh/)

    await user.click(screen.getByRole('button', { name: 'Back to all tokens' }))
    await openRecord(user, /Open details: Page poster/)
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    expect(
      await screen.findByText('Refreshed. The token now works for another 60 days.'),
    ).toBeInTheDocument()
    expect(fake.vault.calls.refreshToken).toEqual([{ id: 'r-soon' }])
    expect(screen.queryByText('Expiring in 3 days')).not.toBeInTheDocument()
  })

  it('guides a rotation: generate, confirm the software is updated, then the old one is revoked', async () => {
    const { user, fake } = await setUp(/Open details: Ad reports reader/)
    await user.click(screen.getByRole('button', { name: 'Replace with a new token' }))
    const dialog = await screen.findByRole('dialog', { name: 'Replace with a new token' })
    const steps = within(dialog).getAllByRole('listitem')
    expect(steps.map((step) => step.textContent)).toEqual([
      'Make a new token',
      'Put it into the software that uses this one',
      'Switch the old token off',
    ])
    expect(steps[0]).toHaveAttribute('aria-current', 'step')
    expect(fake.vault.calls.startRotation).toEqual([])

    await user.click(within(dialog).getByRole('button', { name: 'Make the new token' }))
    expect(await within(dialog).findByText(/ending in N3w4/)).toBeInTheDocument()
    expect(within(dialog).getAllByRole('listitem')[1]).toHaveAttribute('aria-current', 'step')
    // Nothing is revoked until the admin says the software uses the new token.
    expect(fake.vault.calls.confirmRotation).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Copy the new token' }))
    expect(await within(dialog).findByText(/Copied — clears/)).toBeInTheDocument()

    await user.click(
      within(dialog).getByRole('button', { name: 'I’ve updated the software that uses it' }),
    )
    expect(await within(dialog).findByText(/old token is switched off/)).toBeInTheDocument()
    expect(fake.vault.calls.confirmRotation).toEqual([{ id: 'r-valid-new' }])

    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await screen.findByText('N3w4')).toBeInTheDocument()
  })

  it('asks before revoking, explains the effect, and can be cancelled', async () => {
    const { user, fake } = await setUp(/Open details: Ad reports reader/)
    const revoke = screen.getByRole('button', { name: 'Revoke' })
    await user.click(revoke)
    let dialog = await screen.findByRole('dialog', { name: 'Revoke this token?' })
    expect(dialog).toHaveTextContent('Every program that uses it stops working')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(fake.vault.calls.revokeToken).toEqual([])
    expect(revoke).toHaveFocus()

    await user.click(revoke)
    dialog = await screen.findByRole('dialog', { name: 'Revoke this token?' })
    await user.click(within(dialog).getByRole('button', { name: 'Revoke the token' }))
    expect(
      await screen.findByText('Revoked. Meta confirms the token no longer works.'),
    ).toBeInTheDocument()
    expect(fake.vault.calls.revokeToken).toEqual([{ id: 'r-valid' }])
    expect(screen.getByRole('button', { name: 'Revoke' })).toBeDisabled()
  })

  it('revokes every token of the system user only after a warning that names the wider effect', async () => {
    const rendered = renderApp({
      vault: ok({ records: mixedRecords() }),
      vaultApi: {
        overrides: {
          revokeAllTokens: async () => ok({ revokedIds: ['r-valid'], verified: false }),
        },
      },
    })
    const user = userEvent.setup()
    await openVault(user)
    await openRecord(user, /Open details: Ad reports reader/)
    const revokeAll = screen.getByRole('button', { name: 'Revoke all tokens of this system user' })
    expect(revokeAll).toHaveAccessibleDescription(/not only the ones saved here/)
    await user.click(revokeAll)
    let dialog = await screen.findByRole('dialog', {
      name: 'Revoke every token of Ad reports reader?',
    })
    expect(dialog).toHaveAccessibleDescription(/EVERY token of this system user/)
    expect(dialog).toHaveTextContent('any made elsewhere that are not in this vault')
    expect(dialog).toHaveTextContent('software other people or companies run for you')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(rendered.fake.vault.calls.revokeAllTokens).toEqual([])

    await user.click(revokeAll)
    dialog = await screen.findByRole('dialog', { name: /Revoke every token/ })
    await user.click(within(dialog).getByRole('button', { name: 'Revoke all tokens' }))
    expect(
      await screen.findByText(/could not confirm it for all the ones saved here yet/),
    ).toBeInTheDocument()
    expect(rendered.fake.vault.calls.revokeAllTokens).toEqual([{ systemUserId: '6100000001' }])
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('names the system user, not the token’s label, before revoking all of its tokens', async () => {
    const imported = makeRecord({
      id: 'r-imported',
      kind: 'imported',
      label: 'Shop server',
      systemUserId: '6100000009',
    })
    const { systemUserName: _none, ...unnamed } = imported
    renderApp({ vault: ok({ records: [...mixedRecords(), unnamed] }) })
    const user = userEvent.setup()
    await openVault(user)
    await openRecord(user, /Open details: Shop server/)
    await user.click(screen.getByRole('button', { name: 'Revoke all tokens of this system user' }))
    expect(
      await screen.findByRole('dialog', { name: 'Revoke every token of system user 6100000009?' }),
    ).toBeInTheDocument()
  })

  it('offers revoke-all only for records that belong to a system user', async () => {
    const records = mixedRecords().map((record) =>
      record.id === 'r-valid' ? { ...record, systemUserId: undefined } : record,
    )
    renderApp({ vault: ok({ records }) })
    const user = userEvent.setup()
    await openVault(user)
    await openRecord(user, /Open details: Ad reports reader/)
    expect(screen.getByRole('button', { name: 'Revoke' })).toBeInTheDocument()
    expect(
      screen.queryByRole('button', { name: 'Revoke all tokens of this system user' }),
    ).not.toBeInTheDocument()
  })

  it('asks before removing, says the token stays valid at Meta, and returns to the list', async () => {
    const { user, fake } = await setUp(/Open details: Ad reports reader/)
    await user.click(screen.getByRole('button', { name: 'Remove from vault' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove this token from the vault?' })
    expect(dialog).toHaveTextContent('The token itself keeps working at Meta')
    expect(dialog).toHaveTextContent('revoke it first')
    await user.click(within(dialog).getByRole('button', { name: 'Remove from vault' }))
    expect(await screen.findByText('Removed from the vault.')).toBeInTheDocument()
    expect(fake.vault.calls.removeVaultRecord).toEqual([{ id: 'r-valid' }])
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { level: 2, name: 'Saved tokens, most urgent first' }),
      ).toHaveFocus(),
    )
  })

  it('saves notes and starts a check that runs in the background', async () => {
    const { user, fake } = await setUp(/Open details: Ad reports reader/)
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'Used by the reporting server')
    await user.click(screen.getByRole('button', { name: 'Save notes' }))
    expect(await screen.findByText('Notes saved.')).toBeInTheDocument()
    expect(fake.vault.calls.setVaultRecordNote).toEqual([
      { id: 'r-valid', note: 'Used by the reporting server' },
    ])
    await user.click(screen.getByRole('button', { name: 'Check now' }))
    expect(await screen.findByText(/Checking with Meta. You can keep working/)).toBeInTheDocument()
    expect(fake.vault.calls.checkTokenHealth).toEqual([{ ids: ['r-valid'] }])
  })
})
