import type { VaultAsset, VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok, type Result } from '@shared/result'
import { debugToken, type TokenInfo } from '../../graph/debug'
import type { RunDriver } from '../run-driver'
import { withAction, type JournalRun } from '../journal-run'
import type { TokenDeps } from './token'

/**
 * The end of steps 6–8 (REL-05): the token, already in the keychain and read back, is checked
 * with debug_token, then the vault record is written, then the actions are marked DONE. The record
 * lists the grants the read-back reported, so it waits for that read, which goes beside generate.
 */
const SIXTY_DAYS_MS = 60 * 24 * 60 * 60 * 1000

/** When a token generated at `generatedAt` stops working as planned; null = never. */
export function plannedExpiry(run: JournalRun, generatedAt: Date): string | null {
  return run.expiry === 'never'
    ? null
    : new Date(generatedAt.getTime() + SIXTY_DAYS_MS).toISOString()
}

/** Most assets one record lists (the schema's bound); a larger run keeps the first ones. */
const MAX_RECORD_ASSETS = 500

/**
 * The assets the token reaches, as the vault shows and searches them offline: the planned tasks
 * plus any Meta granted on top (the read-back differences). Ids only: the run keeps no names.
 */
function vaultAssetsOf(run: JournalRun): VaultAsset[] {
  const extra = new Map(run.differences.map((d) => [`${d.kind}:${d.assetId}`, d.extra]))
  return run.assignments
    .flatMap((group) =>
      group.assetIds.map((id) => ({
        id,
        kind: group.kind,
        tasks: [...new Set([...group.tasks, ...(extra.get(`${group.kind}:${id}`) ?? [])])],
      })),
    )
    .slice(0, MAX_RECORD_ASSETS)
}

/** The token, in the keychain and read back, with Meta's word on it: what recordToken needs. */
export interface SecuredToken {
  readonly token: string
  /** debug_token's answer when the token checked out valid; undefined when Meta did not say. */
  readonly valid: TokenInfo | undefined
  readonly checkedAt: string
}

/** debug_token on the new token. Only informs the record: a failed check never fails the run. */
export async function checkToken(driver: RunDriver, token: string): Promise<SecuredToken> {
  const { run, session } = driver
  const checkedAt = driver.now().toISOString()
  const info =
    session.appId === run.appId
      ? await debugToken(
          session.client,
          { appId: run.appId, appSecret: session.credentials.appSecret, inputToken: token },
          { signal: driver.signal },
        )
      : undefined
  return { token, valid: info?.ok && info.value.isValid ? info.value : undefined, checkedAt }
}

/**
 * The vault record, with expiry and scopes from debug_token when Meta answered it, then the
 * actions DONE. Runs after the read-back too, since the record lists the grants Meta reported.
 */
export async function recordToken(
  driver: RunDriver,
  deps: TokenDeps,
  secured: SecuredToken,
): Promise<Result<void>> {
  const { run } = driver
  const { token, valid, checkedAt } = secured
  const expiresAt =
    valid !== undefined
      ? valid.expiresAt === 0
        ? null
        : new Date(valid.expiresAt * 1000).toISOString()
      : (run.tokenExpiresAt ?? plannedExpiry(run, new Date(run.tokenGeneratedAt ?? checkedAt)))
  const record: VaultRecordSummary = {
    id: run.vaultRecordId,
    kind: run.role === 'ADMIN' ? 'admin-system-user' : 'system-user',
    practice: run.practice,
    businessId: run.businessId,
    businessName: run.businessName,
    systemUserId: run.systemUserId ?? '',
    systemUserName: run.name,
    systemUserRole: run.role,
    assets: vaultAssetsOf(run),
    appId: run.appId,
    ...(run.appName ? { appName: run.appName } : {}),
    scopes: valid ? [...valid.scopes] : [...run.scopes],
    createdAt: run.tokenGeneratedAt ?? checkedAt,
    expiresAt,
    fingerprint: token.slice(-4),
    lastCheck: valid ? { at: checkedAt, outcome: 'valid' } : null,
  }
  try {
    deps.vault.put(record)
  } catch (error) {
    driver.log.error('flowHome.vault-write-failed', { runId: run.runId, error })
    return err('storage-failed', 'flowMain.save.vaultFailed')
  }
  // DONE after the keychain and the vault (REL-05), durable with the run's DONE that follows at
  // once; lost in a crash, the resume finds the token in the keychain and records it again.
  driver.settle((current) =>
    withAction(
      withAction(
        { ...current, tokenExpiresAt: expiresAt, fingerprint: token.slice(-4) },
        'generate-token',
        { state: 'done', done: 1 },
      ),
      'save-token',
      { state: 'done', done: 1 },
    ),
  )
  return ok(undefined)
}

/**
 * After a read-back that a resumed run did once its token was already recorded (the first
 * attempt's read-back failed or was cancelled, and the token was vaulted all the same): the same
 * record — never a second one — takes the grants Meta reported. Nothing when no record is there
 * (the token was never recorded, or the admin removed it from the vault since).
 */
export function refreshRecordAssets(driver: RunDriver, deps: TokenDeps): Result<void> {
  const { run } = driver
  if (!deps.vault.get(run.vaultRecordId)) return ok(undefined)
  try {
    deps.vault.update(run.vaultRecordId, { assets: vaultAssetsOf(run) })
  } catch (error) {
    driver.log.error('flowHome.vault-write-failed', { runId: run.runId, error })
    // Not DONE then: the next attempt reads the grants again and brings them to the record.
    driver.settle((current) => withAction(current, 'verify-assignments', { state: 'planned' }))
    return err('storage-failed', 'flowMain.save.vaultFailed')
  }
  return ok(undefined)
}
