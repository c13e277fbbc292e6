import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '@shared/result'
import { useVaultRevealStore } from '../stores/vault-reveal-store'
import { fakeTokenValue } from '@test-support/renderer/fake-vault-api'
import { renderApp } from '@test-support/renderer/render-app'
import {
  installDialogPolyfill,
  mixedRecords,
  NOW,
  openRecord,
  openVault,
} from '@test-support/renderer/vault-test-helpers'

const VALID = mixedRecords()[0]!
const ADMIN = mixedRecords()[5]!
const VALUE = fakeTokenValue(VALID)

/** True when the token value is nowhere: not in the store, not in the page. */
const valueGone = (value: string): boolean =>
  useVaultRevealStore.getState().revealed === null && !document.body.textContent?.includes(value)

async function setUp() {
  const rendered = renderApp({ vault: ok({ records: mixedRecords() }) })
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
  await openVault(user)
  await openRecord(user, /Open details: Ad reports reader/)
  return { ...rendered, user }
}

describe('revealing and copying a token', () => {
  beforeAll(installDialogPolyfill)
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the value with a countdown and hides it after 30 seconds', async () => {
    const { user } = await setUp()
    expect(screen.getByLabelText('Hidden token ending in Xk9Q')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show for 30 seconds' }))
    expect(await screen.findByText(VALUE)).toBeInTheDocument()
    expect(screen.getByText(/Hides in 30 s/)).toBeInTheDocument()

    act(() => {
      vi.advanceTimersByTime(10_000)
    })
    expect(screen.getByText(/Hides in 20 s/)).toBeInTheDocument()
    expect(screen.getByText(VALUE)).toBeInTheDocument()

    act(() => {
      vi.advanceTimersByTime(20_000)
    })
    expect(screen.queryByText(VALUE)).not.toBeInTheDocument()
    expect(valueGone(VALUE)).toBe(true)
    expect(screen.getByLabelText('Hidden token ending in Xk9Q')).toBeInTheDocument()
    // Nothing was ever written to web storage.
    expect(window.localStorage.length).toBe(0)
    expect(window.sessionStorage.length).toBe(0)
  })

  it('hides the value at once when the window loses focus, and tells main why', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Show for 30 seconds' }))
    await screen.findByText(VALUE)
    act(() => {
      fireEvent.blur(window)
    })
    expect(valueGone(VALUE)).toBe(true)
    expect(fake.vault.calls.endReveal).toEqual([{ id: VALID.id, reason: 'blur' }])
  })

  it('hides the value when the admin goes back to the list or to another home', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Show for 30 seconds' }))
    await screen.findByText(VALUE)
    await user.click(screen.getByRole('button', { name: 'Back to all tokens' }))
    expect(valueGone(VALUE)).toBe(true)
    expect(fake.vault.calls.endReveal).toEqual([{ id: VALID.id, reason: 'navigation' }])

    await openRecord(user, /Open details: Ad reports reader/)
    await user.click(screen.getByRole('button', { name: 'Show for 30 seconds' }))
    await screen.findByText(VALUE)
    const nav = screen.getByRole('navigation', { name: 'Main' })
    await user.click(within(nav).getByRole('button', { name: 'Set up a system user' }))
    await waitFor(() => expect(valueGone(VALUE)).toBe(true))
  })

  it('wipes the value and shows the locked screen when main locks the vault', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Show for 30 seconds' }))
    await screen.findByText(VALUE)
    act(() => fake.vault.emitLocked('idle'))
    expect(valueGone(VALUE)).toBe(true)
    const locked = await screen.findByRole('region', { name: 'The vault is locked' })
    expect(locked).toHaveTextContent('The vault locked because the computer was not used')
    expect(screen.queryByText(/Ad reports reader/)).not.toBeInTheDocument()
  })

  it('drops the value when main says the reveal ended', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Show for 30 seconds' }))
    await screen.findByText(VALUE)
    act(() => fake.vault.emitRevealEnded(VALID.id))
    expect(valueGone(VALUE)).toBe(true)
  })

  it('asks before showing an admin token, with focus on Cancel', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Back to all tokens' }))
    await openRecord(user, /Open details: Portfolio admin/)
    const show = screen.getByRole('button', { name: 'Show for 30 seconds' })
    await user.click(show)
    const dialog = await screen.findByRole('dialog', { name: 'Show an admin token?' })
    expect(dialog).toHaveTextContent('admin access to the whole business')
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' })
    expect(cancel).toHaveFocus()
    await user.click(cancel)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(show).toHaveFocus()
    expect(useVaultRevealStore.getState().revealed).toBeNull()

    await user.click(show)
    const again = await screen.findByRole('dialog', { name: 'Show an admin token?' })
    await user.click(within(again).getByRole('button', { name: 'Show it' }))
    expect(await screen.findByText(fakeTokenValue(ADMIN))).toBeInTheDocument()
    expect(fake.vault.calls.revealSecret).toEqual([
      { id: ADMIN.id },
      { id: ADMIN.id },
      { id: ADMIN.id, confirmAdmin: true },
    ])
  })

  it('copies in main and says when the clipboard clears, without the renderer seeing the value', async () => {
    const { user, fake } = await setUp()
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    expect(
      await screen.findByText('Copied — clears from the clipboard in 30 s.'),
    ).toBeInTheDocument()
    expect(fake.vault.calls.copySecret).toEqual([{ id: VALID.id }])
    expect(fake.vault.calls.revealSecret).toEqual([])
    expect(valueGone(VALUE)).toBe(true)
  })
})

