import { join } from 'node:path'
import { resultOf, type Gate, type GateResult } from '../gate'
import { importFromTree } from '../preload-runtime'
import type { DrillOptions, LockObservations } from '../preview-lock/drill'
import { judgePreviewLock } from '../preview-lock/judge'

/**
 * SEC-23: the browser preview answers only whoever started it. The tree's own preview server runs
 * in this process; separate `node` processes (preview-lock/attacker.mjs) call every channel, the
 * event stream and the launch-secret exchange without the launch secret, then with the secret and
 * cookie of an earlier launch, and finally — the positive control — with the session cookie.
 */

export const DRILL_MODULE = join('tests', 'security', 'preview-lock', 'drill.ts')

type DrillModule = { runPreviewLockDrill(options: DrillOptions): Promise<LockObservations> }

export const previewLockGate: Gate = {
  id: 'preview-lock',
  ids: ['SEC-23'],
  name: 'Browser preview: no answer without the launch secret, none for an earlier launch',
  async run(context): Promise<GateResult> {
    // Loaded from the tree being checked, so the self-test's mutated copy is what gets attacked.
    const drill = await importFromTree<DrillModule>(context.root, DRILL_MODULE)
    const observations = await drill.runPreviewLockDrill({ root: context.root })
    const { figures, findings } = judgePreviewLock(observations)
    return resultOf(previewLockGate, figures, findings)
  },
}
