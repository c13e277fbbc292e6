import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { err, ok } from '@shared/result'
import { useConnectStore } from '../stores/connect-store'
import { REAL_CONNECTION } from '@test-support/renderer/connect-fixtures'
import { renderConnect, startConnect } from '@test-support/renderer/render-connect'

const APP_ID = '123456789012345'
// Built at run time so the repository holds no secret-shaped literal (security gate SEC-12).
const SECRET = '0123456789abcdef'.repeat(2)

async function chooseReal(user: ReturnType<typeof renderConnect>['user']): Promise<void> {
  await startConnect(user)
  await user.click(screen.getByRole('radio', { name: 'My real business' }))
}

describe('Connect to a real business', () => {
  it('asks for the app ID and secret, each with where to find it', async () => {
    const { fake, user } = renderConnect()
    await chooseReal(user)
    expect(screen.getByRole('radio', { name: 'My real business' })).toHaveAccessibleDescription(
      en['connect.where.realHint'],
    )
    const appId = screen.getByRole('textbox', { name: 'App ID' })
    expect(appId).toHaveAttribute('inputmode', 'numeric')
    expect(appId).toHaveAttribute('autocomplete', 'off')
    const secret = screen.getByLabelText('App secret')
    expect(secret).toHaveAttribute('type', 'password')
    expect(secret).toHaveAttribute('autocomplete', 'off')
    expect(secret).toHaveAttribute('spellcheck', 'false')
    expect(secret).toHaveAccessibleDescription(en['connect.app.secretKept'])

    const where = screen.getAllByText('Where do I find this?')
    expect(where).toHaveLength(2)
    await user.click(where[0]!)
    const idHelp = where[0]!.closest('details')!
    expect(idHelp).toHaveAttribute('open')
    expect(idHelp).toHaveTextContent('Settings › Basic')
    await user.click(where[1]!)
    expect(where[1]!.closest('details')).toHaveTextContent('Press “Show”')

    // The dashboard opens in the system browser through main, never by navigating this window.
    await user.click(within(idHelp).getByRole('button', { name: 'Open the App Dashboard' }))
    expect(fake.calls.openExternalLink).toEqual(['https://developers.facebook.com/apps/'])
    expect(document.querySelectorAll('a[href^="http"]')).toHaveLength(0)
  })

  it('shows and hides the secret on request', async () => {
    const { user } = renderConnect()
    await chooseReal(user)
    const secret = screen.getByLabelText('App secret')
    const toggle = screen.getByRole('button', { name: 'Show app secret' })
    expect(toggle).toHaveAttribute('aria-controls', secret.id)
    await user.click(toggle)
    expect(secret).toHaveAttribute('type', 'text')
    await user.click(screen.getByRole('button', { name: 'Hide app secret' }))
    expect(secret).toHaveAttribute('type', 'password')
  })

  it('validates both fields before sending anything, focusing the first problem', async () => {
    const { fake, user } = renderConnect()
    await chooseReal(user)
    const signIn = screen.getByRole('button', { name: 'Sign in with Facebook' })
    const appId = screen.getByRole('textbox', { name: 'App ID' })
    const secret = screen.getByLabelText('App secret')

    await user.click(signIn)
    await waitFor(() => expect(appId).toHaveFocus())
    expect(appId).toHaveAttribute('aria-invalid', 'true')
    expect(appId).toHaveAccessibleDescription(en['connect.app.idRequired'])
    expect(secret).toHaveAccessibleDescription(
      `${en['connect.app.secretRequired']} ${en['connect.app.secretKept']}`,
    )

    await user.type(appId, '12345-678')
    await user.type(secret, 'not-a-secret')
    await user.click(signIn)
    expect(appId).toHaveAccessibleDescription(en['connect.app.idDigits'])
    expect(secret).toHaveAccessibleDescription(
      `${en['connect.app.secretShape']} ${en['connect.app.secretKept']}`,
    )

    await user.clear(appId)
    await user.type(appId, APP_ID)
    await user.click(signIn)
    await waitFor(() => expect(secret).toHaveFocus())
    expect(appId).not.toHaveAttribute('aria-invalid')
    // Uppercase is not hexadecimal as Meta writes it: refused too.
    await user.clear(secret)
    await user.type(secret, SECRET.toUpperCase())
    await user.click(signIn)
    expect(secret).toHaveAttribute('aria-invalid', 'true')
    expect(fake.connect.signInWithFacebook).toEqual([])
  })

  it('sends the trimmed credentials once, and keeps the secret nowhere afterwards', async () => {
    const { fake, user } = renderConnect({ connect: { signIn: ok(REAL_CONNECTION) } })
    await chooseReal(user)
    await user.type(screen.getByRole('textbox', { name: 'App ID' }), ` ${APP_ID} `)
    await user.type(screen.getByLabelText('App secret'), SECRET)
    expect(useConnectStore.getState().appSecret).toBe(SECRET)
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))

    await screen.findByRole('heading', { level: 2, name: 'Choose your business' })
    expect(fake.connect.signInWithFacebook).toEqual([
      { app: { mode: 'real', appId: APP_ID, appSecret: SECRET } },
    ])
    expect(JSON.stringify(useConnectStore.getState())).not.toContain(SECRET)

    // Main now reports a real connection: the header says so, and the summary too.
    expect(await screen.findByRole('note', { name: 'Real business' })).toBeVisible()
    const summary = screen.getByRole('region', { name: 'Connected' })
    expect(summary).toHaveTextContent('WhereYour real business')
    expect(summary).toHaveTextContent('A system user’s token, does not expire')
    expect(summary).toHaveTextContent(`ID ${APP_ID}`)
  })

  it('clears the secret after a refused sign-in too, and asks for it again', async () => {
    const { user } = renderConnect({
      connect: {
        signIn: err('graph-invalid-request', 'graph.code.badClientSecret', {
          hintKey: 'graph.hint.checkAppSecret',
        }),
      },
    })
    await chooseReal(user)
    await user.type(screen.getByRole('textbox', { name: 'App ID' }), APP_ID)
    const secret = screen.getByLabelText('App secret')
    await user.type(secret, SECRET)
    await user.click(screen.getByRole('button', { name: 'Sign in with Facebook' }))

    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(alert).toHaveTextContent(en['graph.code.badClientSecret']!)
    expect(alert).toHaveTextContent(en['graph.hint.checkAppSecret']!)
    expect(secret).toHaveValue('')
    expect(screen.getByRole('textbox', { name: 'App ID' })).toHaveValue(APP_ID)
    expect(JSON.stringify(useConnectStore.getState())).not.toContain(SECRET)
  })

  it('forgets a typed secret when the admin switches back to practice or leaves', async () => {
    const { user } = renderConnect()
    await chooseReal(user)
    await user.type(screen.getByLabelText('App secret'), SECRET)
    await user.click(screen.getByRole('radio', { name: 'Practice' }))
    expect(useConnectStore.getState().appSecret).toBe('')
    expect(screen.queryByLabelText('App secret')).not.toBeInTheDocument()

    await user.click(screen.getByRole('radio', { name: 'My real business' }))
    await user.type(screen.getByLabelText('App secret'), SECRET)
    await user.click(screen.getByRole('button', { name: 'Back to the overview' }))
    await screen.findByRole('heading', { level: 1, name: 'Set up a system user' })
    expect(JSON.stringify(useConnectStore.getState())).not.toContain(SECRET)
  })

  it('reports a link main refused to open', async () => {
    const { fake, user } = renderConnect()
    window.api = {
      ...fake.api,
      openExternalLink: async () => err('invalid-input', 'errors.linkNotAllowed'),
    }
    await chooseReal(user)
    await user.click(screen.getAllByText('Where do I find this?')[0]!)
    await user.click(screen.getAllByRole('button', { name: 'Open the App Dashboard' })[0]!)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(en['errors.linkNotAllowed']!)
    await waitFor(() => expect(alert).toHaveFocus())
  })
})
