import { err, ok } from '@shared/result'
import type { AdminSessionPort } from '../admin-session'
import type { ConnectionStore } from './connection-store'
import type { ModeEndpoints } from './mode-endpoints'

/**
 * Connect's side of the AdminSession port: the stored connection (secrets read from the keychain
 * on each call, never cached here) and the Graph client of its mode. The flow and the vault ask
 * for it per action, so a disconnect or a new business takes effect at once.
 */
export function createAdminSessionPort(
  store: ConnectionStore,
  endpoints: ModeEndpoints,
): AdminSessionPort {
  return {
    async current() {
      const loaded = await store.load()
      if (!loaded.ok) return loaded
      const { summary, token, appSecret } = loaded.value
      if (!summary.businessId || !summary.businessName) {
        return err('not-connected', 'connectMain.error.noBusinessChosen')
      }
      const { client } = await endpoints.forMode(summary.mode)
      return ok({
        mode: summary.mode,
        client,
        credentials: { token, appSecret },
        appId: summary.appId,
        ...(summary.appName ? { appName: summary.appName } : {}),
        businessId: summary.businessId,
        businessName: summary.businessName,
      })
    },
  }
}
