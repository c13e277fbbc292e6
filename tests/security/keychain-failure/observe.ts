import type { Result } from '@shared/result'
import type { SecretRef } from '../../../src/main/secrets'
import { journalRuns } from './journey'
import type { World } from './world'

/**
 * Read-outs the drill takes around each failure: what the keychain and the vault index held
 * before it (read while the keychain works), whether all of it is still there after the keychain
 * is healed, and what an answer looks like with nothing but its error kept.
 */

/** An answer reduced to what the judge reads; a success keeps no value. */
export interface KeptAnswer {
  readonly ok: boolean
  readonly error?: {
    readonly code: string
    readonly messageKey: string
    readonly hintKey?: string
    readonly params?: Readonly<Record<string, string | number>>
  }
}

export const keep = (answer: Result<unknown>): KeptAnswer =>
  answer.ok
    ? { ok: true }
    : {
        ok: false,
        error: {
          code: answer.error.code,
          messageKey: answer.error.messageKey,
          ...(answer.error.hintKey ? { hintKey: answer.error.hintKey } : {}),
          ...(answer.error.params ? { params: answer.error.params } : {}),
        },
      }

export interface Snapshot {
  /** Keychain entries by "kind/id", with their values (kept in memory only). */
  readonly entries: ReadonlyMap<string, { readonly ref: SecretRef; readonly value: string }>
  readonly recordIds: readonly string[]
  readonly connected: boolean
}

async function listedIds(world: World): Promise<string[]> {
  const listed = await world.invoke('vault:records-list', {})
  if (!listed.ok) throw new Error(`listing the vault failed: ${listed.error.messageKey}`)
  return listed.value.records.map((record) => record.id)
}

/** Taken while the keychain works. */
export async function snapshot(world: World): Promise<Snapshot> {
  const entries = new Map<string, { ref: SecretRef; value: string }>()
  for (const ref of world.memory.refs()) {
    const value = await world.memory.get(ref)
    if (value !== null) entries.set(`${ref.kind}/${ref.id}`, { ref, value })
  }
  return {
    entries,
    recordIds: await listedIds(world),
    connected: world.settings.get('connection') !== null,
  }
}

export interface Losses {
  /** "kind/id" of entries missing or changed (never their values). */
  readonly lost: readonly string[]
  readonly unlisted: readonly string[]
  readonly connectionLost: boolean
}

/** Compares with a snapshot; the keychain must already be healed. */
export async function lossesSince(world: World, before: Snapshot): Promise<Losses> {
  const lost: string[] = []
  for (const [key, entry] of before.entries) {
    const now = await world.memory.get(entry.ref)
    if (now !== entry.value) lost.push(key)
  }
  const listed = new Set(await listedIds(world))
  return {
    lost,
    unlisted: before.recordIds.filter((id) => !listed.has(id)),
    connectionLost: before.connected && world.settings.get('connection') === null,
  }
}

/**
 * Runs the journal says are DONE whose token is not where the vault looks for it: the record is
 * not listed, the keychain has no entry, or the simulator does not know the token as a live one.
 */
export async function doneWithoutToken(
  world: World,
): Promise<{ readonly done: string[]; readonly missing: string[] }> {
  const sim = await world.sim()
  const listed = new Set(await listedIds(world))
  const done: string[] = []
  const missing: string[] = []
  for (const run of journalRuns(world.dataDir)) {
    if (run.status !== 'done') continue
    done.push(run.runId)
    const token = await world.memory.get({ kind: 'system-user-token', id: run.vaultRecordId })
    const live = token !== null && sim.model.token(token)?.revoked === false
    if (!listed.has(run.vaultRecordId) || !live || run.saveTokenState !== 'done') {
      missing.push(run.runId)
    }
  }
  return { done, missing }
}

/** POST requests the simulator received from `from` (a request count) up to now. */
export async function postsSince(world: World, from: number): Promise<number> {
  const sim = await world.sim()
  return sim.requests.slice(from).filter((request) => request.method === 'POST').length
}
