import { en } from '@shared/i18n/en'
import type { AuditFilter } from '@shared/ipc/schemas/vault-views'
import { ok, err, type Result } from '@shared/result'
import { auditActionKey, auditOutcomeKey } from '../audit/audit-entry'
import type { IndexedAuditEntry } from '../audit/audit-log'
import { readFiltered } from './audit-view'
import { csvField } from './csv-field'
import type { VaultContext } from './vault-context'

/**
 * The activity log as CSV, for audits: the entries matching the admin's filter, oldest first, with
 * plain-language labels beside the raw values. Entries hold no secret by construction (the
 * append guard in audit-entry.ts refuses secret-shaped values), and this file only copies their
 * fields — it reads neither the keychain nor any record. It goes out through the same SaveFilePort
 * as the inventory (a save dialog in the app, the data directory in the preview).
 */

type Saved = { outcome: 'saved'; location: string; count: number } | { outcome: 'cancelled' }

/** Entries read per step while collecting the export (the log's largest page). */
const CHUNK = 500

const label = (key: string): string => (en as Record<string, string>)[key] ?? ''

/** The CSV text: a header, then one line per entry, oldest first. */
export function auditCsv(entries: readonly IndexedAuditEntry[]): string {
  const lines = entries.map((entry) =>
    [
      String(entry.index + 1),
      entry.at,
      entry.action,
      label(auditActionKey(entry.action)),
      entry.outcome,
      label(auditOutcomeKey(entry.outcome)),
      entry.recordId ?? '',
      entry.businessId ?? '',
      entry.systemUserId ?? '',
      entry.detailKey ? label(entry.detailKey) : '',
    ]
      .map(csvField)
      .join(','),
  )
  return `${[label('vaultMain.audit.csvHeader'), ...lines].join('\r\n')}\r\n`
}

export async function exportAudit(
  context: VaultContext,
  filter: AuditFilter,
): Promise<Result<Saved>> {
  let entries: IndexedAuditEntry[] = []
  try {
    let before: number | undefined
    for (;;) {
      const page = readFiltered(context.deps.audit, filter, CHUNK, before)
      entries = entries.concat(page.entries)
      if (page.nextBefore === null) break
      before = page.nextBefore
    }
  } catch {
    context.deps.log.error('vault.audit-read-failed')
    return err('storage-failed', 'errors.storageFailed')
  }
  const day = new Date(context.now()).toISOString().slice(0, 10)
  const saved = await context.deps.saveFile.save({
    kind: 'audit',
    suggestedName: `activity-log-${day}.csv`,
    content: auditCsv(entries.reverse()),
  })
  if (!saved.saved) return ok({ outcome: 'cancelled' })
  context.audit('audit-exported', 'succeeded')
  return ok({ outcome: 'saved', location: saved.location, count: entries.length })
}
