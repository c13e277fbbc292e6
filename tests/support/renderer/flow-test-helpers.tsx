import { onTestFinished } from 'vitest'
import { render, screen, type RenderResult } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { AppStatus } from '@shared/ipc/schemas/app'
import { useAppStatusStore } from '@renderer/stores/app-status-store'
import { useFlowAssetsStore } from '@renderer/stores/flow-assets-store'
import { useFlowStore } from '@renderer/stores/flow-store'
import { followMainEvents } from '@renderer/stores/main-events'
import { useNavigationStore } from '@renderer/stores/navigation-store'
import { createFakeApi, PRACTICE_STATUS, type FakeApi, type FakeApiOptions } from './fake-api'
import { FlowScreens } from '@renderer/flow/flow-screens'

/** Practice, connected to the sample app: what the flow sees after Connect's preflight. */
export const CONNECTED_STATUS: AppStatus = {
  ...PRACTICE_STATUS,
  connection: {
    mode: 'practice',
    appId: '900800700',
    appName: 'Bakery Reports',
    userId: '104000000000010',
    userName: 'Alex Baker',
    tokenKind: 'user',
    expiresAt: null,
    scopes: ['business_management'],
    connectedAt: '2026-11-01T10:00:00.000Z',
    businessId: '100200300',
    businessName: 'Harbour Lane Bakery',
  },
}

/** Installs a fake bridge, resets the flow's stores and renders the flow. */
export function renderFlow(
  options: FakeApiOptions = {},
): RenderResult & { fake: FakeApi; user: ReturnType<typeof userEvent.setup> } {
  const fake = createFakeApi(options)
  window.api = fake.api
  useFlowStore.getState().reset()
  useFlowAssetsStore.getState().reset()
  useNavigationStore.getState().reset()
  useAppStatusStore.getState().statusChanged(CONNECTED_STATUS)
  // The flow alone, without the shell: follow main's events as the shell does when it starts.
  const unfollow = followMainEvents(fake.api)
  onTestFinished(unfollow)
  const user = userEvent.setup()
  return { ...render(<FlowScreens />), fake, user }
}

/** Clicks the named button. */
export async function press(
  user: ReturnType<typeof userEvent.setup>,
  name: string | RegExp,
): Promise<void> {
  await user.click(screen.getByRole('button', { name }))
}

/** Walks from the overview to the review with the "Read ad performance reports" goal. */
export async function walkToReview(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await press(user, 'Add a system user')
  await user.click(screen.getByRole('radio', { name: 'Read ad performance reports' }))
  await press(user, 'Continue')
  await screen.findByRole('heading', { level: 1, name: 'Name it and choose its role' })
  await press(user, 'Continue')
  await screen.findByRole('heading', { level: 1, name: 'Choose what it may use' })
  await user.click(await screen.findByRole('checkbox', { name: 'Ad account 1' }))
  await user.click(screen.getByRole('checkbox', { name: 'Ad account 2' }))
  await press(user, 'Continue')
  await screen.findByRole('heading', { level: 1, name: 'Install your app on it' })
  await press(user, 'Continue')
  await screen.findByRole('heading', { level: 1, name: 'Choose its permissions and expiry' })
  await press(user, 'Continue')
  await screen.findByRole('heading', { level: 1, name: 'Check what will happen' })
}
