import { randomUUID } from 'node:crypto'
import type { AssignableKind } from '@shared/catalog'
import type { EventName } from '@shared/ipc/channels'
import type { EventPayloadOf, HandlerTable } from '@shared/ipc/contract'
import { NAME_PROBLEM_KEYS, systemUserNameProblem } from '@shared/ipc/schemas/flow'
import { err, ok, type Result } from '@shared/result'
import type { AdminSession, AdminSessionPort } from '../admin-session'
import { listSystemUsers, renameSystemUser } from '../graph/system-users'
import type { Logger } from '../log/logger'
import type { SecretStore } from '../secrets/secret-store'
import type { VaultIndex } from '../vault/vault-index'
import { createAssetCache } from './asset-cache'
import { discardRun } from './discard-run'
import { createJournal, type Journal } from './journal'
import type { JournalLockOptions } from './journal-lock'
import { readOverview } from './overview'
import { runToJournal } from './run-start'
import type { CrashHook } from './run-driver'
import { createRunExecutor } from './run-executor'
import { toSummary } from './journal-run'
import { createKnownSystemUsers } from './known-system-users'

/**
 * The guided flow's IPC handlers (steps 2–8). Depends only on ports — the admin session, the
 * SecretStore, the vault index, a data directory — so tests run it against the practice simulator
 * and services.ts wires it without knowing Connect's internals.
 */
export type FlowChannel =
  | 'flow:overview-get'
  | 'flow:system-user-rename'
  | 'flow:assets-page'
  | 'flow:run-start'
  | 'flow:run-continue'
  | 'flow:run-cancel'
  | 'flow:runs-unfinished'
  | 'flow:run-discard'

export type FlowHandlers = Pick<HandlerTable, FlowChannel>

export interface FlowDeps {
  readonly session: AdminSessionPort
  readonly secrets: SecretStore
  readonly vault: VaultIndex
  /** The journal lives in `<dataDir>/runs/`. */
  readonly dataDir: string
  readonly log: Logger
  /** ms since the epoch; default Date.now. */
  readonly clock?: () => number
  readonly emit?: <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void
  /** Test-only: the crash-injection hook (REL-03). Never set by the app. */
  readonly crash?: CrashHook
  readonly lock?: JournalLockOptions
}

export interface FlowService {
  readonly handlers: FlowHandlers
  /** The journal, for the lead's quit path (release the lock). */
  readonly journal: Journal
}

const withSession = async <T>(
  port: AdminSessionPort,
  work: (session: AdminSession) => Promise<Result<T>>,
): Promise<Result<T>> => {
  const session = await port.current()
  return session.ok ? work(session.value) : session
}

/** Builds the flow's handlers and the journal behind them. */
export function createFlowService(deps: FlowDeps): FlowService {
  const now = () => new Date((deps.clock ?? Date.now)())
  const journal = createJournal(deps.dataDir, deps.log, deps.lock)
  const assets = createAssetCache()
  const knownUsers = createKnownSystemUsers(() => now().getTime())
  const executor = createRunExecutor({
    knownUsers,
    journal,
    session: deps.session,
    secrets: deps.secrets,
    vault: deps.vault,
    log: deps.log,
    now,
    ...(deps.crash ? { crash: deps.crash } : {}),
    ...(deps.emit ? { progress: (progress) => deps.emit?.('flow:run-progress', progress) } : {}),
  })

  const handlers: FlowHandlers = {
    'flow:overview-get': ({ regularLimit }) =>
      withSession(deps.session, (session) =>
        readOverview(session, deps.vault, regularLimit, knownUsers),
      ),

    'flow:system-user-rename': ({ systemUserId, name }) =>
      withSession(deps.session, async (session) => {
        const listed = await listSystemUsers(
          session.client,
          session.credentials,
          session.businessId,
        )
        if (!listed.ok) return listed
        if (!listed.value.systemUsers.some((user) => user.id === systemUserId)) {
          return err('not-found', 'flowMain.rename.notFound')
        }
        const others = listed.value.systemUsers.filter((user) => user.id !== systemUserId)
        const problem = systemUserNameProblem(
          name,
          others.map((user) => user.name),
        )
        if (problem) {
          return err(problem === 'taken' ? 'conflict' : 'invalid-input', NAME_PROBLEM_KEYS[problem])
        }
        const trimmed = name.trim()
        // Its outcome may be lost: the next run-start reads the names again.
        knownUsers.forget(session)
        const renamed = await renameSystemUser(session.client, session.credentials, {
          businessId: session.businessId,
          systemUserId,
          name: trimmed,
        })
        return renamed.ok ? ok({ systemUserId, name: trimmed }) : renamed
      }),

    'flow:assets-page': (request) =>
      withSession(deps.session, (session) => assets.page(session, request)),

    'flow:run-start': (request) =>
      withSession(deps.session, async (session) => {
        // The list the overview just read (known-system-users.ts): the name and admin-slot check
        // guards no write, find-or-create's own read does. Stale or missing: read now.
        const listed = await knownUsers.recent(session)
        if (!listed.ok) return listed
        const known = new Map<AssignableKind, Set<string>>()
        for (const kind of new Set(request.assignments.map((group) => group.kind))) {
          const all = await assets.all(session, kind)
          if (!all.ok) return all
          known.set(kind, new Set(all.value.map((asset) => asset.id)))
        }
        const run = runToJournal(request, {
          runId: randomUUID(),
          vaultRecordId: randomUUID(),
          now: now().toISOString(),
          practice: session.mode === 'practice',
          businessId: session.businessId,
          businessName: session.businessName,
          appId: session.appId,
          ...(session.appName ? { appName: session.appName } : {}),
          existing: listed.value,
          assetExists: (kind, id) => known.get(kind)?.has(id) ?? false,
        })
        if (!run.ok) return run
        // Journal first (docs/security-requirements.md §6.2): the run is durable before any request
        // that changes something.
        const saved = journal.save(run.value)
        if (!saved.ok) return saved
        deps.log.info('flowHome.run-journaled', {
          runId: run.value.runId,
          goal: run.value.goalId,
        })
        return ok(toSummary(run.value))
      }),

    'flow:run-continue': ({ runId }) => executor.continueRun(runId),

    'flow:run-cancel': async ({ runId }) => ok({ cancelled: executor.cancel(runId) }),

    'flow:runs-unfinished': async () =>
      ok({
        runs: journal
          .list()
          .filter((run) => run.status !== 'done')
          .slice(0, 100)
          .map(toSummary),
      }),

    'flow:run-discard': async ({ runId }) => {
      if (executor.isRunning(runId)) return err('conflict', 'flowMain.run.busy')
      const loaded = journal.load(runId)
      if (!loaded.ok) return loaded.error.code === 'not-found' ? ok({ discarded: false }) : loaded
      // A token saved but not in the vault is revoked at Meta first, never just forgotten.
      return discardRun({ ...deps, journal }, loaded.value)
    },
  }
  return { handlers, journal }
}
