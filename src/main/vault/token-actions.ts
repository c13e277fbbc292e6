import type { VaultListItem, VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok, type Result } from '@shared/result'
import type { AdminSession } from '../admin-session'
import { refreshToken, revokeAllTokens, revokeToken } from '../graph/tokens'
import { expiryStatus } from './expiry'
import { applyFinding, inspectToken } from './health-check'
import { readToken, sessionFor, writeToken } from './secrets-access'
import type { VaultContext } from './vault-context'
import { fingerprintOf, toListItem } from './vault-view'

/**
 * Refresh and revoke (docs/graph-api.md §4.4–4.5, SEC-17). Every action that reads a token or
 * changes one at Meta is refused while the vault is locked, checks that the connected session can
 * speak for the record (same mode, same app) and is audited with its outcome.
 */

const SIXTY_DAYS_S = 60 * 24 * 60 * 60

/** The record and a session able to act on it, with its token read — or why not. */
export async function prepare(
  context: VaultContext,
  id: string,
): Promise<Result<{ record: VaultRecordSummary; session: AdminSession; token: string }>> {
  if (context.lock.isLocked()) return err('conflict', 'vaultMain.locked')
  const found = context.find(id)
  if (!found.ok) return found
  const session = await sessionFor(context.deps.session, found.value)
  if (!session.ok) return session
  const token = await readToken(context.deps.secrets, found.value)
  if (!token.ok) return token
  return ok({ record: found.value, session: session.value, token: token.value })
}

/**
 * Refreshes a 60-day token through `fb_exchange_token`. Refused before any call for a token that
 * never expires (the exchange would hand back a 60-day one: a working token quietly turned into
 * one that dies) and for an expired one (Meta cannot refresh it; a new one is needed). tokens.ts
 * checks both again with debug_token, so a stale record cannot get around it.
 */
export async function refresh(
  context: VaultContext,
  id: string,
): Promise<Result<{ record: VaultListItem }>> {
  const found = context.find(id)
  if (!found.ok) return found
  if (found.value.expiresAt === null) {
    return err('invalid-input', 'vaultMain.refresh.neverExpires')
  }
  if (expiryStatus(found.value, context.now()).state === 'expired') {
    return err('auth-expired', 'vaultMain.refresh.expired', {
      hintKey: 'graph.hint.generateNewToken',
    })
  }
  const prepared = await prepare(context, id)
  if (!prepared.ok) return prepared
  const { record, session, token } = prepared.value
  const answer = await refreshToken(session.client, {
    appId: session.appId,
    appSecret: session.credentials.appSecret,
    token,
  })
  if (!answer.ok) {
    context.audit('token-refreshed', 'failed', record, answer.error.messageKey)
    if (answer.error.messageKey === 'graph.refreshNeverExpiring') {
      return err('invalid-input', 'vaultMain.refresh.neverExpires')
    }
    // An invalid token (190, 190/467…) already comes back from tokens.ts with "generate a new
    // token": it knows which of its calls carried the system user's token. A blanket override of
    // auth-invalid here would also rewrite a wrong app secret's "check the app secret".
    if (answer.error.code === 'auth-expired') {
      return err('auth-expired', 'vaultMain.refresh.expired', {
        hintKey: 'graph.hint.generateNewToken',
      })
    }
    return answer
  }
  // The old token keeps working until its own expiry (docs/graph-api.md §4.4); the keychain now
  // holds the new one.
  const saved = await writeToken(context.deps.secrets, record, answer.value.token)
  if (!saved.ok) {
    context.audit('token-refreshed', 'failed', record, saved.error.messageKey)
    return saved
  }
  const now = context.now()
  const expiresAt = new Date(now + (answer.value.expiresIn ?? SIXTY_DAYS_S) * 1000).toISOString()
  const updated = context.deps.vault.update(id, {
    expiresAt,
    fingerprint: fingerprintOf(answer.value.token),
    lastCheck: { at: new Date(now).toISOString(), outcome: 'valid', expiresAt },
  })
  context.audit('token-refreshed', 'succeeded', record)
  context.changed([id])
  return ok({ record: toListItem(updated ?? record, now) })
}

/** Asks debug_token whether `token` still works; true when Meta no longer accepts it. */
async function confirmDead(
  context: VaultContext,
  session: AdminSession,
  record: VaultRecordSummary,
  token: string,
): Promise<boolean> {
  const { finding } = await inspectToken(session, record, token, () => context.now())
  context.deps.vault.update(record.id, applyFinding(record, finding, context.now()))
  return finding.outcome === 'revoked' || finding.outcome === 'invalid'
}

/** Revokes one token (`oauth/revoke`), then verifies with debug_token that it no longer works. */
export async function revoke(
  context: VaultContext,
  id: string,
): Promise<Result<{ record: VaultListItem; verified: boolean }>> {
  const prepared = await prepare(context, id)
  if (!prepared.ok) return prepared
  const { record, session, token } = prepared.value
  const answer = await revokeToken(session.client, session.credentials, {
    appId: session.appId,
    tokenToRevoke: token,
  })
  if (!answer.ok) {
    context.audit('token-revoked', 'failed', record, answer.error.messageKey)
    return answer
  }
  const verified = await confirmDead(context, session, record, token)
  context.audit(
    'token-revoked',
    'succeeded',
    record,
    verified ? undefined : 'vaultMain.revoke.notVerified',
  )
  context.changed([id])
  return ok({ record: toListItem(context.deps.vault.get(id) ?? record, context.now()), verified })
}

/**
 * Invalidates every token of a system user (`DELETE /{su}/access_tokens`) — including ones this
 * vault never saw — then verifies each token the vault holds for it.
 */
export async function revokeAll(
  context: VaultContext,
  systemUserId: string,
): Promise<Result<{ revokedIds: string[]; verified: boolean }>> {
  if (context.lock.isLocked()) return err('conflict', 'vaultMain.locked')
  const session = await context.deps.session.current()
  if (!session.ok) return session
  const practice = session.value.mode === 'practice'
  const records = context.deps.vault
    .list()
    .filter((record) => record.systemUserId === systemUserId && record.practice === practice)
  const answer = await revokeAllTokens(session.value.client, session.value.credentials, {
    systemUserId,
    businessId: session.value.businessId,
  })
  const subject = { systemUserId, businessId: session.value.businessId }
  if (!answer.ok) {
    context.audit('token-revoked', 'failed', subject, answer.error.messageKey)
    return answer
  }
  let verified = true
  for (const record of records) {
    const token = await readToken(context.deps.secrets, record)
    // A token the keychain lost cannot be checked; it was revoked with the rest all the same.
    if (!token.ok || record.appId !== session.value.appId) continue
    if (!(await confirmDead(context, session.value, record, token.value))) verified = false
  }
  context.audit(
    'token-revoked',
    'succeeded',
    subject,
    verified ? undefined : 'vaultMain.revoke.notVerified',
  )
  const revokedIds = records.map((record) => record.id)
  if (revokedIds.length > 0) context.changed(revokedIds)
  return ok({ revokedIds, verified })
}
