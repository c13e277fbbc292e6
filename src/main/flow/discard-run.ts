import { modeOf } from '@shared/ipc/schemas/mode'
import { err, ok, type Result } from '@shared/result'
import type { AdminSessionPort } from '../admin-session'
import { revokeAllTokens, revokeToken } from '../graph/tokens'
import type { Logger } from '../log/logger'
import { keychainOf } from '../secrets/keychain'
import type { SecretRef, SecretStore } from '../secrets/secret-store'
import type { VaultIndex } from '../vault/vault-index'
import type { Journal } from './journal'
import { actionOf, type JournalRun } from './journal-run'

/**
 * flow:run-discard. A run whose token the vault lists just goes: the token stays, listed. A run
 * that saved a token the vault does NOT list (it stopped between the keychain and the record)
 * holds a live token nobody else knows of: deleting the keychain entry alone would leave it
 * working at Meta with no one able to revoke it. So the discard first revokes it at Meta — that
 * very token when the app can name it, else, like settleOrphan (actions/token.ts), every token of a
 * system user this run created (which also ends a token whose answer was lost) — and refuses,
 * keeping run and token, when it cannot. An adopted user's lost token was never held: the run's
 * summary names it (orphanedToken) for the admin to revoke, as the save failure told them.
 */
export interface DiscardDeps {
  readonly session: AdminSessionPort
  readonly secrets: SecretStore
  readonly vault: VaultIndex
  readonly journal: Journal
  readonly log: Logger
}

export async function discardRun(
  deps: DiscardDeps,
  run: JournalRun,
): Promise<Result<{ discarded: boolean }>> {
  if (!deps.vault.get(run.vaultRecordId)) {
    const settled = await settleUnrecorded(deps, run)
    if (!settled.ok) return settled
  }
  const removed = deps.journal.remove(run.runId)
  return removed.ok ? ok({ discarded: removed.value }) : removed
}

/** Revokes, then removes, a token the run saved but the vault does not list. */
async function settleUnrecorded(deps: DiscardDeps, run: JournalRun): Promise<Result<void>> {
  // generate-token goes IN_FLIGHT (durably) before any token exists: PLANNED, nothing to find.
  if (actionOf(run, 'generate-token').state === 'planned') return ok(undefined)
  const ref: SecretRef = { kind: 'system-user-token', id: run.vaultRecordId }
  const keychain = keychainOf(deps.secrets)
  const read = await keychain.get(ref)
  if (!read.ok) {
    // Unreadable: a live token may be there. Keep the run, so continuing can still record it.
    deps.log.warn('flowHome.discard-keychain-failed', { runId: run.runId, code: read.error.code })
    return err('keychain-failed', 'flowMain.discard.keychainUnreadable')
  }
  const token = read.value
  const lost =
    !run.adopted &&
    (actionOf(run, 'generate-token').state === 'in-flight' || run.orphans.some((o) => !o.revoked))
  if (token === null && !lost) return ok(undefined)
  const revoked = await revokeUnrecorded(deps, run, token)
  if (!revoked.ok && !nothingLiveLeft(run, revoked.error.code)) return revoked
  deps.log.warn('flowHome.discard-revoked-token', { runId: run.runId, adopted: run.adopted })
  if (token === null) return ok(undefined)
  const removed = await keychain.delete(ref)
  if (!removed.ok) {
    // Revoked already: what stays in the keychain can no longer be used.
    deps.log.warn('flowHome.discard-keychain-failed', {
      runId: run.runId,
      code: removed.error.code,
    })
  }
  return ok(undefined)
}

/**
 * A refused revoke that still proves nothing is live: the system user no longer exists at Meta
 * (its tokens died with it), or — practice only — the simulator, which starts afresh each launch,
 * no longer knows the token. A real token Meta calls invalid is NOT taken as dead: the same code
 * can mean the admin's own token is, and a live token would then be left unrecorded.
 */
function nothingLiveLeft(run: JournalRun, code: string): boolean {
  return code === 'not-found' || (run.practice && code === 'auth-invalid')
}

async function revokeUnrecorded(
  deps: DiscardDeps,
  run: JournalRun,
  token: string | null,
): Promise<Result<void>> {
  const session = await deps.session.current()
  if (!session.ok) return session
  const { client, credentials, businessId, mode, appId } = session.value
  if (businessId !== run.businessId || mode !== modeOf(run.practice)) {
    return err('conflict', 'flowMain.run.otherBusiness', {
      params: { business: run.businessName },
    })
  }
  // This very token, through its app: no other token of the system user is touched.
  if (token !== null && appId === run.appId) {
    return revokeToken(client, credentials, { appId, tokenToRevoke: token })
  }
  // Every token of a system user this run created: no one else holds one (as settleOrphan).
  if (!run.adopted && run.systemUserId) {
    return revokeAllTokens(client, credentials, { systemUserId: run.systemUserId, businessId })
  }
  return err('conflict', 'flowMain.discard.tokenKept')
}
