import { randomUUID } from 'node:crypto'
import type { VaultListItem, VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok, type Result } from '@shared/result'
import type { AdminSession } from '../admin-session'
import { debugToken } from '../graph/debug'
import { listSystemUsers } from '../graph/system-users'
import { containsSecretValue, registerSecret } from '../log/redact'
import { decodeCheckError } from './health-check'
import { deleteToken, readToken, writeToken } from './secrets-access'
import type { VaultContext } from './vault-context'
import { fingerprintOf, toListItem } from './vault-view'

/**
 * Record-level actions: remove a record (its keychain entry first), set its notes (never a token:
 * notes are stored in plain text), and import an
 * existing token — inspected with debug_token before anything is saved, its metadata filled in
 * from Meta's answer, the value written to the keychain only.
 */

/** Removes the keychain entry, then the record; if the keychain refuses, the record stays. */
export async function removeRecord(
  context: VaultContext,
  id: string,
): Promise<Result<{ removed: true }>> {
  const found = context.find(id)
  if (!found.ok) return found
  const record = found.value
  const deleted = await deleteToken(context.deps.secrets, record)
  if (!deleted.ok) {
    context.audit('record-removed', 'failed', record, deleted.error.messageKey)
    return deleted
  }
  context.reveal.hide(id, 'user')
  context.deps.vault.remove(id)
  context.audit('record-removed', 'succeeded', record)
  context.changed([id])
  return ok({ removed: true })
}

export function setNote(
  context: VaultContext,
  id: string,
  note: string,
): Result<{ record: VaultListItem }> {
  const found = context.find(id)
  if (!found.ok) return found
  // Notes are kept in settings.json, in plain text: a pasted token would sit there unprotected.
  if (containsSecretValue(note)) return err('invalid-input', 'vaultMain.note.looksLikeSecret')
  const trimmed = note.trim()
  const { notes: _old, ...rest } = found.value
  const next: VaultRecordSummary = trimmed === '' ? rest : { ...rest, notes: trimmed }
  context.deps.vault.put(next)
  context.changed([id])
  return ok({ record: toListItem(next, context.now()) })
}

/** True when the vault already holds exactly this token (only same-fingerprint entries are read). */
async function alreadyHeld(context: VaultContext, token: string): Promise<boolean> {
  const fingerprint = fingerprintOf(token)
  for (const record of context.deps.vault.list()) {
    if (record.fingerprint !== fingerprint) continue
    const held = await readToken(context.deps.secrets, record)
    if (held.ok && held.value === token) return true
  }
  return false
}

/**
 * The name of the system user a token belongs to: debug_token gives only its id, and a vault
 * that lists "Imported token" cannot say whose tokens "Revoke all" would switch off. One read of
 * the business's system users; when it fails the import goes on without the name (said in the log).
 */
async function nameOfSystemUser(
  context: VaultContext,
  session: AdminSession,
  systemUserId: string,
): Promise<string | undefined> {
  const listed = await listSystemUsers(session.client, session.credentials, session.businessId)
  if (!listed.ok) {
    context.deps.log.warn('vault.import-name-unread', { code: listed.error.code })
    return undefined
  }
  return listed.value.systemUsers.find((user) => user.id === systemUserId)?.name
}

export async function importToken(
  context: VaultContext,
  request: { readonly token: string; readonly label?: string | undefined },
): Promise<Result<{ record: VaultListItem }>> {
  // Registered before anything else can log it (a failed call's error, say).
  registerSecret(request.token)
  const token = request.token.trim()
  registerSecret(token)
  if (context.lock.isLocked()) return err('conflict', 'vaultMain.locked')
  const session = await context.deps.session.current()
  if (!session.ok) return session
  const { appId, credentials, client } = session.value
  const refused = (messageKey: string): Result<never> => {
    context.audit('token-imported', 'refused', { businessId: session.value.businessId }, messageKey)
    return err('invalid-input', messageKey)
  }
  const answer = await debugToken(client, {
    appId,
    appSecret: credentials.appSecret,
    inputToken: token,
  })
  if (!answer.ok) {
    if (decodeCheckError(answer.error) === 'wrong-app') return refused('vaultMain.import.wrongApp')
    return answer
  }
  const info = answer.value
  if (info.appId !== '' && info.appId !== appId) return refused('vaultMain.import.wrongApp')
  if (!info.isValid) return refused('vaultMain.import.invalid')
  if (await alreadyHeld(context, token)) {
    return err('conflict', 'vaultMain.import.duplicate')
  }
  const now = context.now()
  const expiresAt = info.expiresAt === 0 ? null : new Date(info.expiresAt * 1000).toISOString()
  const label = request.label?.trim()
  const systemUserId = info.type === 'SYSTEM_USER' && info.userId ? info.userId : undefined
  const systemUserName = systemUserId
    ? await nameOfSystemUser(context, session.value, systemUserId)
    : undefined
  const record: VaultRecordSummary = {
    id: randomUUID(),
    kind: 'imported',
    practice: session.value.mode === 'practice',
    businessId: session.value.businessId,
    businessName: session.value.businessName,
    ...(systemUserId ? { systemUserId } : {}),
    ...(systemUserName ? { systemUserName } : {}),
    appId,
    ...((info.application ?? session.value.appName)
      ? { appName: info.application ?? session.value.appName }
      : {}),
    scopes: [...info.scopes].slice(0, 100),
    createdAt: new Date(now).toISOString(),
    expiresAt,
    fingerprint: fingerprintOf(token),
    lastCheck: { at: new Date(now).toISOString(), outcome: 'valid', expiresAt },
    ...(label ? { label } : {}),
  }
  const saved = await writeToken(context.deps.secrets, record, token)
  if (!saved.ok) {
    context.audit('token-imported', 'failed', record, saved.error.messageKey)
    return saved
  }
  context.deps.vault.put(record)
  context.audit('token-imported', 'succeeded', record)
  context.changed([record.id])
  return ok({ record: toListItem(record, now) })
}
