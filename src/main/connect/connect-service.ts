import type { HandlerTable } from '@shared/ipc/contract'
import type { Channel } from '@shared/ipc/channels'
import type { ConnectionSummary } from '@shared/ipc/schemas/connect'
import { err, ok, type Result } from '@shared/result'
import type { AuditLog } from '../audit/audit-log'
import type { Logger } from '../log/logger'
import type { SecretStore } from '../secrets/secret-store'
import type { KvStore } from '../settings/kv-store'
import type { Settings } from '../settings/settings'
import { connectionRecordId, resolveApp, type ResolvedApp } from './app-credentials'
import { listBusinessSummaries } from './businesses'
import { createConnectionStore, type ConnectionStore } from './connection-store'
import { checkTokenShape } from './credential-shape'
import type { ModeEndpoints } from './mode-endpoints'
import type { LoginWindowPort } from './login-port'
import { runPreflight } from './preflight'
import { createSignIn } from './sign-in'
import { validateToken, type ValidatedToken } from './token-validation'

/**
 * The Connect step's handlers (step 1 of Meta's flow): sign in or paste a token, check it with
 * Meta, keep it in the keychain, pick the business, run the preflight, disconnect. Every path to
 * storage goes through `connect`, so a token from the login window and a pasted one pass the
 * very same checks, and a refusal stores nothing at all.
 */
export type ConnectChannel = Extract<Channel, `connect:${string}`>
export type ConnectHandlers = Pick<HandlerTable, ConnectChannel>

/** The audit log's append, when the host has one (the log never holds a secret). */
export type ConnectAudit = Pick<AuditLog, 'append'>

export interface ConnectDeps {
  readonly secrets: SecretStore
  readonly settings: KvStore<Settings>
  readonly log: Logger
  readonly endpoints: ModeEndpoints
  readonly login: LoginWindowPort
  readonly audit?: ConnectAudit
  /** Tells the renderer the status changed (who is connected, which business). */
  readonly statusChanged: () => void
  readonly now?: () => number
}

export interface ConnectService {
  readonly handlers: ConnectHandlers
  readonly store: ConnectionStore
}

const MAX_TEXT = 200
const iso = (ms: number) => new Date(ms).toISOString()

