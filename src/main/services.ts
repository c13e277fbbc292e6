import type { AppStatus } from '@shared/ipc/schemas/app'
import type { HandlerTable } from '@shared/ipc/contract'
import { err, ok } from '@shared/result'
import { isAllowedExternalUrl, type OpenExternal } from './links/external-links'
import type { Logger } from './log/logger'
import type { SecretStore } from './secrets/secret-store'
import type { KvStore } from './settings/kv-store'
import type { Settings } from './settings/settings'
import { createVaultIndex } from './vault/vault-index'

/** What the host (Electron's main, or the preview server) provides. Nothing here is Electron. */
export interface MainPorts {
  readonly version: string
  readonly secrets: SecretStore
  readonly settings: KvStore<Settings>
  readonly openExternal: OpenExternal
  readonly log: Logger
}

export interface MainServices {
  readonly handlers: HandlerTable
}

/**
 * Builds every main service from its ports and returns the handler table, one handler per channel
 * (a missing one is a compile error). `main/index.ts` and the preview server both call this, so
 * the preview runs exactly the app's code.
 */
export function buildServices(ports: MainPorts): MainServices {
  const vault = createVaultIndex(ports.settings)

  const appStatus = async (): Promise<AppStatus> => {
    const keychain = await ports.secrets.status()
    return {
      version: ports.version,
      // Practice mode is the default until a real business is connected (the Connect issue).
      mode: 'practice',
      keychain: {
        available: keychain.available,
        backend: keychain.backend,
        ...(keychain.problemKey ? { problemKey: keychain.problemKey } : {}),
      },
      connection: null,
    }
  }

  const handlers: HandlerTable = {
    'app:status-get': async () => ok(await appStatus()),
    'app:link-open': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        ports.log.warn('links.refused')
        return err('invalid-input', 'errors.linkNotAllowed')
      }
      await ports.openExternal(url)
      return ok({ opened: true as const })
    },
    'vault:records-list': async ({ query }) => ok({ records: vault.list(query) }),
  }
  return { handlers }
}
