import type { ConnectionSummary } from '@shared/ipc/schemas/connect'
import { useAppStatusStore } from '../stores/app-status-store'

/**
 * Who is connected, as main last reported it (status only — main never sends a token). The app
 * status store is the one source: main pushes every change, so the header and every summary agree.
 */
export function useConnection(): ConnectionSummary | null {
  return useAppStatusStore((state) =>
    state.status.phase === 'loaded' ? state.status.value.connection : null,
  )
}