export function createConnectService(deps: ConnectDeps): ConnectService {
  const now = deps.now ?? Date.now
  const store = createConnectionStore(deps)
  const signIn = createSignIn({ login: deps.login, endpoints: deps.endpoints, log: deps.log })

  const audit = (
    action: 'connect' | 'disconnect',
    outcome: 'succeeded' | 'failed' | 'refused',
    extra: { recordId?: string; businessId?: string; detailKey?: string } = {},
  ) => {
    try {
      deps.audit?.append({ action, outcome, ...extra })
    } catch (error) {
      // An audit write that fails must not undo or fail what the admin did; the log says so.
      deps.log.error('connect.audit-failed', { action, error })
    }
  }

  /** What must hold before anyone is sent to Meta: a keychain to store in, no clash. */
  const precheck = async (app: ResolvedApp): Promise<Result<void>> => {
    const keychain = await deps.secrets.status()
    if (!keychain.available) {
      return err('keychain-unavailable', keychain.problemKey ?? 'errors.keychainUnavailable')
    }
    const current = store.summary()
    // A real connection is only replaced by reconnecting the same app; anything else would drop
    // the admin's real credentials as a side effect. Practice gives way to real on its own.
    if (current?.mode === 'real' && (app.mode !== 'real' || current.appId !== app.appId)) {
      return err('conflict', 'connectMain.error.disconnectFirst', {
        hintKey: 'connectMain.hint.disconnectFirst',
      })
    }
    return ok(undefined)
  }

  const summarise = (app: ResolvedApp, checked: ValidatedToken): ConnectionSummary => {
    const remembered = store.rememberedBusiness(app.mode, app.appId)
    const business = checked.businesses.find((candidate) => candidate.id === remembered)
    const appName = app.appName ?? checked.appName
    return {
      mode: app.mode,
      appId: app.appId,
      ...(appName ? { appName: appName.slice(0, MAX_TEXT) } : {}),
      userId: checked.userId.slice(0, MAX_TEXT),
      userName: checked.userName.slice(0, MAX_TEXT),
      tokenKind: checked.tokenKind,
      expiresAt: checked.expiresAt === 0 ? null : iso(checked.expiresAt * 1000),
      scopes: checked.scopes.slice(0, 100).map((scope) => scope.slice(0, 100)),
      connectedAt: iso(now()),
      ...(business ? { businessId: business.id, businessName: business.name } : {}),
    }
  }

  /** Checks the token with Meta, then stores it: both secrets and the summary, or nothing. */
  const connect = async (app: ResolvedApp, token: string): Promise<Result<ConnectionSummary>> => {
    const recordId = connectionRecordId(app.mode, app.appId)
    const { client } = await deps.endpoints.forMode(app.mode)
    const checked = await validateToken(client, app, token, now())
    if (!checked.ok) {
      audit('connect', 'refused', { recordId, detailKey: checked.error.messageKey })
      return checked
    }
    const summary = summarise(app, checked.value)
    const saved = await store.save(summary, { token, appSecret: app.appSecret })
    if (!saved.ok) {
      audit('connect', 'failed', { recordId, detailKey: saved.error.messageKey })
      return saved
    }
    audit('connect', 'succeeded', { recordId })
    deps.log.info('connect.connected', { mode: app.mode, kind: summary.tokenKind })
    deps.statusChanged()
    return ok(summary)
  }

  const loaded = async () => {
    const connection = await store.load()
    if (!connection.ok) return connection
    const { client } = await deps.endpoints.forMode(connection.value.summary.mode)
    return ok({ connection: connection.value, client })
  }

  const handlers: ConnectHandlers = {
    'connect:sign-in': async ({ app: credentials }) => {
      const app = await resolveApp(credentials, deps.endpoints)
      if (!app.ok) return app
      const ready = await precheck(app.value)
      if (!ready.ok) return ready
      const signedIn = await signIn.run(app.value)
      if (!signedIn.ok) return signedIn
      return connect(app.value, signedIn.value.token)
    },

    'connect:sign-in-cancel': async () => ok({ cancelled: signIn.cancel() }),

    'connect:token-paste': async ({ app: credentials, token: raw }) => {
      const token = checkTokenShape(raw)
      if (!token.ok) return token
      const app = await resolveApp(credentials, deps.endpoints)
      if (!app.ok) return app
      const ready = await precheck(app.value)
      if (!ready.ok) return ready
      return connect(app.value, token.value)
    },

    'connect:businesses-list': async () => {
      const session = await loaded()
      if (!session.ok) return session
      const { connection, client } = session.value
      const listed = await listBusinessSummaries(client, connection)
      if (!listed.ok) return listed
      const remembered = store.rememberedBusiness(connection.summary.mode, connection.summary.appId)
      const still = listed.value.find((business) => business.id === remembered)
      return ok({ businesses: listed.value, rememberedBusinessId: still ? still.id : null })
    },

    'connect:business-choose': async ({ businessId }) => {
      const session = await loaded()
      if (!session.ok) return session
      const { connection, client } = session.value
      // Chosen from Meta's own list, read again now: the admin may have lost access since.
      const listed = await listBusinessSummaries(client, connection)
      if (!listed.ok) return listed
      const business = listed.value.find((candidate) => candidate.id === businessId)
      if (!business) return err('not-found', 'connectMain.error.businessNotFound')
      const { mode, appId } = connection.summary
      const summary = {
        ...connection.summary,
        businessId: business.id,
        businessName: business.name,
      }
      const remembered = store.rememberBusiness(mode, appId, business.id)
      if (!remembered.ok) return remembered
      const updated = store.update(summary)
      if (!updated.ok) return updated
      deps.statusChanged()
      return ok(summary)
    },

    'connect:preflight-run': async () => {
      const session = await loaded()
      if (!session.ok) return session
      return runPreflight({ ...session.value, nowMs: now() })
    },

    'connect:disconnect': async () => {
      signIn.cancel()
      const summary = store.summary()
      const cleared = await store.clear()
      const recordId = summary ? connectionRecordId(summary.mode, summary.appId) : undefined
      if (!cleared.ok) {
        audit('disconnect', 'failed', { ...(recordId ? { recordId } : {}) })
        return cleared
      }
      if (summary) {
        audit('disconnect', 'succeeded', { ...(recordId ? { recordId } : {}) })
        deps.statusChanged()
      }
      return ok({ disconnected: true as const })
    },
  }

  return { handlers, store }
}
