import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import type { BusinessListResponse } from '@shared/ipc/schemas/connect'
import { err, ok, type Result } from '@shared/result'
import type { z } from 'zod'
import { SAMPLE_BUSINESSES } from '@test-support/renderer/connect-fixtures'
import { renderConnect, startConnect } from '@test-support/renderer/render-connect'

type BusinessAnswer = Result<z.infer<typeof BusinessListResponse>>

/** Connects in practice and waits for the picker's answer to be on screen. */
async function openPicker(businesses: BusinessAnswer | (() => Promise<BusinessAnswer>)) {
  const rendered = renderConnect({ connect: { businesses } })
  await startConnect(rendered.user)
  await rendered.user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))
  await screen.findByRole('heading', { level: 2, name: 'Choose your business' })
  return rendered
}

describe('the business picker', () => {
  it('pre-selects the business remembered for this app and marks it', async () => {
    const { fake, user } = await openPicker(
      ok({ businesses: SAMPLE_BUSINESSES, rememberedBusinessId: '104000000000099' }),
    )
    const group = await screen.findByRole('group', { name: 'Business portfolios' })
    const remembered = within(group).getByRole('radio', { name: 'North Quay Florists' })
    expect(remembered).toBeChecked()
    expect(remembered).toHaveAccessibleDescription(
      'ID 104000000000099 · Not verified Chosen last time',
    )
    expect(
      within(group).getByRole('radio', { name: 'Old Mill Market' }),
    ).toHaveAccessibleDescription('ID 104000000000098 · Verification in progress')
    expect(
      within(group)
        .getAllByRole('radio')
        .filter((radio) => radio.matches(':checked')),
    ).toHaveLength(1)

    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await screen.findByRole('heading', { level: 2, name: /ready for system users/ })
    expect(fake.connect.chooseBusiness).toEqual(['104000000000099'])
  })

  it('ignores a remembered business that is no longer in the list', async () => {
    await openPicker(ok({ businesses: SAMPLE_BUSINESSES, rememberedBusinessId: '999' }))
    const radios = await screen.findAllByRole('radio')
    expect(radios).toHaveLength(3)
    radios.forEach((radio) => expect(radio).not.toBeChecked())
    expect(screen.queryByText('Chosen last time')).not.toBeInTheDocument()
  })

  it('pre-selects the only business there is', async () => {
    await openPicker(ok({ businesses: [SAMPLE_BUSINESSES[0]!], rememberedBusinessId: null }))
    expect(await screen.findByRole('radio', { name: 'Harbour Lane Bakery' })).toBeChecked()
  })

  it('asks for a choice instead of sending none', async () => {
    const { fake, user } = await openPicker(
      ok({ businesses: SAMPLE_BUSINESSES, rememberedBusinessId: null }),
    )
    await screen.findAllByRole('radio')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    const group = screen.getByRole('group', { name: 'Business portfolios' })
    await waitFor(() => expect(group).toHaveFocus())
    expect(group).toHaveAccessibleDescription(en['connect.businesses.chooseOne'])
    expect(fake.connect.chooseBusiness).toEqual([])

    await user.click(screen.getByRole('radio', { name: 'Old Mill Market' }))
    expect(screen.queryByText(en['connect.businesses.chooseOne']!)).not.toBeInTheDocument()
  })

  it('explains an empty list: only an admin of a business portfolio can add system users', async () => {
    let answers = 0
    const { fake, user } = await openPicker(async () => {
      answers += 1
      return answers === 1
        ? ok({ businesses: [], rememberedBusinessId: null })
        : ok({ businesses: SAMPLE_BUSINESSES, rememberedBusinessId: null })
    })
    const empty = await screen.findByRole('heading', {
      level: 3,
      name: 'No business portfolios found',
    })
    const note = empty.parentElement!
    expect(note).toHaveTextContent('you must be an admin of a business portfolio')
    expect(screen.queryByRole('button', { name: 'Continue' })).not.toBeInTheDocument()

    await user.click(within(note).getByRole('button', { name: 'Open Meta Business Suite' }))
    expect(fake.calls.openExternalLink).toEqual(['https://business.facebook.com/'])
    await user.click(within(note).getByRole('button', { name: 'Check again' }))
    expect(await screen.findByRole('radio', { name: 'Harbour Lane Bakery' })).toBeVisible()
    expect(fake.connect.listBusinesses).toBe(2)
  })

  it('shows a failed list translated, focuses it, and retries', async () => {
    let answers = 0
    const { user } = await openPicker(async () => {
      answers += 1
      return answers === 1
        ? err('network', 'graph.network', { hintKey: 'graph.hint.checkConnection' })
        : ok({ businesses: SAMPLE_BUSINESSES, rememberedBusinessId: null })
    })
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(alert).toHaveTextContent(en['graph.network']!)
    expect(alert).toHaveTextContent(en['graph.hint.checkConnection']!)
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('radio', { name: 'Harbour Lane Bakery' })).toBeVisible()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('keeps the admin on the picker with the reason when choosing fails', async () => {
    const rendered = renderConnect({
      connect: {
        choose: err('permission-denied', 'graph.code.permissionDenied', { fbtraceId: 'T1' }),
      },
    })
    await startConnect(rendered.user)
    await rendered.user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))
    await rendered.user.click(await screen.findByRole('radio', { name: 'Harbour Lane Bakery' }))
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(en['graph.code.permissionDenied']!)
    expect(alert).toHaveTextContent('T1')
    expect(screen.getByRole('heading', { level: 2, name: 'Choose your business' })).toBeVisible()
    expect(rendered.fake.connect.runPreflight).toBe(0)
  })
})
