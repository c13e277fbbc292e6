import type { Result } from '@shared/result'
import type { AdminSession } from '../admin-session'
import { listSystemUsers, type SystemUser, type SystemUserList } from '../graph/system-users'

/**
 * The business's system users as main last read them (the overview, or run-start), kept in memory
 * like the asset list, so `flow:run-start` checks the planned name and the admin slot against the
 * list the admin just saw instead of reading the same list again one round trip before
 * find-or-create does (issue #8).
 *
 * run-start's check guards no write: it refuses a taken name before the plan is journaled, as the
 * renderer already did against the same overview. The guard against a duplicate is
 * find-or-create's own read, which still lists every page just before the create and adopts a
 * match (REL-04). So a list that went stale cannot make a duplicate: a same-named system user made
 * elsewhere since is adopted by find-or-create (with its tasks united, never narrowed), a
 * different role is refused there, and an admin slot taken since is refused by Meta at the create
 * — each a resumable run, as when the user appears between run-start and run-continue.
 *
 * Kept fresh by this app's own writes: a system user a run created or adopted is added, and a
 * create or rename whose outcome is not known forgets the business's list (the next run-start
 * reads). A list older than MAX_AGE_MS is read again.
 */
export const MAX_AGE_MS = 10 * 60 * 1000

export interface KnownSystemUsers {
  /** Lists every page from Meta and keeps the answer (the overview; run-start when stale). */
  read(session: AdminSession): Promise<Result<SystemUserList>>
  /** The kept list when younger than MAX_AGE_MS, else read now. */
  recent(session: AdminSession): Promise<Result<readonly SystemUser[]>>
  /** A system user this app created or adopted: added (or updated) in the kept list. */
  saw(session: AdminSession, user: SystemUser): void
  /** A create or rename whose outcome is not known: the kept list is no longer trusted. */
  forget(session: AdminSession): void
}

interface Kept {
  readonly users: readonly SystemUser[]
  /** When the read that answered it was sent (ms, the service clock). */
  readonly readAt: number
}

// Mode and business: practice and real, or two businesses, never share a list.
const keyOf = (session: AdminSession) => `${session.mode}:${session.businessId}`

export function createKnownSystemUsers(clock: () => number): KnownSystemUsers {
  const kept = new Map<string, Kept>()

  const read: KnownSystemUsers['read'] = async (session) => {
    const readAt = clock()
    const listed = await listSystemUsers(session.client, session.credentials, session.businessId)
    if (listed.ok) kept.set(keyOf(session), { users: listed.value.systemUsers, readAt })
    return listed
  }

  return {
    read,
    async recent(session) {
      const entry = kept.get(keyOf(session))
      const age = entry ? clock() - entry.readAt : -1
      // A clock that went backwards proves nothing about the age: read again.
      if (entry && age >= 0 && age <= MAX_AGE_MS) return { ok: true, value: entry.users }
      const listed = await read(session)
      return listed.ok ? { ok: true, value: listed.value.systemUsers } : listed
    },
    saw(session, user) {
      const entry = kept.get(keyOf(session))
      if (!entry) return
      kept.set(keyOf(session), {
        ...entry,
        users: [...entry.users.filter((known) => known.id !== user.id), user],
      })
    },
    forget(session) {
      kept.delete(keyOf(session))
    },
  }
}