describe('what a reveal says about screen captures and the hand-out limit', () => {
  beforeAll(installDialogPolyfill)

  it('warns that screenshots can show the token where the OS cannot block them', async () => {
    renderApp({ vault: ok({ records: mixedRecords() }) })
    const user = userEvent.setup()
    await openVault(user)
    await openRecord(user, /Open details: Ad reports reader/)
    await user.click(screen.getByRole('button', { name: 'Show for 30 seconds' }))
    expect(await screen.findByText(VALUE)).toBeInTheDocument()
    expect(screen.getByText(/screenshots and screen sharing can show this token/)).toBeVisible()
  })

  it('says nothing about captures where the window is kept out of them', async () => {
    renderApp({
      vault: ok({ records: mixedRecords() }),
      vaultApi: {
        overrides: {
          revealSecret: async ({ id }) =>
            ok({
              outcome: 'revealed' as const,
              recordId: id,
              value: VALUE,
              hidesAt: Date.now() + 30_000,
              captureBlocked: true,
            }),
        },
      },
    })
    const user = userEvent.setup()
    await openVault(user)
    await openRecord(user, /Open details: Ad reports reader/)
    await user.click(screen.getByRole('button', { name: 'Show for 30 seconds' }))
    expect(await screen.findByText(VALUE)).toBeInTheDocument()
    expect(screen.queryByText(/screenshots and screen sharing/)).not.toBeInTheDocument()
  })

  it('keeps the reason main gave when a reveal is refused past the limit', async () => {
    let lockNow = (): void => undefined
    const rendered = renderApp({
      vault: ok({ records: mixedRecords() }),
      vaultApi: {
        overrides: {
          // As main does: the vault:locked event first, then the refused answer.
          revealSecret: async () => {
            lockNow()
            return ok({ outcome: 'locked' as const })
          },
        },
      },
    })
    lockNow = () => rendered.fake.vault.emitLocked('hand-out-limit')
    const user = userEvent.setup()
    await openVault(user)
    await openRecord(user, /Open details: Ad reports reader/)
    await user.click(screen.getByRole('button', { name: 'Show for 30 seconds' }))
    expect(
      await screen.findByText(/many tokens were shown or copied within a minute/),
    ).toBeInTheDocument()
  })
})
