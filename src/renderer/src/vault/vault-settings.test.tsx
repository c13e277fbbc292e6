import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { err, ok } from '@shared/result'
import { renderApp } from '@test-support/renderer/render-app'
import { mixedRecords, openVault, openVaultTool } from '@test-support/renderer/vault-test-helpers'

async function openSettings(options: Parameters<typeof renderApp>[0] = {}) {
  const rendered = renderApp({ vault: ok({ records: mixedRecords() }), ...options })
  const user = userEvent.setup()
  await openVault(user)
  await openVaultTool(user, 'Vault settings')
  const idle = await screen.findByRole('textbox', {
    name: 'Lock the vault after this many idle minutes',
  })
  await waitFor(() => expect(idle).toHaveValue('5'))
  const clipboard = screen.getByRole('textbox', {
    name: 'Clear a copied token after this many seconds',
  })
  return { ...rendered, user, idle, clipboard }
}

describe('the vault settings panel', () => {
  it('shows the saved values with their bounds in words, and saves new ones', async () => {
    const { user, fake, idle, clipboard } = await openSettings()
    expect(screen.getByRole('heading', { level: 2, name: 'Vault settings' })).toHaveFocus()
    expect(clipboard).toHaveValue('30')
    expect(idle).toHaveAccessibleDescription(/from 1 to 480 minutes \(8 hours\)/)
    expect(clipboard).toHaveAccessibleDescription(/from 10 to 120 seconds/)

    await user.clear(idle)
    await user.type(idle, '15')
    await user.clear(clipboard)
    await user.type(clipboard, '60')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText('Settings saved. They apply from now on.')).toBeInTheDocument()
    expect(fake.vault.calls.setVaultPreferences).toEqual([
      { idleLockMinutes: 15, clipboardClearSeconds: 60 },
    ])
  })

  it('says what is wrong beside each field out of bounds, and sends nothing', async () => {
    const { user, fake, idle, clipboard } = await openSettings()
    await user.clear(idle)
    await user.type(idle, '481')
    await user.clear(clipboard)
    await user.type(clipboard, '9.5')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(idle).toHaveAttribute('aria-invalid', 'true')
    expect(idle).toHaveAccessibleDescription(/Enter a whole number of minutes from 1 to 480/)
    expect(clipboard).toHaveAttribute('aria-invalid', 'true')
    expect(clipboard).toHaveAccessibleDescription(/Enter a whole number of seconds from 10 to 120/)
    expect(fake.vault.calls.setVaultPreferences).toEqual([])

    // Fixing a field clears its message.
    await user.clear(clipboard)
    await user.type(clipboard, '10')
    expect(clipboard).not.toHaveAttribute('aria-invalid')
    expect(idle).toHaveAttribute('aria-invalid', 'true')
  })

  it('shows main’s refusal in words', async () => {
    const { user } = await openSettings({
      vaultApi: {
        overrides: { setVaultPreferences: async () => err('conflict', 'vaultMain.locked') },
      },
    })
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault is locked.')
    expect(screen.queryByText('Settings saved. They apply from now on.')).not.toBeInTheDocument()
  })
})
