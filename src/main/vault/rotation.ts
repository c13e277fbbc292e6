import { randomUUID } from 'node:crypto'
import type { VaultListItem, VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok, type Result } from '@shared/result'
import { generateSystemUserToken, revokeToken } from '../graph/tokens'
import { applyFinding, inspectToken } from './health-check'
import { deleteToken, writeToken } from './secrets-access'
import { prepare } from './token-actions'
import type { VaultContext } from './vault-context'
import { fingerprintOf, toListItem } from './vault-view'

/**
 * Guided rotation (SEC-17): 1. generate a new token with the same system user, app, scopes and
 * kind of expiry, verify it with debug_token and save it as a new record that `replaces` the old;
 * the admin copies it into the software that uses it; 2. the admin confirms the software was
 * updated, then the old token is revoked, verified dead and removed. The pending step lives on the
 * new record (`replaces`), so a restart between the steps loses nothing.
 */

const SIXTY_DAYS_MS = 60 * 24 * 60 * 60 * 1000

export async function startRotation(
  context: VaultContext,
  oldId: string,
): Promise<Result<{ oldId: string; record: VaultListItem }>> {
  const prepared = await prepare(context, oldId)
  if (!prepared.ok) return prepared
  const { record: old, session } = prepared.value
  if (!old.systemUserId || old.kind === 'admin-user') {
    return err('invalid-input', 'vaultMain.notSystemUser')
  }
  // Started twice (a double click, a retry): the pending replacement is the answer, not a second.
  const pending = context.deps.vault.list().find((record) => record.replaces === oldId)
  if (pending) return ok({ oldId, record: toListItem(pending, context.now()) })

  const neverExpires = old.expiresAt === null
  const generated = await generateSystemUserToken(session.client, session.credentials, {
    systemUserId: old.systemUserId,
    appId: old.appId,
    businessId: old.businessId,
    scopes: old.scopes,
    expiresIn60Days: !neverExpires,
    edge: 'system-user',
  })
  if (!generated.ok) {
    context.audit('token-generated', 'failed', old, generated.error.messageKey)
    return generated
  }
  const token = generated.value.token
  const now = context.now()
  const draft: VaultRecordSummary = {
    ...old,
    id: randomUUID(),
    createdAt: new Date(now).toISOString(),
    expiresAt: neverExpires ? null : new Date(now + SIXTY_DAYS_MS).toISOString(),
    fingerprint: fingerprintOf(token),
    lastCheck: null,
    replaces: oldId,
  }
  const { finding } = await inspectToken(session, draft, token, () => context.now())
  const record = { ...draft, ...applyFinding(draft, finding, context.now()) }
  const saved = await writeToken(context.deps.secrets, record, token)
  if (!saved.ok) {
    // Meta made a token we cannot keep: revoke it rather than leave a working token nobody has.
    await revokeToken(session.client, session.credentials, {
      appId: session.appId,
      tokenToRevoke: token,
    })
    context.audit('token-saved', 'failed', record, saved.error.messageKey)
    return saved
  }
  context.deps.vault.put(record)
  context.audit('token-generated', 'succeeded', record)
  context.audit('token-saved', 'succeeded', record)
  context.changed([record.id])
  return ok({ oldId, record: toListItem(record, context.now()) })
}

/** Step 2, on the NEW record: revoke the old token, verify, and remove it when Meta confirms. */
export async function confirmRotation(
  context: VaultContext,
  newId: string,
): Promise<Result<{ record: VaultListItem; oldId: string; oldRevokedVerified: boolean }>> {
  const found = context.find(newId)
  if (!found.ok) return found
  const oldId = found.value.replaces
  if (oldId === undefined) return err('invalid-input', 'vaultMain.noRotationPending')
  const finish = (): VaultRecordSummary => {
    const { replaces: _done, ...rest } = context.deps.vault.get(newId) ?? found.value
    context.deps.vault.put(rest)
    return rest
  }
  if (!context.deps.vault.get(oldId)) {
    finish()
    context.changed([newId])
    return err('not-found', 'vaultMain.rotation.oldGone')
  }
  const prepared = await prepare(context, oldId)
  if (!prepared.ok) return prepared
  const { record: old, session, token } = prepared.value
  const revoked = await revokeToken(session.client, session.credentials, {
    appId: session.appId,
    tokenToRevoke: token,
  })
  if (!revoked.ok) {
    context.audit('token-rotated', 'failed', old, revoked.error.messageKey)
    return revoked
  }
  const { finding } = await inspectToken(session, old, token, () => context.now())
  const dead = finding.outcome === 'revoked' || finding.outcome === 'invalid'
  if (dead) {
    await deleteToken(context.deps.secrets, old)
    context.deps.vault.remove(oldId)
  } else {
    context.deps.vault.update(oldId, applyFinding(old, finding, context.now()))
  }
  const record = finish()
  context.audit(
    'token-revoked',
    'succeeded',
    old,
    dead ? undefined : 'vaultMain.revoke.notVerified',
  )
  context.audit('token-rotated', 'succeeded', record)
  context.changed([oldId, newId])
  return ok({ record: toListItem(record, context.now()), oldId, oldRevokedVerified: dead })
}
