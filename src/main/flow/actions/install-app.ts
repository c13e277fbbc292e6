import { ok, type Result } from '@shared/result'
import { installApp, isAppInstalled } from '../../graph/apps'
import { isFreshlyCreated, type RunDriver } from '../run-driver'
import { withAction } from '../journal-run'
import { systemUserOf } from './find-or-create'

/**
 * Installs the app on the system user — the step people miss: Meta generates no token for an app
 * the system user has not installed (docs/graph-api.md §10.1). Reconciled by reading first, so a
 * resumed or adopted system user that already has it is left alone.
 */
export async function ensureAppInstalled(driver: RunDriver): Promise<Result<void>> {
  const su = systemUserOf(driver)
  if (!su.ok) return su
  const { client, credentials } = driver.session
  const input = {
    systemUserId: su.value,
    appId: driver.run.appId,
    businessId: driver.run.businessId,
  }
  // A system user this very call created (install action still PLANNED) has no app yet: the check
  // can only answer "no". A resumed or adopted user is always checked first.
  const installed: Result<boolean> = isFreshlyCreated(driver, 'install-app')
    ? ok(false)
    : await isAppInstalled(client, credentials, input, { signal: driver.signal })
  if (!installed.ok) return installed
  if (!installed.value) {
    const inFlight = driver.update((run) => withAction(run, 'install-app', { state: 'in-flight' }))
    if (!inFlight.ok) return inFlight
    driver.crash('before-request', 'install-app')
    const answer = await installApp(client, credentials, input, { signal: driver.signal })
    driver.crash('after-response', 'install-app')
    if (!answer.ok) return answer
  }
  // Written with the next write (generate's IN_FLIGHT): lost in a crash, the resume checks.
  driver.settle((run) => withAction(run, 'install-app', { state: 'done', done: 1 }))
  return ok(undefined)
}
