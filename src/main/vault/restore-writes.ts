import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok, type AppError, type Result } from '@shared/result'
import type { SecretStore } from '../secrets/secret-store'
import { deleteToken, readToken, writeToken } from './secrets-access'
import type { VaultIndex } from './vault-index'

/**
 * A restore writes many tokens, one keychain call each, and the keychain can refuse half way. A
 * backup is older than the vault, so overwriting a record with the backup's copy and then stopping
 * would leave the admin with an older token where a newer one was — and an answer saying nothing
 * changed. So a restore is all or nothing: before each overwrite the token held now is read (and
 * a keychain that cannot be read stops the restore before anything is touched), and on a refusal
 * every write already made is undone in reverse order. Only if the keychain also refuses the undo
 * does the answer say which records may now hold the backup's copy.
 */
interface Applied {
  readonly record: VaultRecordSummary
  /** The index entry before the restore, if there was one. */
  readonly before: VaultRecordSummary | undefined
  /** Whether the restore wrote this record's keychain entry (a backup may hold no token for it). */
  readonly wroteToken: boolean
  /** The token held under the same keychain entry before the restore, if there was one. */
  readonly heldToken: string | null
}

export interface RestoreTally {
  readonly added: number
  readonly replaced: number
  readonly restored: readonly string[]
}

/** Why a restore stopped, and the records the undo could not put back (the keychain kept refusing). */
export interface RestoreFailure {
  readonly error: AppError
  readonly notPutBack: readonly string[]
}

export type RestoreOutcome =
  | { readonly ok: true; readonly value: RestoreTally }
  | { readonly ok: false; readonly failure: RestoreFailure }

/** The token now under the keychain entry a restored record will write to; null when none. */
async function tokenHeldFor(
  secrets: SecretStore,
  before: VaultRecordSummary | undefined,
  record: VaultRecordSummary,
): Promise<Result<string | null>> {
  // A different kind means a different keychain entry: the restore does not touch the old one.
  if (!before || before.kind !== record.kind) return ok(null)
  const held = await readToken(secrets, before)
  if (held.ok) return held
  return held.error.code === 'not-found' ? ok(null) : held
}

async function undo(secrets: SecretStore, vault: VaultIndex, applied: readonly Applied[]) {
  const notPutBack: string[] = []
  for (const step of [...applied].reverse()) {
    if (step.wroteToken) {
      const keychain =
        step.heldToken !== null
          ? await writeToken(secrets, step.record, step.heldToken)
          : await deleteToken(secrets, step.record)
      if (!keychain.ok) notPutBack.push(step.record.id)
    }
    if (step.before) vault.put(step.before)
    else vault.remove(step.record.id)
  }
  return notPutBack
}

export async function writeRestoredRecords(
  deps: { readonly secrets: SecretStore; readonly vault: VaultIndex },
  records: readonly VaultRecordSummary[],
  tokens: Readonly<Record<string, string>>,
): Promise<RestoreOutcome> {
  const applied: Applied[] = []
  const fail = async (error: AppError): Promise<RestoreOutcome> => ({
    ok: false,
    failure: { error, notPutBack: await undo(deps.secrets, deps.vault, applied) },
  })
  let added = 0
  let replaced = 0
  for (const record of records) {
    const before = deps.vault.get(record.id)
    const token = tokens[record.id]
    let heldToken: string | null = null
    if (token !== undefined) {
      const held = await tokenHeldFor(deps.secrets, before, record)
      if (!held.ok) return fail(held.error)
      heldToken = held.value
      // Token first, record second: a record never points at a keychain entry not written.
      const written = await writeToken(deps.secrets, record, token)
      if (!written.ok) return fail(written.error)
    }
    applied.push({ record, before, wroteToken: token !== undefined, heldToken })
    if (before) replaced += 1
    else added += 1
    deps.vault.put(record)
  }
  return { ok: true, value: { added, replaced, restored: records.map((record) => record.id) } }
}

/** The answer for a failed restore: plain "nothing changed", or which records did change. */
export function restoreFailureAnswer(failure: RestoreFailure): Result<never> {
  if (failure.notPutBack.length === 0) return { ok: false, error: failure.error }
  return err('keychain-failed', 'vaultMain.restore.partial', {
    params: { count: failure.notPutBack.length },
  })
}
