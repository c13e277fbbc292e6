import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { renderApp } from '../testing/render-app'

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
        en[`setup.step${index + 1}.title`]!,
      )
    })
  })

  it('shows Start disabled, with the reason in text', async () => {
    renderApp()
    const start = await screen.findByRole('button', { name: 'Start setting up' })
    expect(start).toBeVisible()
    expect(start).toBeDisabled()
    expect(start).toHaveAccessibleDescription(en['setup.start.unavailable'])
    expect(screen.getByText(en['setup.start.unavailable']!)).toBeVisible()
  })
})
