import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import { err, ok, type AppError, type Result } from '@shared/result'
import type { SecretStore } from '../secrets/secret-store'
import { deleteToken, readToken, writeToken } from './secrets-access'
import type { VaultIndex } from './vault-index'

/**
 * A restore writes many tokens, one keychain call each, and the keychain (or the index file) can
 * refuse half way. A backup is older than the vault, so overwriting a record with the backup's
 * copy and then stopping would leave the admin with an older token where a newer one was — and an
 * answer saying nothing changed. So a restore is all or nothing: before each overwrite the token
 * now under that keychain entry is read (a keychain that cannot be read stops the restore there),
 * and on any refusal every record already restored is undone, newest first. A record whose undo
 * is refused too stays exactly as restored — index and keychain agreeing — and the answer says so.
 */
interface Applied {
  readonly record: VaultRecordSummary
  /** The index entry before the restore, if there was one. */
  readonly before: VaultRecordSummary | undefined
  /** Whether the restore wrote this record's keychain entry (a backup may hold no token for it). */
  readonly wroteToken: boolean
  /** The token under that keychain entry before the restore, if there was one. */
  readonly heldToken: string | null
}

export interface RestoreTally {
  readonly added: number
  readonly replaced: number
  readonly restored: readonly string[]
}

/** Why a restore stopped, and the records whose undo was refused (they stay as restored). */
export interface RestoreFailure {
  readonly error: AppError
  readonly notUndone: readonly string[]
}

export type RestoreOutcome =
  | { readonly ok: true; readonly value: RestoreTally }
  | { readonly ok: false; readonly failure: RestoreFailure }

interface Deps {
  readonly secrets: SecretStore
  readonly vault: VaultIndex
}

/**
 * The token under the keychain entry this record will write to, whatever the index says: two
 * record kinds can share an entry, and an entry can exist without an index line.
 */
async function tokenHeldUnder(
  secrets: SecretStore,
  record: VaultRecordSummary,
): Promise<Result<string | null>> {
  const held = await readToken(secrets, record)
  if (held.ok) return held
  return held.error.code === 'not-found' ? ok(null) : held
}

/** Runs an index write; the file can fail (disk full, permissions) like the keychain can. */
function indexWrite(write: () => unknown): Result<void> {
  try {
    write()
    return ok(undefined)
  } catch {
    return err('storage-failed', 'errors.storageFailed')
  }
}

async function undoOne(deps: Deps, step: Applied): Promise<boolean> {
  if (step.wroteToken) {
    const keychain =
      step.heldToken !== null
        ? await writeToken(deps.secrets, step.record, step.heldToken)
        : await deleteToken(deps.secrets, step.record)
    // The keychain still holds the restored token: keep the restored index line that describes it.
    if (!keychain.ok) return false
  }
  const { before } = step
  return indexWrite(() => (before ? deps.vault.put(before) : deps.vault.remove(step.record.id))).ok
}

async function undo(deps: Deps, applied: readonly Applied[]): Promise<string[]> {
  const notUndone: string[] = []
  for (const step of [...applied].reverse()) {
    if (!(await undoOne(deps, step))) notUndone.push(step.record.id)
  }
  return notUndone
}

export async function writeRestoredRecords(
  deps: Deps,
  records: readonly VaultRecordSummary[],
  tokens: Readonly<Record<string, string>>,
): Promise<RestoreOutcome> {
  const applied: Applied[] = []
  const fail = async (error: AppError): Promise<RestoreOutcome> => ({
    ok: false,
    failure: { error, notUndone: await undo(deps, applied) },
  })
  let added = 0
  let replaced = 0
  for (const record of records) {
    const before = deps.vault.get(record.id)
    const token = tokens[record.id]
    let heldToken: string | null = null
    if (token !== undefined) {
      const held = await tokenHeldUnder(deps.secrets, record)
      if (!held.ok) return fail(held.error)
      heldToken = held.value
      // Token first, record second: a record never points at a keychain entry not written.
      const written = await writeToken(deps.secrets, record, token)
      if (!written.ok) return fail(written.error)
    }
    // Counted as applied before the index write, so a failing write still undoes the token.
    applied.push({ record, before, wroteToken: token !== undefined, heldToken })
    const indexed = indexWrite(() => deps.vault.put(record))
    if (!indexed.ok) return fail(indexed.error)
    if (before) replaced += 1
    else added += 1
  }
  return { ok: true, value: { added, replaced, restored: records.map((record) => record.id) } }
}

/** The answer for a failed restore: plain "nothing changed", or that some records did change. */
export function restoreFailureAnswer(failure: RestoreFailure): Result<never> {
  if (failure.notUndone.length === 0) return { ok: false, error: failure.error }
  return err('keychain-failed', 'vaultMain.restore.partial')
}
