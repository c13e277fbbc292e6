import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ok } from '@shared/result'
import { useFlowStore } from '../stores/flow-store'
import { makeOverview } from '@test-support/renderer/fake-flow-api'
import { press, renderFlow } from '@test-support/renderer/flow-test-helpers'

describe('flow: overview (step 2)', () => {
  it('lists system users with role, assets, apps and vault tokens, and the quota left', async () => {
    renderFlow()
    const card = await screen.findByRole('listitem', { name: 'Ad reports reader' })
    expect(within(card).getByText('Role: Employee')).toBeInTheDocument()
    expect(within(card).getByText('Ad accounts: Bakery ads')).toBeInTheDocument()
    expect(within(card).getByText('Installed apps: Bakery Reports')).toBeInTheDocument()
    expect(within(card).getByText('Tokens in your vault: 1')).toBeInTheDocument()
    expect(
      screen.getByText('Regular (Employee) system users: 1 used, 9 left of 10.'),
    ).toBeInTheDocument()
    expect(screen.getByText('Admin system user: 0 of 1 used.')).toBeInTheDocument()
    // The screen's heading takes focus, and the stepper says where the admin is in words.
    expect(screen.getByRole('heading', { level: 1, name: 'Your system users' })).toHaveFocus()
    const current = screen.getByRole('listitem', { current: 'step' })
    expect(current).toHaveTextContent('Step 2')
    expect(current).toHaveTextContent('You are here')
  })

  it('searches by name or asset, says how many match, and explains deleting with a link', async () => {
    const { user, fake } = renderFlow({
      flow: {
        overview: ok(
          makeOverview({
            systemUsers: [
              ...makeOverview().systemUsers,
              {
                id: '61',
                name: 'Page publisher',
                role: 'EMPLOYEE',
                assets: [],
                apps: [],
                vaultRecordIds: [],
              },
            ],
          }),
        ),
      },
    })
    await screen.findByRole('listitem', { name: 'Page publisher' })
    await user.type(screen.getByRole('searchbox', { name: 'Search your system users' }), 'bakery')
    expect(screen.queryByRole('listitem', { name: 'Page publisher' })).not.toBeInTheDocument()
    expect(screen.getByText('Showing 1 of 2 system users.')).toBeInTheDocument()
    expect(screen.getByText(/Meta has no API to delete a system user/)).toBeInTheDocument()
    await press(user, 'Open Business Settings in your browser')
    expect(fake.calls.openExternalLink).toEqual([
      'https://business.facebook.com/settings/system-users',
    ])
  })

  it('renames after checking the name, then reloads the overview', async () => {
    const { user, fake } = renderFlow()
    await user.click(await screen.findByRole('button', { name: 'Rename Ad reports reader' }))
    const field = screen.getByRole('textbox', { name: 'New name' })
    await user.clear(field)
    await press(user, 'Save the name')
    expect(screen.getByText('Enter a name.')).toBeInTheDocument()
    expect(fake.flow.calls.renames).toEqual([])
    await user.type(field, 'Reports reader')
    await press(user, 'Save the name')
    await waitFor(() => expect(fake.flow.calls.overview).toBe(2))
    expect(fake.flow.calls.renames).toEqual([
      { systemUserId: '6100000001', name: 'Reports reader' },
    ])
  })
})

describe('flow: goal, name and role (steps 3–4)', () => {
  it('offers a card for every goal and Custom, and needs a choice', async () => {
    const { user } = renderFlow()
    await press(user, 'Add a system user')
    expect(
      screen.getByRole('heading', { level: 1, name: 'What is this system user for?' }),
    ).toHaveFocus()
    expect(screen.getAllByRole('radio')).toHaveLength(8)
    expect(screen.getByRole('radio', { name: 'Custom' })).toBeInTheDocument()
    await press(user, 'Continue')
    expect(screen.getByText('Choose what the system user is for.')).toBeInTheDocument()
  })

  it('warns in words about broad access chosen in Custom', async () => {
    const { user } = renderFlow()
    await press(user, 'Add a system user')
    await user.click(screen.getByRole('radio', { name: 'Custom' }))
    await press(user, 'Continue')
    expect(
      screen.getByText('Choose at least one kind of access for your custom system user.'),
    ).toBeInTheDocument()
    const custom = screen.getByRole('region', { name: 'Choose the access yourself' })
    const adAccounts = within(custom).getByRole('group', { name: 'Ad accounts' })
    await user.click(within(adAccounts).getByRole('checkbox', { name: /Full control/ }))
    expect(within(adAccounts).getAllByText('Broad').length).toBeGreaterThan(0)
    const warnings = screen.getByRole('note', { name: 'Worth a second look' })
    expect(warnings.textContent).toMatch(/\S/)
    await press(user, 'Continue')
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Custom access')
  })

  it('suggests a name, validates it inline, and asks Admin to be confirmed', async () => {
    const { user } = renderFlow()
    await press(user, 'Add a system user')
    await user.click(screen.getByRole('radio', { name: 'Read ad performance reports' }))
    await press(user, 'Continue')
    const name = screen.getByRole('textbox', { name: 'Name' })
    expect(name).toHaveValue('Ad reports')
    expect(screen.getByRole('radio', { name: /Employee/ })).toBeChecked()
    await user.clear(name)
    await user.type(name, 'ad reports reader')
    await press(user, 'Continue')
    expect(name).toHaveAccessibleDescription(/already has a system user with this name/)
    await user.clear(name)
    await user.type(name, 'Admin tools')
    await user.click(screen.getByRole('radio', { name: /Admin/ }))
    expect(screen.getByRole('alert')).toHaveTextContent(/only one admin system user/)
    await press(user, 'Continue')
    expect(screen.getByText(/Tick the box to confirm/)).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: /I understand/ }))
    await press(user, 'Continue')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose what it may use' }),
    ).toHaveFocus()
    expect(useFlowStore.getState().draft.role).toBe('ADMIN')
  })

  it('does not offer Admin when the business already has its admin system user', async () => {
    const overview = makeOverview()
    const { user } = renderFlow({
      flow: {
        overview: ok({
          ...overview,
          quota: { ...overview.quota, admin: { used: 1, limit: 1, left: 0 } },
        }),
      },
    })
    await screen.findByText('Admin system user: 1 of 1 used.')
    await press(user, 'Add a system user')
    await user.click(screen.getByRole('radio', { name: 'Run ads' }))
    await press(user, 'Continue')
    expect(screen.getByRole('radio', { name: /Admin/ })).toBeDisabled()
  })
})
