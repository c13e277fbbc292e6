import { en } from '@shared/i18n/en'
import { modeOf } from '@shared/ipc/schemas/mode'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok, type Result } from '@shared/result'
import { decryptVaultExport, encryptVaultExport } from './export-crypto'
import { MIN_PASSWORD_LENGTH } from './export-format'
import { writeRestoredRecords, restoreFailureAnswer } from './restore-writes'
import { readToken } from './secrets-access'
import type { VaultContext } from './vault-context'

/**
 * Exports (SEC-20): the encrypted backup — the only export that holds secrets, always
 * password-encrypted (export-crypto.ts) — its restore, and the inventory for audits, which is
 * metadata only. The renderer never sees a file's content: main writes and reads it through the
 * save/open ports (Electron's dialogs in the app, the data directory in the preview).
 */

type Saved = { outcome: 'saved'; location: string; count: number } | { outcome: 'cancelled' }

const day = (now: number): string => new Date(now).toISOString().slice(0, 10)

/** Checked before a single secret is read: a backup with a weak password is not made at all. */
const tooShort = (password: string): boolean =>
  [...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH

export async function exportBackup(
  context: VaultContext,
  password: string,
): Promise<Result<Saved>> {
  if (context.lock.isLocked()) return err('conflict', 'vaultMain.locked')
  if (tooShort(password)) {
    return err('invalid-input', 'vaultMain.backup.passwordTooShort', {
      params: { min: MIN_PASSWORD_LENGTH },
    })
  }
  const records = context.deps.vault.list()
  const secrets: Record<string, string> = {}
  for (const record of records) {
    const token = await readToken(context.deps.secrets, record)
    // A record whose token the keychain lost is still backed up (its metadata); anything else
    // (a locked or missing keychain) stops the backup rather than making an incomplete one.
    if (token.ok) secrets[record.id] = token.value
    else if (token.error.code !== 'not-found') {
      context.audit('vault-exported', 'failed', undefined, token.error.messageKey)
      return token
    }
  }
  const encrypted = await encryptVaultExport(
    { records, secrets },
    password,
    context.deps.backupScryptN !== undefined ? { scryptN: context.deps.backupScryptN } : {},
  )
  if (!encrypted.ok) {
    context.audit('vault-exported', 'failed', undefined, encrypted.error.messageKey)
    return { ok: false, error: encrypted.error }
  }
  const saved = await context.deps.saveFile.save({
    kind: 'backup',
    suggestedName: `token-vault-backup-${day(context.now())}.suavault`,
    content: encrypted.value,
  })
  if (!saved.saved) {
    context.audit('vault-exported', 'cancelled')
    return ok({ outcome: 'cancelled' })
  }
  context.audit('vault-exported', 'succeeded')
  return ok({ outcome: 'saved', location: saved.location, count: records.length })
}

export async function restoreBackup(
  context: VaultContext,
  password: string,
): Promise<
  Result<{ outcome: 'restored'; added: number; replaced: number } | { outcome: 'cancelled' }>
> {
  if (context.lock.isLocked()) return err('conflict', 'vaultMain.locked')
  const file = await context.deps.openFile.open({ kind: 'backup' })
  if (!file.opened) return ok({ outcome: 'cancelled' })
  const decrypted = await decryptVaultExport(file.content, password)
  if (!decrypted.ok) {
    context.audit('vault-imported', 'refused', undefined, decrypted.error.messageKey)
    return { ok: false, error: decrypted.error }
  }
  const { records, secrets } = decrypted.value
  const outcome = await writeRestoredRecords(context.deps, records, secrets)
  if (!outcome.ok) {
    context.audit('vault-imported', 'failed', undefined, outcome.failure.error.messageKey)
    // Records whose undo was refused stay as restored: the list must show them as they are.
    if (outcome.failure.notUndone.length > 0) context.changed(outcome.failure.notUndone)
    return restoreFailureAnswer(outcome.failure)
  }
  const { added, replaced, restored } = outcome.value
  context.audit('vault-imported', 'succeeded')
  if (restored.length > 0) context.changed(restored)
  return ok({ outcome: 'restored', added, replaced })
}

/**
 * One CSV field: quoted when needed, and a leading =, +, -, @, tab or CR neutralised with an
 * apostrophe, so a spreadsheet opening the inventory never runs a name as a formula (OWASP CSV
 * injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The inventory: one line per record, metadata only — the token is never read for it. */
export function inventoryCsv(records: readonly VaultRecordSummary[]): string {
  const header = en['vaultMain.inventory.header'] ?? ''
  const lines = records.map((record) =>
    [
      record.businessName,
      record.businessId,
      record.systemUserName ?? record.label ?? '',
      record.systemUserId ?? '',
      // The inventory's words are as they always were: 'employee', 'admin'.
      record.systemUserRole?.toLowerCase() ?? '',
      record.appName ?? '',
      record.appId,
      record.scopes.join(' '),
      (record.assets ?? []).map((asset) => `${asset.kind}:${asset.id}`).join(' '),
      record.createdAt,
      record.expiresAt ?? 'never',
      record.fingerprint,
      record.lastCheck?.at ?? '',
      record.lastCheck?.outcome ?? '',
      modeOf(record.practice),
      record.notes ?? '',
    ]
      .map(csvField)
      .join(','),
  )
  return `${[header, ...lines].join('\r\n')}\r\n`
}

export async function exportInventory(context: VaultContext): Promise<Result<Saved>> {
  const records = context.deps.vault.list()
  const saved = await context.deps.saveFile.save({
    kind: 'inventory',
    suggestedName: `token-inventory-${day(context.now())}.csv`,
    content: inventoryCsv(records),
  })
  if (!saved.saved) return ok({ outcome: 'cancelled' })
  context.audit('inventory-exported', 'succeeded')
  return ok({ outcome: 'saved', location: saved.location, count: records.length })
}
