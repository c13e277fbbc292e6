import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import type { BusinessListResponse, ConnectionSummary } from '@shared/ipc/schemas/connect'
import { err, ok, type Result } from '@shared/result'
import type { z } from 'zod'
import { useConnectStore } from '../stores/connect-store'
import {
  PRACTICE_CONNECTION,
  REAL_CONNECTION,
  SAMPLE_BUSINESSES,
} from '@test-support/renderer/connect-fixtures'
import { deferred } from '@test-support/renderer/fake-api'
import { renderConnect, startConnect } from '@test-support/renderer/render-connect'

type BusinessAnswer = Result<z.infer<typeof BusinessListResponse>>

const announcer = (): HTMLElement =>
  screen.getAllByRole('status').find((region) => region.classList.contains('visually-hidden'))!

// Built at run time so the repository holds no token-shaped literal (security gate SEC-12).
const TOKEN = ['EAAG', 'testPastedToken', '0123456789abcdefZZ'].join('')

describe('signing in with Facebook', () => {
  it('waits politely with a way to cancel, then carries on by itself', async () => {
    const signIn = deferred<Result<ConnectionSummary>>()
    const list = deferred<BusinessAnswer>()
    const { user } = renderConnect({
      connect: { signIn: () => signIn.promise, businesses: () => list.promise },
    })
    await startConnect(user)
    expect(announcer()).toHaveTextContent('')
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))

    // Waiting: said visibly and in the live region; Cancel takes focus; nothing else can start.
    const cancel = await screen.findByRole('button', { name: 'Cancel sign-in' })
    await waitFor(() => expect(cancel).toHaveFocus())
    expect(announcer()).toHaveTextContent(en['connect.signIn.waiting']!)
    expect(screen.getByText(en['connect.signIn.waitingHint']!)).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Sign in with Facebook' })).not.toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Practice' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Connect with this token' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Back to the overview' })).toBeDisabled()

    signIn.resolve(ok(PRACTICE_CONNECTION))
    await screen.findByRole('heading', { level: 2, name: 'Choose your business' })
    expect(announcer()).toHaveTextContent(en['connect.businesses.loading']!)
    list.resolve(ok({ businesses: SAMPLE_BUSINESSES, rememberedBusinessId: null }))
    await screen.findByRole('radio', { name: 'Harbour Lane Bakery' })
    expect(announcer()).toHaveTextContent('')
  })

  it('cancels: main ends the wait, nothing alarming is shown, focus returns to sign-in', async () => {
    const signIn = deferred<Result<ConnectionSummary>>()
    const { fake, user } = renderConnect({
      connect: {
        signIn: () => signIn.promise,
        // Like main: cancelling aborts the pending sign-in, which then answers "cancelled".
        cancel: async () => {
          signIn.resolve(err('cancelled', 'graph.cancelled'))
          return ok({ cancelled: true })
        },
      },
    })
    await startConnect(user)
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))
    await user.click(await screen.findByRole('button', { name: 'Cancel sign-in' }))

    const signInButton = await screen.findByRole('button', { name: 'Sign in with Facebook' })
    await waitFor(() => expect(signInButton).toHaveFocus())
    expect(fake.connect.cancelSignIn).toBe(1)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getAllByText(en['connect.signIn.cancelled']!).length).toBeGreaterThan(0)
    expect(announcer()).toHaveTextContent(en['connect.signIn.cancelled']!)
    expect(useConnectStore.getState().screen).toBe('connect')
    expect(fake.connect.listBusinesses).toBe(0)
  })

  it('reports a failed cancel and keeps waiting', async () => {
    const signIn = deferred<Result<ConnectionSummary>>()
    const { user } = renderConnect({
      connect: { signIn: () => signIn.promise, cancel: err('internal', 'errors.internal') },
    })
    await startConnect(user)
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))
    await user.click(await screen.findByRole('button', { name: 'Cancel sign-in' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(en['errors.internal']!)
    await waitFor(() => expect(alert).toHaveFocus())
    expect(screen.getByRole('button', { name: 'Cancel sign-in' })).toBeEnabled()
  })

  it('shows a failure translated, with the next step and Meta’s trace id, and moves focus there', async () => {
    const { user } = renderConnect({
      connect: {
        signIn: err('auth-expired', 'graph.code.tokenExpired', {
          hintKey: 'graph.hint.signInAgain',
          fbtraceId: 'AbC123trace',
        }),
      },
    })
    await startConnect(user)
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(alert).toHaveTextContent(en['graph.code.tokenExpired']!)
    expect(alert).toHaveTextContent(en['graph.hint.signInAgain']!)
    expect(alert).toHaveTextContent('AbC123trace')
    expect(alert).not.toHaveTextContent('graph.code')
    expect(alert).not.toHaveTextContent('auth-expired')
    // Still on the same screen, ready to try again.
    expect(screen.getByRole('button', { name: 'Sign in with Facebook' })).toBeEnabled()
  })

  it('turns a bridge that throws into the app’s own words, never the exception text', async () => {
    const { user } = renderConnect({
      connect: {
        signIn: async () => {
          throw new Error('ipc torn down: EAAsecret')
        },
      },
    })
    await startConnect(user)
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(en['errors.internal']!)
    expect(alert).not.toHaveTextContent('torn down')
  })
})

