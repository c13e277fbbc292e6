import { modeOf } from '@shared/ipc/schemas/mode'
import { en } from '@shared/i18n/en'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { ok, type Result } from '@shared/result'
import { csvField } from './csv-field'
import type { VaultContext } from './vault-context'

/**
 * The inventory for audits: the vault's records as CSV, metadata only — no token is read for it,
 * so it needs no password (the encrypted backup is vault-backup.ts). It goes out through the
 * save port (a save dialog in the app, the data directory in the preview).
 */

type Saved = { outcome: 'saved'; location: string; count: number } | { outcome: 'cancelled' }

const day = (now: number): string => new Date(now).toISOString().slice(0, 10)

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
