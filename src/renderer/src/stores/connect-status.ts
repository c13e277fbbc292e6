import type { ConnectionSummary } from '@shared/ipc/schemas/connect'
import { useAppStatusStore } from './app-status-store'
import { callApi } from './load-state'

/** The connection main reported last (main pushes every change; see refreshStatus). */
export const currentConnection = (): ConnectionSummary | null => {
  const { status } = useAppStatusStore.getState()
  return status.phase === 'loaded' ? status.value.connection : null
}

/**
 * Main pushes `app:status-changed` after a connection changes; asking once more keeps the header
 * and the summary right even if that push is lost (the status store keeps the newest answer).
 */
export const refreshStatus = async (): Promise<boolean> => {
  const status = await callApi(() => window.api.getAppStatus())
  if (status.ok) useAppStatusStore.getState().statusChanged(status.value)
  return status.ok
}

/**
 * After a confirmed disconnect the old summary must not linger, even if the status could not be
 * read again: main's rule is that no connection means practice mode (Connect, main side).
 */
export const statusDisconnected = async (): Promise<void> => {
  if (await refreshStatus()) return
  const { status, statusChanged } = useAppStatusStore.getState()
  if (status.phase === 'loaded') {
    statusChanged({ ...status.value, connection: null, mode: 'practice' })
  }
}
