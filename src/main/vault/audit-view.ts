import type { ResponseOf } from '@shared/ipc/contract'
import { err, ok, type Result } from '@shared/result'
import { verificationMessage } from '../audit/audit-chain'
import { auditActionKey, auditOutcomeKey } from '../audit/audit-entry'
import type { VaultContext } from './vault-context'

/**
 * The activity log for the UI: a page of entries, newest first, each with the i18n keys of its
 * labels, and whether the hash chain still holds (and where it breaks when it does not). The log
 * holds no secret by construction (audit-entry.ts), so it can be shown as is.
 */
export function listAudit(
  context: VaultContext,
  request: { readonly limit?: number | undefined; readonly before?: number | undefined },
): Result<ResponseOf<'vault:audit-list'>> {
  try {
    const page = context.deps.audit.read({
      ...(request.limit !== undefined ? { limit: request.limit } : {}),
      ...(request.before !== undefined ? { before: request.before } : {}),
    })
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
