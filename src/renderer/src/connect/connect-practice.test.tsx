import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { ok } from '@shared/result'
import { useConnectStore } from '../stores/connect-store'
import { GREEN_REPORT, PRACTICE_CONNECTION } from '@test-support/renderer/connect-fixtures'
import { PRACTICE_STATUS } from '@test-support/renderer/fake-api'
import { renderConnect, startConnect } from '@test-support/renderer/render-connect'

/** The polite live region the Connect step announces its waits and outcomes in. */
const announcer = (): HTMLElement =>
  screen.getAllByRole('status').find((region) => region.classList.contains('visually-hidden'))!

describe('Connect in practice mode', () => {
  it('goes from "Start setting up" to an all-green preflight with the keyboard only', async () => {
    const { fake, user } = renderConnect()
    const start = await screen.findByRole('button', { name: 'Start setting up' })
    expect(start).toBeEnabled()
    expect(start).not.toHaveAttribute('aria-describedby')
    start.focus()
    await user.keyboard('{Enter}')

    // A new page: the step's h1 takes focus, with the progress in words above it.
    const title = await screen.findByRole('heading', { level: 1, name: en['flowHome.step1.title'] })
    await waitFor(() => expect(title).toHaveFocus())
    expect(screen.getByText('Step 1 of 8: Connect')).toBeVisible()

    // Practice is the default, and it asks for no app ID or secret.
    const practice = screen.getByRole('radio', { name: 'Practice' })
    expect(practice).toBeChecked()
    expect(practice).toHaveAccessibleDescription(
      'Rehearse with Harbour Lane Bakery, a pretend business. Nothing real changes, and you need no Meta app.',
    )
    expect(screen.queryByLabelText('App ID')).not.toBeInTheDocument()
    expect(screen.queryByLabelText('App secret')).not.toBeInTheDocument()

    // Tab from the heading: the radio group, then the sign-in button.
    await user.tab()
    expect(practice).toHaveFocus()
    await user.tab()
    const signIn = screen.getByRole('button', { name: 'Sign in with Facebook' })
    expect(signIn).toHaveFocus()
    expect(signIn).toHaveAccessibleDescription(en['connect.signIn.windowPractice'])
    await user.keyboard('{Enter}')

    // Signed in: the business picker, its heading focused, the sample business listed.
    const picker = await screen.findByRole('heading', { level: 2, name: 'Choose your business' })
    await waitFor(() => expect(picker).toHaveFocus())
    expect(fake.connect.signInWithFacebook).toEqual([{ app: { mode: 'practice' } }])
    const bakery = await screen.findByRole('radio', { name: 'Harbour Lane Bakery' })
    expect(bakery).toHaveAccessibleDescription('ID 104000000000001 · Verified')
    expect(screen.getByRole('radio', { name: 'North Quay Florists' })).toHaveAccessibleDescription(
      'ID 104000000000099 · Not verified',
    )

    // Arrow keys pick a radio; Tab reaches Continue.
    await user.tab()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('radio', { name: 'North Quay Florists' })).toBeChecked()
    await user.keyboard('{ArrowUp}')
    expect(bakery).toBeChecked()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus()
    await user.keyboard('{Enter}')

    const report = await screen.findByRole('heading', {
      level: 2,
      name: 'Is Harbour Lane Bakery ready for system users?',
    })
    await waitFor(() => expect(report).toHaveFocus())
    expect(fake.connect.chooseBusiness).toEqual(['104000000000001'])
    expect(fake.connect.runPreflight).toBe(1)

    const list = screen.getByRole('list', { name: 'Readiness checks' })
    const lines = within(list).getAllByRole('listitem')
    expect(lines).toHaveLength(GREEN_REPORT.lines.length)
    lines.forEach((line) => expect(line).toHaveTextContent(/^Ready/))
    expect(within(list).getByText('0 of 1 used.')).toBeVisible()
    expect(within(list).queryByRole('button')).not.toBeInTheDocument()
    const section = screen.getByRole('region', { name: /ready for system users/ })
    expect(within(section).getByText(en['connect.preflight.allReady']!)).toBeVisible()
    expect(announcer()).toHaveTextContent(en['connect.preflight.allReady']!)

    const add = screen.getByRole('button', { name: 'Add a system user' })
    expect(add).toBeEnabled()
    expect(add).not.toHaveAttribute('aria-describedby')
  })

  it('shows who is connected, where, and until when, in words', async () => {
    const { user } = renderConnect()
    await startConnect(user)
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))
    const summary = await screen.findByRole('region', { name: 'Connected' })
    await waitFor(() => expect(summary).toHaveTextContent('Signed in asAlex Baker'))
    expect(summary).toHaveTextContent('Practice — Harbour Lane Bakery, a pretend business')
    expect(summary).toHaveTextContent('Harbour Lane Orders (ID 104000000000002)')
    expect(summary).toHaveTextContent('BusinessNot chosen yet')
    expect(summary).toHaveTextContent(
      /Your own Facebook sign-in, expires in 59 days, on \w+ \d+, \d{4}/,
    )
    expect(summary.textContent).not.toMatch(/token":|EAA/)

    await user.click(await screen.findByRole('radio', { name: 'Harbour Lane Bakery' }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await screen.findByRole('heading', { name: /ready for system users/ })
    await waitFor(() => expect(summary).toHaveTextContent('BusinessHarbour Lane Bakery'))
  })

  it('leads an "Add a system user" press into the guided flow, at its overview (step 2)', async () => {
    const { user } = renderConnect()
    await startConnect(user)
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))
    await user.click(await screen.findByRole('radio', { name: 'Harbour Lane Bakery' }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.click(await screen.findByRole('button', { name: 'Add a system user' }))

    const overview = await screen.findByRole('heading', { name: en['flow.overview.heading'] })
    await waitFor(() => expect(overview).toHaveFocus())
    expect(screen.getByRole('navigation', { name: en['flow.stepper.label'] })).toBeVisible()
  })

  it('goes back to the overview, focusing its heading, and resumes where it left off', async () => {
    const { fake, user } = renderConnect()
    await startConnect(user)
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))
    await screen.findByRole('radio', { name: 'Harbour Lane Bakery' })
    await user.click(screen.getByRole('button', { name: 'Back to the overview' }))
    const overview = await screen.findByRole('heading', { level: 1, name: 'Set up a system user' })
    await waitFor(() => expect(overview).toHaveFocus())

    // Main now reports the connection: the overview shows it and offers to continue.
    const summary = await screen.findByRole('region', { name: 'Connected' })
    expect(summary).toHaveTextContent('Alex Baker')
    expect(screen.queryByRole('button', { name: 'Start setting up' })).not.toBeInTheDocument()
    await user.click(within(summary).getByRole('button', { name: 'Continue setting up' }))
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Choose your business' }),
    ).toBeInTheDocument()
    await waitFor(() => expect(fake.connect.listBusinesses).toBe(2))
    expect(useConnectStore.getState().screen).toBe('businesses')
  })

  it('resumes at the readiness check when main already knows the business', async () => {
    const connection = { ...PRACTICE_CONNECTION, businessId: '104000000000001' }
    const { fake, user } = renderConnect({
      status: ok({ ...PRACTICE_STATUS, connection }),
    })
    const summary = await screen.findByRole('region', { name: 'Connected' })
    await user.click(within(summary).getByRole('button', { name: 'Continue setting up' }))
    expect(
      await screen.findByRole('heading', {
        name: 'Is Harbour Lane Bakery ready for system users?',
      }),
    ).toBeInTheDocument()
    expect(fake.connect.listBusinesses).toBe(0)
    expect(fake.connect.runPreflight).toBe(1)
  })
})
