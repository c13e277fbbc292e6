import { render, type RenderResult } from '@testing-library/react'
import { App } from '@renderer/app'
import { useAppStatusStore } from '@renderer/stores/app-status-store'
import { useConnectStore } from '@renderer/stores/connect-store'
import { useNavigationStore } from '@renderer/stores/navigation-store'
import { useVaultListStore } from '@renderer/stores/vault-list-store'
import { resetVaultStores } from '@renderer/stores/vault-stores'
import { createFakeApi, type FakeApi, type FakeApiOptions } from './fake-api'

/** Puts every store back to its initial state, as a fresh window would have it. */
export function resetStores(): void {
  useAppStatusStore.getState().reset()
  useConnectStore.getState().reset()
  useNavigationStore.getState().reset()
  useVaultListStore.getState().reset()
  resetVaultStores()
}

/** Installs a fake `window.api`, resets the stores and renders the whole shell. */
export function renderApp(options: FakeApiOptions = {}): RenderResult & { fake: FakeApi } {
  const fake = createFakeApi(options)
  window.api = fake.api
  resetStores()
  return { ...render(<App />), fake }
}
