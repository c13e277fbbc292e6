import { err, ok, type Result } from '@shared/result'
import { createSystemUser, findSystemUserByName, type SystemUser } from '../../graph/system-users'
import type { RunDriver } from '../run-driver'
import { actionOf, withAction } from '../journal-run'

/**
 * Step 4, find-or-create (REL-04, docs/security-requirements.md §6.2, item 4): list the business's
 * system users (every page) and adopt the one with the planned name; create only when none has it.
 * A create whose answer was lost (`unknown-outcome`) is reconciled by reading — never by a second
 * create (REL-02); if the read does not show it yet, the action stays IN_FLIGHT and the next attempt
 * reads again first.
 */
export async function findOrCreate(driver: RunDriver): Promise<Result<void>> {
  const { client, credentials } = driver.session
  const run = driver.run
  const options = { signal: driver.signal }
  // IN_FLIGHT means a create may have reached Meta: a match is then ours, not someone else's.
  const mayHaveSent = actionOf(run, 'find-or-create').state === 'in-flight'

  const adopt = (user: SystemUser, adopted: boolean): Result<void> => {
    if (user.role !== run.role) {
      // Same name, other role: adopting it would give the admin something they did not plan.
      return err('conflict', 'flowMain.create.roleMismatch', { params: { name: run.name } })
    }
    driver.knownUsers.saw(user)
    // Written with the next action's IN_FLIGHT, before any request that changes the user: lost in
    // a crash, the resume lists the users again and finds this one (as after a lost answer).
    driver.settle((current) =>
      withAction({ ...current, systemUserId: user.id, adopted }, 'find-or-create', {
        state: 'done',
        done: 1,
      }),
    )
    return ok(undefined)
  }

  const found = await findSystemUserByName(client, credentials, run.businessId, run.name, options)
  if (!found.ok) return found
  if (found.value) return adopt(found.value, !mayHaveSent)

  const inFlight = driver.update((current) =>
    withAction(current, 'find-or-create', { state: 'in-flight' }),
  )
  if (!inFlight.ok) return inFlight
  driver.crash('before-request', 'find-or-create')
  const created = await createSystemUser(
    client,
    credentials,
    { businessId: run.businessId, name: run.name, role: run.role },
    options,
  )
  driver.crash('after-response', 'find-or-create')
  if (created.ok) {
    // Only a create answered in this call marks the user fresh (see isFreshlyCreated); the
    // re-read after a lost answer below does not, as a crash could sit between create and now.
    driver.createdSystemUserId = created.value.id
    driver.knownUsers.saw({ id: created.value.id, name: run.name, role: run.role })
    driver.settle((current) =>
      withAction({ ...current, systemUserId: created.value.id, adopted: false }, 'find-or-create', {
        state: 'done',
        done: 1,
      }),
    )
    return ok(undefined)
  }
  // A create that did not answer its id: whatever Meta holds now, main's kept list may lack it,
  // so the next run-start reads the list again.
  driver.knownUsers.forget()
  if (created.error.code !== 'unknown-outcome') return created

  const reread = await findSystemUserByName(client, credentials, run.businessId, run.name, options)
  if (reread.ok && reread.value) return adopt(reread.value, false)
  driver.log.warn('flowHome.create-outcome-unknown', { runId: run.runId })
  return created
}

/** The system user id a later action needs; a bug if absent (find-or-create runs first). */
export function systemUserOf(driver: RunDriver): Result<string> {
  const id = driver.run.systemUserId
  return id ? ok(id) : err('internal', 'errors.internal')
}
