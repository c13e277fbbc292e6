import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { err, ok } from '@shared/result'
import { NO_KEYCHAIN_STATUS, PRACTICE_STATUS } from '@test-support/renderer/fake-api'
import { renderApp } from '@test-support/renderer/render-app'

describe('the app shell', () => {
  it('shows the product name, the practice marker with its explanation, and the setup home', async () => {
    renderApp()
    const header = screen.getByRole('banner')
    expect(within(header).getByText('System User Assistant')).toBeInTheDocument()
    const marker = await within(header).findByRole('note', { name: 'Practice mode' })
    expect(marker).toHaveAccessibleDescription('Nothing here touches a real business.')
    expect(marker).toBeVisible()
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Set up a system user' }),
    ).toBeInTheDocument()
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1)
    expect(document.title).toBe('Set up a system user – System User Assistant')
  })

  it('marks a real business differently from practice', async () => {
    renderApp({ status: ok({ ...PRACTICE_STATUS, mode: 'real' }) })
    expect(await screen.findByRole('note', { name: 'Real business' })).toHaveAccessibleDescription(
      en['shell.mode.realDescription'],
    )
    expect(screen.queryByRole('note', { name: 'Practice mode' })).not.toBeInTheDocument()
  })

  it('asks for an update from 90 days before Meta may retire the Graph API version', async () => {
    const graphApi = { version: 'v27.0', retiresNotBefore: '2028-11-04', retiresInDays: 42 }
    renderApp({ status: ok({ ...PRACTICE_STATUS, graphApi }) })
    const notice = await screen.findByText('Update this app soon')
    expect(notice.closest('[role="status"]')).toHaveTextContent(
      'Graph API v27.0, which Meta may stop offering from Nov 4, 2028 (42 days from now)',
    )
  })

  it('says nothing about the version while its end is further away', async () => {
    renderApp()
    await screen.findByRole('heading', { level: 1, name: 'Set up a system user' })
    expect(screen.queryByText('Update this app soon')).not.toBeInTheDocument()
  })

  it('has a main navigation with both homes and marks the current one', async () => {
    renderApp()
    const nav = screen.getByRole('navigation', { name: 'Main' })
    const setup = within(nav).getByRole('button', { name: 'Set up a system user' })
    const vault = within(nav).getByRole('button', { name: 'Token vault' })
    expect(setup).toHaveAttribute('aria-current', 'page')
    expect(vault).not.toHaveAttribute('aria-current')
    await screen.findByRole('heading', { level: 1 })
  })

  it('switches homes from the keyboard, moving focus to the new h1 and updating the title', async () => {
    const user = userEvent.setup()
    renderApp()
    await screen.findByRole('heading', { level: 1, name: 'Set up a system user' })
    const nav = screen.getByRole('navigation', { name: 'Main' })
    const flowItem = within(nav).getByRole('button', { name: 'Set up a system user' })
    const vaultItem = within(nav).getByRole('button', { name: 'Token vault' })

    await user.tab()
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveFocus()
    await user.tab()
    expect(flowItem).toHaveFocus()
    await user.tab()
    expect(vaultItem).toHaveFocus()
    await user.keyboard('{Enter}')

    const vaultHeading = await screen.findByRole('heading', { level: 1, name: 'Token vault' })
    await waitFor(() => expect(vaultHeading).toHaveFocus())
    expect(vaultHeading).toHaveAttribute('tabindex', '-1')
    expect(vaultItem).toHaveAttribute('aria-current', 'page')
    expect(flowItem).not.toHaveAttribute('aria-current')
    expect(document.title).toBe('Token vault – System User Assistant')

    // Back from the heading through the navigation, with Space this time.
    await user.tab({ shift: true })
    expect(vaultItem).toHaveFocus()
    await user.tab({ shift: true })
    expect(flowItem).toHaveFocus()
    await user.keyboard(' ')
    const flowHeading = await screen.findByRole('heading', {
      level: 1,
      name: 'Set up a system user',
    })
    await waitFor(() => expect(flowHeading).toHaveFocus())
    expect(flowItem).toHaveAttribute('aria-current', 'page')
    expect(vaultItem).not.toHaveAttribute('aria-current')
    expect(document.title).toBe('Set up a system user – System User Assistant')
  })

  it('does not steal focus to the heading on first load', async () => {
    renderApp()
    const heading = await screen.findByRole('heading', { level: 1 })
    expect(heading).not.toHaveFocus()
  })

  it('skip link moves focus to the main content', async () => {
    const user = userEvent.setup()
    renderApp()
    await screen.findByRole('heading', { level: 1 })
    await user.tab()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('main')).toHaveFocus()
  })

  it('warns with the translated problem when the keychain is unavailable', async () => {
    renderApp({ status: ok(NO_KEYCHAIN_STATUS) })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Tokens will not be saved on this computer')
    expect(alert).toHaveTextContent(en['errors.keychainLocked']!)
    expect(alert).not.toHaveTextContent('errors.keychainLocked')
    expect(screen.getByText('Keychain unavailable')).toBeInTheDocument()
  })

  it('shows no keychain warning when the keychain works', async () => {
    renderApp()
    expect(await screen.findByText('Keychain ready')).toBeInTheDocument()
    expect(screen.getByText('Version 0.1.0')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('follows status changes pushed by main', async () => {
    const { fake } = renderApp()
    await screen.findByText('Keychain ready')
    fake.emitStatus(NO_KEYCHAIN_STATUS)
    expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.keychainLocked']!)
  })

  it('shows a failed status check with the translated message and recovers on retry', async () => {
    const user = userEvent.setup()
    let answer = err('storage-failed', 'errors.storageFailed')
    const { fake } = renderApp({ status: async () => answer })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The app could not check its status')
    expect(alert).toHaveTextContent(en['errors.storageFailed']!)
    expect(alert).not.toHaveTextContent('errors.storageFailed')

    answer = ok(PRACTICE_STATUS) as typeof answer
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Keychain ready')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(fake.calls.getAppStatus).toBe(2)
  })

  it('unsubscribes from status events when it unmounts', async () => {
    const { fake, unmount } = renderApp()
    await screen.findByText('Keychain ready')
    expect(fake.listenerCount()).toBe(1)
    unmount()
    expect(fake.listenerCount()).toBe(0)
  })
})
