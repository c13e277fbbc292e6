import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { err, ok } from '@shared/result'
import { useConnectStore } from '../stores/connect-store'
import { daysFromNow, PRACTICE_CONNECTION, REAL_CONNECTION } from '@test-support/renderer/connect-fixtures'
import { PRACTICE_STATUS } from '@test-support/renderer/fake-api'
import { renderConnect } from '@test-support/renderer/render-connect'

describe('the connection summary and Disconnect', () => {
  it('asks before disconnecting, says what happens, and returns focus when kept', async () => {
    const { fake, user } = renderConnect({
      status: ok({ ...PRACTICE_STATUS, connection: PRACTICE_CONNECTION }),
    })
    const summary = await screen.findByRole('region', { name: 'Connected' })
    const disconnect = within(summary).getByRole('button', { name: 'Disconnect' })
    await user.click(disconnect)

    const question = within(summary).getByRole('group', { name: 'Disconnect from this business?' })
    await waitFor(() => expect(question).toHaveFocus())
    expect(question).toHaveAccessibleDescription(en['connect.disconnect.explain'])
    expect(question).toHaveTextContent('keychain')
    expect(question).toHaveTextContent('Tokens saved in the Token vault stay where they are')
    expect(fake.connect.disconnect).toBe(0)

    await user.click(within(question).getByRole('button', { name: 'Stay connected' }))
    const again = within(summary).getByRole('button', { name: 'Disconnect' })
    await waitFor(() => expect(again).toHaveFocus())
    expect(fake.connect.disconnect).toBe(0)
  })

  it('disconnects on confirmation: the overview offers to start again and says it is done', async () => {
    const { fake, user } = renderConnect({
      status: ok({ ...PRACTICE_STATUS, connection: PRACTICE_CONNECTION }),
    })
    const summary = await screen.findByRole('region', { name: 'Connected' })
    await user.click(within(summary).getByRole('button', { name: 'Disconnect' }))
    await user.click(within(summary).getByRole('button', { name: 'Yes, disconnect' }))

    const start = await screen.findByRole('button', { name: 'Start setting up' })
    await waitFor(() => expect(start).toHaveFocus())
    expect(fake.connect.disconnect).toBe(1)
    expect(screen.queryByRole('region', { name: 'Connected' })).not.toBeInTheDocument()
    expect(screen.getAllByText(en['connect.disconnect.done']!).length).toBeGreaterThan(0)
  })

  it('disconnecting inside the flow leads back to the first Connect screen', async () => {
    const connection = { ...REAL_CONNECTION, businessId: '104000000000001' }
    const { user } = renderConnect({
      status: ok({ ...PRACTICE_STATUS, mode: 'real', connection }),
    })
    expect(await screen.findByRole('note', { name: 'Real business' })).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Continue setting up' }))
    await screen.findByRole('heading', { level: 2, name: /ready for system users/ })
    await user.click(screen.getByRole('button', { name: 'Disconnect' }))
    await user.click(screen.getByRole('button', { name: 'Yes, disconnect' }))

    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Where do you want to connect?',
    })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(screen.getByRole('radio', { name: 'Practice' })).toBeChecked()
    // Main reports practice again; the header follows.
    expect(await screen.findByRole('note', { name: 'Practice mode' })).toBeVisible()
  })

  it('keeps the connection and says why when disconnecting fails', async () => {
    const { user } = renderConnect({
      status: ok({ ...PRACTICE_STATUS, connection: PRACTICE_CONNECTION }),
      connect: { disconnect: err('keychain-failed', 'errors.keychainFailed') },
    })
    const summary = await screen.findByRole('region', { name: 'Connected' })
    await user.click(within(summary).getByRole('button', { name: 'Disconnect' }))
    await user.click(within(summary).getByRole('button', { name: 'Yes, disconnect' }))
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(alert).toHaveTextContent(en['errors.keychainFailed']!)
    expect(screen.getByRole('region', { name: 'Connected' })).toBeVisible()
    expect(useConnectStore.getState().screen).toBe('overview')
  })

  it('says when the sign-in has expired', async () => {
    renderConnect({
      status: ok({
        ...PRACTICE_STATUS,
        connection: { ...PRACTICE_CONNECTION, expiresAt: daysFromNow(-2) },
      }),
    })
    const summary = await screen.findByRole('region', { name: 'Connected' })
    expect(summary).toHaveTextContent(/expired on .+ — disconnect and sign in again/)
  })
})
