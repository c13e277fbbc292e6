import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { renderApp } from '@test-support/renderer/render-app'

describe('the Set up a system user home', () => {
  it('maps the eight Meta Business Suite steps to plain language, in order', async () => {
    renderApp()
    const stepsHeading = await screen.findByRole('heading', {
      level: 2,
      name: 'What the guide does, step by step',
    })
    const list = within(stepsHeading.closest('section')!).getByRole('list')
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(8)
    const metaNames = [
      'Go to Settings',
      'Users › System users',
      'Add new system user',
      'Name it, Create system user',
      'Assign assets',
      'Generate new token',
      'Select app and permissions',
      'Copy and save your token',
    ]
    items.forEach((item, index) => {
      expect(item).toHaveTextContent(`In Meta Business Suite: ${metaNames[index]}`)
      expect(within(item).getByRole('heading', { level: 3 })).toHaveTextContent(
        en[`flowHome.step${index + 1}.title`]!,
      )
    })
  })

  it('offers Start, explaining that it begins by connecting (practice by default)', async () => {
    renderApp()
    const start = await screen.findByRole('button', { name: 'Start setting up' })
    expect(start).toBeVisible()
    expect(start).toBeEnabled()
    const card = screen.getByRole('region', { name: 'Start here' })
    expect(card).toHaveTextContent(
      'First, connect to the business where the system user will live. New to this? Practise with Harbour Lane Bakery, a pretend business — nothing real changes.',
    )
  })

  it('enters the Connect step, with its progress, when Start is pressed', async () => {
    const user = userEvent.setup()
    renderApp()
    await user.click(await screen.findByRole('button', { name: 'Start setting up' }))
    const title = await screen.findByRole('heading', { level: 1, name: en['flowHome.step1.title'] })
    await waitFor(() => expect(title).toHaveFocus())
    expect(screen.getByText('Step 1 of 8: Connect')).toBeVisible()
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1)
    // The steps overview gives way to the step itself.
    expect(
      screen.queryByRole('heading', { name: 'What the guide does, step by step' }),
    ).not.toBeInTheDocument()
  })
})
