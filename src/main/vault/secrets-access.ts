import { modeOf } from '@shared/ipc/schemas/mode'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok, type Result } from '@shared/result'
import type { AdminSession, AdminSessionPort } from '../admin-session'
import { registerSecret } from '../log/redact'
import { keychainOf } from '../secrets/keychain'
import type { SecretKind, SecretRef, SecretStore } from '../secrets/secret-store'

/**
 * The vault's only doors to the keychain and to Meta. Every secret read goes through `readToken`,
 * which the handlers call on reveal, copy, check, refresh, rotate, revoke and backup — never on
 * list, search or detail (the offline promise, proven by a counting store in the tests).
 */

const SECRET_KIND: Readonly<Record<VaultRecordSummary['kind'], SecretKind>> = {
  'system-user': 'system-user-token',
  'admin-system-user': 'system-user-token',
  'admin-user': 'admin-token',
  imported: 'imported-token',
}

/**
 * Where a record's token lives: service = its kind, account = the record id. Writers (the setup
 * flow, import, rotation, restore) and readers share this one function.
 */
export const vaultSecretRef = (record: Pick<VaultRecordSummary, 'id' | 'kind'>): SecretRef => ({
  kind: SECRET_KIND[record.kind],
  id: record.id,
})

/** Admin tokens reach everything in the business: revealing or copying one asks first. */
export const isAdminRecord = (record: VaultRecordSummary): boolean =>
  record.kind === 'admin-user' ||
  record.kind === 'admin-system-user' ||
  record.systemUserRole === 'ADMIN'

/** Reads a record's token; `not-found` when the keychain no longer has it. */
export async function readToken(
  secrets: SecretStore,
  record: VaultRecordSummary,
): Promise<Result<string>> {
  const read = await keychainOf(secrets).get(vaultSecretRef(record))
  if (!read.ok) return read
  if (read.value === null) return err('not-found', 'vaultMain.secret.missing')
  registerSecret(read.value)
  return ok(read.value)
}

export async function writeToken(
  secrets: SecretStore,
  record: Pick<VaultRecordSummary, 'id' | 'kind'>,
  token: string,
): Promise<Result<void>> {
  registerSecret(token)
  return keychainOf(secrets).set(vaultSecretRef(record), token)
}

/** Deletes a record's keychain entry; an entry that is already gone is fine. */
export async function deleteToken(
  secrets: SecretStore,
  record: Pick<VaultRecordSummary, 'id' | 'kind'>,
): Promise<Result<void>> {
  const deleted = await keychainOf(secrets).delete(vaultSecretRef(record))
  return deleted.ok ? ok(undefined) : deleted
}

/**
 * The admin session, checked against the record: a practice token can only be asked about in
 * practice mode (the simulator issued it) and a real one only against Meta; and debug_token,
 * refresh and revoke need the secret of the record's own app, which is the connected app's only.
 */
export async function sessionFor(
  port: AdminSessionPort,
  record: VaultRecordSummary,
): Promise<Result<AdminSession>> {
  const session = await port.current()
  if (!session.ok) return session
  if (modeOf(record.practice) !== session.value.mode) {
    return err('invalid-input', 'vaultMain.otherMode', {
      params: { mode: modeOf(record.practice) },
    })
  }
  if (record.appId !== session.value.appId) return err('invalid-input', 'vaultMain.otherApp')
  return session
}
