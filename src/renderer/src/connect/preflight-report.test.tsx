import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import type { PreflightReport } from '@shared/ipc/schemas/connect'
import { err, ok, type Result } from '@shared/result'
import { useConnectStore } from '../stores/connect-store'
import { BLOCKED_REPORT, GREEN_REPORT, PRACTICE_CONNECTION } from '@test-support/renderer/connect-fixtures'
import { deferred, PRACTICE_STATUS } from '@test-support/renderer/fake-api'
import { renderConnect } from '@test-support/renderer/render-connect'

type Answer = Result<PreflightReport> | (() => Promise<Result<PreflightReport>>)

/** Opens the report straight away: main already knows the connection and its business. */
async function openReport(preflight: Answer) {
  const connection = { ...PRACTICE_CONNECTION, businessId: '104000000000001' }
  const rendered = renderConnect({
    status: ok({ ...PRACTICE_STATUS, connection }),
    connect: { preflight },
  })
  const summary = await screen.findByRole('region', { name: 'Connected' })
  await rendered.user.click(within(summary).getByRole('button', { name: 'Continue setting up' }))
  return rendered
}

const lineTitled = (title: string): HTMLElement =>
  screen.getByRole('heading', { level: 3, name: title }).closest('li')!

describe('the preflight report', () => {
  it('explains every red line with what to do and a button to the Meta page', async () => {
    const { fake, user } = await openReport(ok(BLOCKED_REPORT))
    await screen.findByRole('heading', { level: 2, name: /ready for system users/ })
    const section = screen.getByRole('region', { name: /ready for system users/ })
    expect(
      within(section).getByText('3 things need your attention before you can add a system user.'),
    ).toBeVisible()

    const owned = lineTitled('The business owns the app')
    expect(owned).toHaveTextContent(/^Needs attention/)
    expect(owned).toHaveTextContent('This business does not own or claim the app.')
    expect(owned).toHaveTextContent('What to do: Claim the app in Business Settings › Apps.')
    const open = within(owned).getByRole('button', { name: 'Open the Meta page' })
    expect(open).toHaveAccessibleDescription('The business owns the app')
    await user.click(open)
    expect(fake.calls.openExternalLink).toEqual(['https://business.facebook.com/settings/apps'])

    // Parameters fill the line's words.
    expect(lineTitled('System users left')).toHaveTextContent('All 1 used (1 of 1).')
    expect(lineTitled('Two-factor authentication')).toHaveTextContent(
      'What to do: Turn on two-factor authentication for your account.',
    )
    // Amber: a word of its own, and its fix, but it blocks nothing.
    const tip = lineTitled('Require App Secret')
    expect(tip).toHaveTextContent(/^Good to know/)
    await user.click(within(tip).getByRole('button', { name: 'Open the Meta page' }))
    expect(fake.calls.openExternalLink).toContain('https://developers.facebook.com/apps/')
    // Green lines offer no fix.
    const tier = lineTitled('Access tier')
    expect(tier).toHaveTextContent(/^Ready/)
    expect(within(tier).queryByRole('button')).not.toBeInTheDocument()
    // Every line has an icon beside its word, and the icon is decoration.
    const checks = screen.getByRole('list', { name: 'Readiness checks' })
    expect(within(checks).getAllByRole('listitem')).toHaveLength(BLOCKED_REPORT.lines.length)
    within(checks)
      .getAllByRole('listitem')
      .forEach((line) => {
        expect(line.querySelector('svg[aria-hidden="true"]')).not.toBeNull()
      })
  })

  it('keeps "Add a system user" visible but disabled, with every reason beside it', async () => {
    const { user } = await openReport(ok(BLOCKED_REPORT))
    const add = await screen.findByRole('button', { name: 'Add a system user' })
    expect(add).toBeVisible()
    expect(add).toBeDisabled()
    const reasons = [
      'The business does not own the app.',
      'No system user slot is left.',
      'Two-factor authentication is required first.',
    ]
    expect(add).toHaveAccessibleDescription(
      `${en['connect.preflight.blocked']} ${reasons.join(' ')}`,
    )
    reasons.forEach((reason) => expect(screen.getByText(reason)).toBeVisible())
    await user.click(add)
    expect(useConnectStore.getState().screen).toBe('preflight')
  })

  it('checks again on request, keeping the last report and focus while it runs', async () => {
    let calls = 0
    const second = deferred<Result<PreflightReport>>()
    const { fake, user } = await openReport(async () => {
      calls += 1
      return calls === 1 ? ok(BLOCKED_REPORT) : second.promise
    })
    const again = await screen.findByRole('button', { name: 'Check again' })
    await user.click(again)
    expect(again).toHaveFocus()
    expect(
      screen.getByText('3 things need your attention before you can add a system user.'),
    ).toBeVisible()
    const region = screen
      .getAllByRole('status')
      .find((r) => r.classList.contains('visually-hidden'))!
    expect(region).toHaveTextContent(en['connect.preflight.loading']!)

    second.resolve(ok({ ...GREEN_REPORT, checkedAt: '2026-11-01T10:09:00.000Z' }))
    expect(await screen.findByRole('button', { name: 'Add a system user' })).toBeEnabled()
    await waitFor(() => expect(region).toHaveTextContent(en['connect.preflight.allReady']!))
    expect(again).toHaveFocus()
    expect(fake.connect.runPreflight).toBe(2)
  })

  it('shows a failed check translated, with a retry', async () => {
    let calls = 0
    const { user } = await openReport(async () => {
      calls += 1
      return calls === 1
        ? err('two-factor-required', 'graph.code.twoFactorRequired', { fbtraceId: 'F2A' })
        : ok(GREEN_REPORT)
    })
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(alert).toHaveTextContent(en['graph.code.twoFactorRequired']!)
    expect(alert).toHaveTextContent('F2A')
    expect(
      screen.getByRole('heading', { level: 2, name: en['connect.preflight.headingPending'] }),
    ).toBeVisible()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('button', { name: 'Add a system user' })).toBeEnabled()
  })

  it('lets the admin choose another business', async () => {
    const { fake, user } = await openReport(ok(GREEN_REPORT))
    await user.click(await screen.findByRole('button', { name: 'Choose another business' }))
    const heading = await screen.findByRole('heading', { level: 2, name: 'Choose your business' })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(fake.connect.listBusinesses).toBe(1)
  })
})
