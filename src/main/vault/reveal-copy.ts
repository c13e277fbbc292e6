import type { CopyResponse, RevealResponse, VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok, type Result } from '@shared/result'
import type { RevealEndReason } from './reveal-timer'
import { isAdminRecord, readToken } from './secrets-access'
import type { VaultContext } from './vault-context'

/**
 * Reveal and copy (SEC-10, SEC-18): the only two ways a token leaves the keychain towards the
 * admin. Reveal answers the value once and starts main's 30 s timer; copy writes it to the
 * clipboard from main, so the renderer never holds it. Both are refused while the vault is locked,
 * ask first for an admin token, and are audited (never the value). When the audit log cannot be
 * written the value is not handed out: an unrecorded reveal is what the log exists to prevent.
 * Past the hand-out limit (hand-out-limit.ts) the vault locks, whatever the renderer asks.
 */

interface SecretRequest {
  readonly id: string
  readonly confirmAdmin?: boolean | undefined
}

/** Checks lock and confirmation and reads the token, or says why not. */
async function gate(
  context: VaultContext,
  request: SecretRequest,
  action: 'token-revealed' | 'token-copied',
): Promise<
  | { kind: 'answer'; answer: { outcome: 'locked' } | { outcome: 'confirm-admin' } }
  | { kind: 'error'; result: Result<never> }
  | { kind: 'token'; token: string; record: VaultRecordSummary }
> {
  const found = context.find(request.id)
  if (!found.ok) return { kind: 'error', result: found }
  const record = found.value
  if (context.lock.isLocked()) {
    context.audit(action, 'refused', record, 'vaultMain.locked')
    return { kind: 'answer', answer: { outcome: 'locked' } }
  }
  if (isAdminRecord(record) && request.confirmAdmin !== true) {
    return { kind: 'answer', answer: { outcome: 'confirm-admin' } }
  }
  if (!context.handOuts.take(context.now())) {
    context.audit(action, 'refused', record, 'vaultMain.handOutLimit')
    await context.lock.lock('hand-out-limit')
    return { kind: 'answer', answer: { outcome: 'locked' } }
  }
  const token = await readToken(context.deps.secrets, record)
  if (!token.ok) {
    context.audit(action, 'failed', record, token.error.messageKey)
    return { kind: 'error', result: token }
  }
  // The lock may have come while the keychain answered: a locked vault hands out nothing.
  if (context.lock.isLocked()) return { kind: 'answer', answer: { outcome: 'locked' } }
  if (!context.audit(action, 'succeeded', record)) {
    return { kind: 'error', result: err('storage-failed', 'errors.storageFailed') }
  }
  return { kind: 'token', token: token.value, record }
}

export async function revealSecret(
  context: VaultContext,
  request: SecretRequest,
): Promise<Result<RevealResponse>> {
  const gated = await gate(context, request, 'token-revealed')
  if (gated.kind === 'error') return gated.result
  if (gated.kind === 'answer') return ok(gated.answer)
  // Protected before the value leaves main, so no frame shows it unprotected.
  context.deps.screenCapture.protect(true)
  const active = context.reveal.reveal(request.id)
  return ok({
    outcome: 'revealed',
    recordId: request.id,
    value: gated.token,
    hidesAt: active.hidesAt,
    captureBlocked: context.deps.screenCapture.blocksCapture,
  })
}

/** The renderer hid the value (blur, navigation, the admin's "Hide"): main's timer ends too. */
export function endReveal(
  context: VaultContext,
  request: { readonly id: string; readonly reason: RevealEndReason },
): Result<{ hidden: boolean }> {
  return ok({ hidden: context.reveal.hide(request.id, request.reason) })
}

export async function copySecret(
  context: VaultContext,
  request: SecretRequest,
): Promise<Result<CopyResponse>> {
  const gated = await gate(context, request, 'token-copied')
  if (gated.kind === 'error') return gated.result
  if (gated.kind === 'answer') return ok(gated.answer)
  try {
    await context.clipboard.copySecret(gated.token)
  } catch {
    context.deps.log.warn('vault.clipboard-write-failed')
    context.audit('token-copied', 'failed', gated.record, 'vaultMain.clipboard.failed')
    return err('internal', 'vaultMain.clipboard.failed')
  }
  return ok({ outcome: 'copied', clearsInSeconds: Math.round(context.clipboardClearMs / 1000) })
}