describe('pasting a token instead', () => {
  it('is a disclosure with where to get one; the token is sent, then cleared', async () => {
    const { fake, user } = renderConnect({ connect: { paste: ok(REAL_CONNECTION) } })
    await startConnect(user)
    const summary = screen.getByText('Paste a token instead')
    const details = summary.closest('details')!
    expect(details).not.toHaveAttribute('open')
    await user.click(summary)
    expect(details).toHaveAttribute('open')

    await user.click(within(details).getByRole('button', { name: 'Open Graph API Explorer' }))
    expect(fake.calls.openExternalLink).toEqual(['https://developers.facebook.com/tools/explorer/'])

    const box = within(details).getByRole('textbox', { name: 'Token' })
    expect(box.tagName).toBe('TEXTAREA')
    expect(box).toHaveAttribute('spellcheck', 'false')
    expect(box).toHaveAttribute('autocomplete', 'off')
    expect(box).toHaveAccessibleDescription(en['connect.paste.hint'])
    await user.click(box)
    await user.paste(`  ${TOKEN}\n`)
    expect(useConnectStore.getState().token).toBe(`  ${TOKEN}\n`)
    await user.click(within(details).getByRole('button', { name: 'Connect with this token' }))

    await screen.findByRole('heading', { level: 2, name: 'Choose your business' })
    expect(fake.connect.connectWithToken).toEqual([{ app: { mode: 'practice' }, token: TOKEN }])
    expect(JSON.stringify(useConnectStore.getState())).not.toContain(TOKEN)
  })

  it('checks the token’s shape first and says what is wrong beside the box', async () => {
    const { fake, user } = renderConnect()
    await startConnect(user)
    await user.click(screen.getByText('Paste a token instead'))
    const send = screen.getByRole('button', { name: 'Connect with this token' })

    await user.click(send)
    const box = screen.getByRole('textbox', { name: 'Token' })
    await waitFor(() => expect(box).toHaveFocus())
    expect(box).toHaveAttribute('aria-invalid', 'true')
    expect(box).toHaveAccessibleDescription(
      `${en['connect.paste.required']} ${en['connect.paste.hint']}`,
    )

    await user.type(box, 'EAAG first half')
    await user.click(send)
    expect(box).toHaveAccessibleDescription(
      `${en['connect.paste.spaces']} ${en['connect.paste.hint']}`,
    )
    expect(fake.connect.connectWithToken).toEqual([])
  })

  it('clears the token from the store even when Meta refuses it', async () => {
    const { user } = renderConnect({
      connect: { paste: err('auth-invalid', 'graph.code.tokenInvalid', { fbtraceId: 'Zz9' }) },
    })
    await startConnect(user)
    await user.click(screen.getByText('Paste a token instead'))
    await user.click(screen.getByRole('textbox', { name: 'Token' }))
    await user.paste(TOKEN)
    await user.click(screen.getByRole('button', { name: 'Connect with this token' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(en['graph.code.tokenInvalid']!)
    expect(alert).toHaveTextContent('Zz9')
    expect(screen.getByRole('textbox', { name: 'Token' })).toHaveValue('')
    expect(JSON.stringify(useConnectStore.getState())).not.toContain(TOKEN)
  })
})
