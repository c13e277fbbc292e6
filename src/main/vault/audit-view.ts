import type { ResponseOf } from '@shared/ipc/contract'
import type { AuditFilter, AuditListRequest } from '@shared/ipc/schemas/vault-views'
import { err, ok, type Result } from '@shared/result'
import { verificationMessage } from '../audit/audit-chain'
import { auditActionKey, auditOutcomeKey } from '../audit/audit-entry'
import { AUDIT_READ_LIMIT, type AuditLog, type IndexedAuditEntry } from '../audit/audit-log'
import type { VaultContext } from './vault-context'

/**
 * The activity log for the UI: a page of entries, newest first, each with the i18n keys of its
 * labels, and whether the hash chain still holds (and where it breaks when it does not). The log
 * holds no secret by construction (audit-entry.ts), so it can be shown — and exported — as is.
 */

const hasFilter = (filter: AuditFilter): boolean =>
  filter.action !== undefined ||
  filter.outcome !== undefined ||
  filter.from !== undefined ||
  filter.to !== undefined

/** Whether an entry passes the filter: its action, its outcome, `from` ≤ time < `to`. */
export function matchesAuditFilter(entry: IndexedAuditEntry, filter: AuditFilter): boolean {
  if (filter.action !== undefined && entry.action !== filter.action) return false
  if (filter.outcome !== undefined && entry.outcome !== filter.outcome) return false
  const at = Date.parse(entry.at)
  if (filter.from !== undefined && at < Date.parse(filter.from)) return false
  if (filter.to !== undefined && at >= Date.parse(filter.to)) return false
  return true
}

/**
 * Up to `limit` entries matching the filter, newest first, from index `before` down, and the
 * cursor of the next (older) page. Reads the log in chunks of the log's largest page, so a filter
 * that matches rarely still answers one page without holding the whole file's entries.
 */
export function readFiltered(
  audit: AuditLog,
  filter: AuditFilter,
  limit: number,
  before?: number,
): { entries: IndexedAuditEntry[]; nextBefore: number | null } {
  if (!hasFilter(filter)) {
    const page = audit.read({ limit, ...(before !== undefined ? { before } : {}) })
    return { entries: [...page.entries], nextBefore: page.nextBefore }
  }
  const entries: IndexedAuditEntry[] = []
  let cursor: number | null | undefined = before
  while (entries.length < limit && cursor !== null) {
    const page = audit.read({
      limit: AUDIT_READ_LIMIT.max,
      ...(cursor !== undefined ? { before: cursor } : {}),
    })
    for (const entry of page.entries) {
      if (!matchesAuditFilter(entry, filter)) continue
      entries.push(entry)
      // A full page: the next one starts just below this entry.
      if (entries.length === limit)
        return { entries, nextBefore: entry.index > 0 ? entry.index : null }
    }
    cursor = page.nextBefore
  }
  return { entries, nextBefore: null }
}

export function listAudit(
  context: VaultContext,
  request: AuditListRequest,
): Result<ResponseOf<'vault:audit-list'>> {
  try {
    const { limit, before, ...filter } = request
    const page = readFiltered(context.deps.audit, filter, limit ?? AUDIT_READ_LIMIT.default, before)
    const verification = verificationMessage(context.deps.audit.verify())
    return ok({
      entries: page.entries.map((entry) => ({
        index: entry.index,
        at: entry.at,
        action: entry.action,
        actionKey: auditActionKey(entry.action),
        outcome: entry.outcome,
        outcomeKey: auditOutcomeKey(entry.outcome),
        ...(entry.recordId !== undefined ? { recordId: entry.recordId } : {}),
        ...(entry.businessId !== undefined ? { businessId: entry.businessId } : {}),
        ...(entry.systemUserId !== undefined ? { systemUserId: entry.systemUserId } : {}),
        ...(entry.detailKey !== undefined ? { detailKey: entry.detailKey } : {}),
        ...(entry.redacted ? { redacted: true } : {}),
      })),
      nextBefore: page.nextBefore,
      chain: {
        ok: verification.messageKey === 'vaultMain.audit.chain.ok',
        messageKey: verification.messageKey,
        ...(verification.params ? { line: verification.params.line } : {}),
      },
    })
  } catch {
    context.deps.log.error('vault.audit-read-failed')
    return err('storage-failed', 'errors.storageFailed')
  }
}
