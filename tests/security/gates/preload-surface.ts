import { problem, resultOf, type Gate, type GateResult } from '../gate'
import { checkPreloadStatic } from '../preload-static'
import { evaluatePreload } from '../preload-runtime'
import { readAppSources } from '../source-files'

/**
 * SEC-07: the preload exposes one object, built from the contract, whose keys are exactly
 * API_METHOD_NAMES; no raw ipcRenderer, no callback passed straight to `ipcRenderer.on`. Checked
 * twice: on the syntax tree (how it is built) and by running it (what it actually exposes).
 */
export const preloadSurfaceGate: Gate = {
  id: 'preload-surface',
  ids: ['SEC-07'],
  name: 'Preload surface equals the contract',
  async run(context): Promise<GateResult> {
    const statics = checkPreloadStatic(readAppSources(context.root))
    const runtime = await evaluatePreload(context.root).catch((error: unknown) => ({
      figures: {},
      findings: [
        problem('preload-evaluation-failed', `the preload could not be run: ${String(error)}`),
      ],
    }))
    return resultOf(preloadSurfaceGate, { ...statics.figures, ...runtime.figures }, [
      ...statics.findings,
      ...runtime.findings,
    ])
  },
}
