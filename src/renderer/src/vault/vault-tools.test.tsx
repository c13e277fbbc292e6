import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { err, ok } from '@shared/result'
import { useVaultToolsStore } from '../stores/vault-tools-store'
import { renderApp } from '@test-support/renderer/render-app'
import {
  installDialogPolyfill,
  mixedRecords,
  NOW,
  openVault,
} from '@test-support/renderer/vault-test-helpers'

const PASSWORD = 'four plain words here'

async function setUp(options: Parameters<typeof renderApp>[0] = {}) {
  const rendered = renderApp({ vault: ok({ records: mixedRecords() }), ...options })
  const user = userEvent.setup()
  await openVault(user)
  // The toolbar shows once the first page has arrived.
  await screen.findByRole('button', { name: 'Backup and export' })
  return { ...rendered, user }
}

describe('the vault tools', () => {
  beforeAll(installDialogPolyfill)
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('refuses a backup whose two passwords differ, and sends nothing', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Backup and export' }))
    const form = await screen.findByRole('form', { name: 'Encrypted backup' })
    expect(form).toHaveTextContent('AES-256')
    await user.type(within(form).getByLabelText('Password'), PASSWORD)
    expect(within(form).getByText('Strength: strong')).toBeInTheDocument()
    await user.type(within(form).getByLabelText('Password again'), 'four plain words hear')
    await user.click(within(form).getByRole('button', { name: 'Make the encrypted backup' }))
    const again = within(form).getByLabelText('Password again')
    expect(again).toHaveAttribute('aria-invalid', 'true')
    expect(again).toHaveAccessibleDescription(
      'The two passwords are not the same. Type them again.',
    )
    expect(fake.vault.calls.createVaultBackup).toEqual([])
  })

  it('refuses a short password with the minimum, then saves and forgets both passwords', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Backup and export' }))
    const form = await screen.findByRole('form', { name: 'Encrypted backup' })
    await user.type(within(form).getByLabelText('Password'), 'short')
    expect(within(form).getByText('Strength: too short')).toBeInTheDocument()
    await user.click(within(form).getByRole('button', { name: 'Make the encrypted backup' }))
    expect(within(form).getByLabelText('Password')).toHaveAccessibleDescription(
      /Use at least 12 characters/,
    )
    await user.clear(within(form).getByLabelText('Password'))
    await user.type(within(form).getByLabelText('Password'), PASSWORD)
    await user.type(within(form).getByLabelText('Password again'), PASSWORD)
    await user.click(within(form).getByRole('button', { name: 'Make the encrypted backup' }))
    expect(
      await screen.findByText('Saved an encrypted backup of 6 tokens to /home/admin/vault.backup.'),
    ).toBeInTheDocument()
    expect(fake.vault.calls.createVaultBackup).toEqual([{ password: PASSWORD }])
    const state = useVaultToolsStore.getState()
    expect([state.backupPassword, state.backupPasswordAgain]).toEqual(['', ''])
  })

  it('asks before restoring a backup', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Backup and export' }))
    const form = await screen.findByRole('form', { name: 'Restore a backup' })
    await user.type(within(form).getByLabelText('Backup password'), PASSWORD)
    await user.click(within(form).getByRole('button', { name: 'Choose the file and restore' }))
    const dialog = await screen.findByRole('dialog', { name: 'Restore the backup?' })
    expect(fake.vault.calls.restoreVaultBackup).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }))
    expect(await screen.findByText('Restored: 1 added, 0 replaced.')).toBeInTheDocument()
    expect(fake.vault.calls.restoreVaultBackup).toEqual([{ password: PASSWORD }])
    expect(useVaultToolsStore.getState().restorePassword).toBe('')
  })

  it('exports the inventory without secrets', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Backup and export' }))
    await user.click(await screen.findByRole('button', { name: 'Export the list' }))
    expect(
      await screen.findByText('Saved the list of 6 tokens to /home/admin/tokens.csv.'),
    ).toBeInTheDocument()
    expect(fake.vault.calls.exportInventory).toHaveLength(1)
  })

  it('imports a pasted token, forgets it at once, and shows a refusal in plain words', async () => {
    const { user, fake } = await setUp({
      vaultApi: {
        overrides: {
          importToken: async () => err('auth-invalid', 'errors.internal'),
        },
      },
    })
    await user.click(screen.getByRole('button', { name: 'Add an existing token' }))
    const field = await screen.findByLabelText('Token')
    await user.type(field, 'EAAB-pasted-token')
    await user.click(screen.getByRole('button', { name: 'Check and add' }))
    expect(await screen.findByRole('alert')).toBeInTheDocument()
    expect(fake.vault.calls.importToken).toEqual([{ token: 'EAAB-pasted-token' }])
    expect(useVaultToolsStore.getState().importToken).toBe('')
    expect(field).toHaveValue('')
  })

  it('locks from the button, shows the locked screen, and unlocks', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Lock the vault' }))
    const locked = await screen.findByRole('region', { name: 'The vault is locked' })
    expect(locked).toHaveTextContent('The vault is locked.')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(fake.vault.calls.lockVault).toHaveLength(1)
    await user.click(within(locked).getByRole('button', { name: 'Unlock' }))
    expect(
      await screen.findByRole('table', { name: 'Saved tokens, most urgent first' }),
    ).toBeInTheDocument()
  })

  it('lists the activity log, filters it in main, and exports what the filters match', async () => {
    const entries = [
      {
        index: 1,
        at: '2026-12-31T09:30:00.000Z',
        action: 'token-copied',
        actionKey: 'vaultMain.audit.action.token-copied',
        outcome: 'succeeded',
        outcomeKey: 'vaultMain.audit.outcome.succeeded',
        recordId: 'r-valid',
        businessId: '100200300',
      },
      {
        index: 0,
        at: '2026-12-30T08:00:00.000Z',
        action: 'token-revoked',
        actionKey: 'vaultMain.audit.action.token-revoked',
        outcome: 'failed',
        outcomeKey: 'vaultMain.audit.outcome.failed',
        businessId: '100200300',
      },
    ]
    const { user, fake } = await setUp({
      vaultApi: {
        overrides: {
          // As main does: only the entries matching the request's action and outcome.
          listAuditEntries: async (request) =>
            ok({
              entries: entries.filter(
                (entry) =>
                  (request?.action === undefined || entry.action === request.action) &&
                  (request?.outcome === undefined || entry.outcome === request.outcome),
              ),
              nextBefore: null,
              chain: { ok: false, messageKey: 'vaultMain.audit.chain.chain-broken', line: 2 },
            }),
          exportAuditLog: async () =>
            ok({ outcome: 'saved' as const, location: '/home/admin/activity.csv', count: 1 }),
        },
      },
    })
    await user.click(screen.getByRole('button', { name: 'Activity log' }))
    const table = await screen.findByRole('table', { name: 'Recent actions' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent('Copied a tokenDone100200300r-valid')
    expect(rows[1]).toHaveTextContent('Revoked a tokenFailed')
    expect(screen.getByText(/changed around entry 2/)).toBeInTheDocument()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'token-revoked')
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Recent actions' })).getAllByRole('row'),
      ).toHaveLength(2),
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'Result' }), 'succeeded')
    expect(await screen.findByText('Nothing recorded yet.')).toBeInTheDocument()
    // Calendar days in the admin's zone become [from, to) instants: "to" includes its whole day.
    await user.type(screen.getByLabelText('From (day)'), '2026-12-30')
    await user.type(screen.getByLabelText('To (day, included)'), '2026-12-31')
    const last = fake.vault.calls.listAuditEntries.at(-1) as Record<string, unknown>
    expect(last).toMatchObject({
      action: 'token-revoked',
      outcome: 'succeeded',
      from: new Date(2026, 11, 30).toISOString(),
      to: new Date(2027, 0, 1).toISOString(),
      limit: 100,
    })

    await user.click(screen.getByRole('button', { name: 'Export as CSV' }))
    expect(
      await screen.findByText(/Saved 1 entries to \/home\/admin\/activity.csv/),
    ).toBeInTheDocument()
    expect(fake.vault.calls.exportAuditLog.at(-1)).toEqual({
      action: 'token-revoked',
      outcome: 'succeeded',
      from: new Date(2026, 11, 30).toISOString(),
      to: new Date(2027, 0, 1).toISOString(),
    })
  })
})
