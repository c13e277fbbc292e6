import { render, screen, type RenderResult } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { en } from '@shared/i18n/en'
import { App } from '@renderer/app'
import { MessagesProvider } from '@renderer/i18n/use-t'
// Loaded up front: the app imports the setup home lazily, and a cold first import can outlast
// Testing Library's wait in the first test of a file.
import '@renderer/flow/flow-home'
import { CONNECT_TEST_MESSAGES } from './connect-fixtures'
import { createFakeApi, type FakeApi, type FakeApiOptions } from './fake-api'
import { resetStores } from './render-app'

type User = ReturnType<typeof userEvent.setup>

/**
 * Renders the whole app with a fake bridge, like renderApp, plus the words for the test preflight
 * keys (main owns the real ones; the screens only translate what they are given).
 */
export function renderConnect(
  options: FakeApiOptions = {},
): RenderResult & { fake: FakeApi; user: User } {
  const fake = createFakeApi(options)
  window.api = fake.api
  resetStores()
  const messages = { ...en, ...CONNECT_TEST_MESSAGES }
  const result = render(
    <MessagesProvider messages={messages}>
      <App />
    </MessagesProvider>,
  )
  return { ...result, fake, user: userEvent.setup() }
}

/** Presses "Start setting up" and waits for the first Connect screen. */
export async function startConnect(user: User): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: 'Start setting up' }))
  return screen.findByRole('heading', { level: 2, name: 'Where do you want to connect?' })
}
