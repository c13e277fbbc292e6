import type { EventName } from '@shared/ipc/channels'
import type { EventPayloadOf, HandlerTable } from '@shared/ipc/contract'
import type { AppStatus } from '@shared/ipc/schemas/app'
import { err, ok } from '@shared/result'
import { createAuditLog, type AuditLog } from './audit/audit-log'
import { createAdminSessionPort } from './connect/admin-session-port'
import { createConnectService } from './connect/connect-service'
import { createModeEndpoints, type RealEndpoints } from './connect/mode-endpoints'
import { daysUntilVersionRetires, GRAPH_API } from './graph/version'
import { unavailableLoginPort, type LoginWindowPort } from './connect/login-port'
import { isAllowedExternalUrl, type OpenExternal } from './links/external-links'
import type { Logger } from './log/logger'
import { createPracticeRuntime, type PracticeRuntime } from './practice/practice-runtime'
import type { SecretStore } from './secrets/secret-store'
import type { KvStore } from './settings/kv-store'
import type { Settings } from './settings/settings'
import { createFlowService } from './flow/flow-handlers'
import { systemTimers, type Timers } from './vault/timers'
import type { PowerMonitorPort } from './vault/auto-lock'
import type { AsyncClipboardPort } from './vault/async-clipboard-guard'
import type { ScreenCapturePort } from './vault/screen-capture'
import type { NotificationPort, OpenFilePort, SaveFilePort } from './vault/vault-deps'
import { createVault } from './vault/vault-handlers'
import { settingsPreferencesStore } from './vault/vault-preferences'
import { createVaultIndex } from './vault/vault-index'

/** Sends a main → renderer event: Electron's webContents.send, or the preview's event stream. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void

/**
 * The vault's OS-facing ports: Electron's clipboard, notifications, dialogs and power monitor in
 * the app; in-memory ones (src/main/vault/memory-host.ts) in the preview, the bench and tests.
 */
export interface VaultHostPorts {
  readonly clipboard: AsyncClipboardPort
  readonly notifications: NotificationPort
  readonly saveFile: SaveFilePort
  readonly openFile: OpenFilePort
  readonly screenCapture: ScreenCapturePort
  readonly powerMonitor?: PowerMonitorPort
  readonly timers?: Timers
}

/** What the host (Electron's main, or the preview server) provides. Nothing here is Electron. */
export interface MainPorts {
  readonly version: string
  /** The one data directory (Electron's userData, or the preview's): journal, audit, exports. */
  readonly dataDir: string
  readonly vaultHost: VaultHostPorts
  readonly secrets: SecretStore
  readonly settings: KvStore<Settings>
  readonly openExternal: OpenExternal
  readonly log: Logger
  /** Pushes events to the renderer; without it, the renderer learns changes by asking. */
  readonly emit?: EmitEvent
  /** Shows Facebook Login; without it, sign-in says so and the admin pastes a token instead. */
  readonly login?: LoginWindowPort
  /** Practice mode's simulator (started on first need); one is made when the host gives none. */
  readonly practice?: PracticeRuntime
  /** Where real calls go; default GRAPH_API_BASE_URL (or graph.facebook.com) and www.facebook.com. */
  readonly realEndpoints?: RealEndpoints
  /** The local audit log; by default `<dataDir>/audit/audit.log`. */
  readonly audit?: AuditLog
  readonly now?: () => number
}

export interface MainServices {
  readonly handlers: HandlerTable
  /** Locks the vault from the host (e.g. a menu command); auto-lock runs inside the vault. */
  lockVault(): Promise<void>
  /** Stops what the services started: the practice simulator, vault timers, the journal lock. */
  dispose(): Promise<void>
}

/**
 * Builds every main service from its ports and returns the handler table, one handler per channel
 * (a missing one is a compile error). `main/index.ts` and the preview server both call this, so
 * the preview runs exactly the app's code.
 */
export function buildServices(ports: MainPorts): MainServices {
  const vaultIndex = createVaultIndex(ports.settings)
  const audit = ports.audit ?? createAuditLog({ dataDir: ports.dataDir })
  const practice = ports.practice ?? createPracticeRuntime({ log: ports.log })
  const endpoints = createModeEndpoints({
    practice,
    log: ports.log,
    dataDir: ports.dataDir,
    ...(ports.realEndpoints ? { real: ports.realEndpoints } : {}),
  })

  const appStatus = async (): Promise<AppStatus> => {
    const keychain = await ports.secrets.status()
    const connection = connect.store.summary()
    return {
      version: ports.version,
      // Real only while a real business is connected; practice is the default, and always shown.
      mode: connection?.mode ?? 'practice',
      keychain: {
        available: keychain.available,
        backend: keychain.backend,
        ...(keychain.problemKey ? { problemKey: keychain.problemKey } : {}),
      },
      connection,
      practice: { businessName: practice.businessName },
      graphApi: {
        version: GRAPH_API.version,
        retiresNotBefore: GRAPH_API.retiresNotBefore,
        retiresInDays: daysUntilVersionRetires((ports.now ?? Date.now)()),
      },
    }
  }

  const statusChanged = () => {
    const emit = ports.emit
    if (!emit) return
    appStatus().then(
      (status) => emit('app:status-changed', status),
      (error: unknown) => ports.log.error('app.status-event-failed', { error }),
    )
  }

  const connect = createConnectService({
    secrets: ports.secrets,
    settings: ports.settings,
    log: ports.log,
    endpoints,
    login: ports.login ?? unavailableLoginPort,
    statusChanged,
    audit,
    ...(ports.now ? { now: ports.now } : {}),
  })
  const session = createAdminSessionPort(connect.store, endpoints)

  const flow = createFlowService({
    session,
    secrets: ports.secrets,
    vault: vaultIndex,
    dataDir: ports.dataDir,
    log: ports.log,
    ...(ports.now ? { clock: ports.now } : {}),
    ...(ports.emit ? { emit: ports.emit } : {}),
  })

  const vault = createVault({
    session,
    secrets: ports.secrets,
    vault: vaultIndex,
    audit,
    clipboard: ports.vaultHost.clipboard,
    notifications: ports.vaultHost.notifications,
    saveFile: ports.vaultHost.saveFile,
    openFile: ports.vaultHost.openFile,
    screenCapture: ports.vaultHost.screenCapture,
    timers: ports.vaultHost.timers ?? systemTimers,
    dataDir: ports.dataDir,
    log: ports.log,
    emit: (event, payload) => ports.emit?.(event, payload),
    preferences: settingsPreferencesStore(ports.settings),
    ...(ports.vaultHost.powerMonitor ? { powerMonitor: ports.vaultHost.powerMonitor } : {}),
  })

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
    ...connect.handlers,
    ...flow.handlers,
    ...vault.handlers,
  }
  return {
    handlers,
    lockVault: () => vault.lock('manual'),
    dispose: async () => {
      await vault.dispose()
      flow.journal.release()
      await practice.close()
    },
  }
}
