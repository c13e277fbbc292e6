import { join } from 'node:path'
import { runnerImport } from 'vite'
import { resultOf, type Gate, type GateResult } from '../gate'
import type { DrillOptions } from '../keychain-failure/drill'
import { judgeDrill } from '../keychain-failure/judge'
import type { DrillObservations } from '../keychain-failure/observations'

/**
 * SEC-11 and REL-05, in process: main's real services (buildServices) with the keychain failing
 * in each way it can — no Secret Service, a locked collection, the k-th write failing — for every
 * action that writes a secret (connect, the guided flow's token, import, refresh, rotation,
 * restore). Each must answer a clear error, write no secret anywhere else and lose nothing stored;
 * a guided run must never end DONE without its token, nor send Meta anything after the failure.
 */

export const DRILL_MODULE = join('tests', 'security', 'keychain-failure', 'drill.ts')

type DrillModule = { runKeychainDrill(options?: DrillOptions): Promise<DrillObservations> }

/**
 * Loads the drill from `root` through Vite's module runner. main's code imports `@shared/…`,
 * which `npm run verify:security`'s runner (no config file) cannot resolve; the alias is given
 * here, pointing into the tree being checked.
 */
export async function loadDrill(root: string): Promise<DrillModule> {
  const { module } = await runnerImport<DrillModule>(join(root, DRILL_MODULE), {
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: { '@shared': join(root, 'src', 'shared') } },
  })
  return module
}

export const keychainFailureGate: Gate = {
  id: 'keychain-failure',
  ids: ['SEC-11', 'REL-05'],
  name: 'Keychain failure: clear errors, no secret elsewhere, nothing lost, no DONE without token',
  async run(context): Promise<GateResult> {
    const drill = await loadDrill(context.root)
    const { figures, findings } = judgeDrill(await drill.runKeychainDrill())
    return resultOf(keychainFailureGate, figures, findings)
  },
}
