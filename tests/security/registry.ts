import type { Gate } from './gate'
import { dependenciesGate } from './gates/dependencies-gate'
import { dependencyAuditGate } from './gates/dependency-audit'
import { electronegativityGate } from './gates/electronegativity-gate'
import { externalLinksGate } from './gates/external-links'
import { factoryAdaptersGate } from './gates/factory-adapters'
import { fusesGate } from './gates/fuses'
import { ipcFuzzGate } from './gates/ipc-fuzz'
import { keychainFailureGate } from './gates/keychain-failure'
import { logRedactionGate } from './gates/log-redaction'
import { preloadSurfaceGate } from './gates/preload-surface'
import { previewLockGate } from './gates/preview-lock'
import { reliabilityGate } from './gates/reliability'
import { secretHygieneGate } from './gates/secret-hygiene-gate'
import { testEvidenceGate } from './gates/test-evidence'

/**
 * Every gate `npm run verify:security` runs, in report order. Adding a gate: one module under
 * gates/ exporting a `Gate`, one line here (and its requirement rows in requirements.ts).
 */
export const GATES: readonly Gate[] = [
  electronegativityGate,
  factoryAdaptersGate,
  preloadSurfaceGate,
  dependenciesGate,
  dependencyAuditGate,
  secretHygieneGate,
  ipcFuzzGate,
  externalLinksGate,
  previewLockGate,
  logRedactionGate,
  fusesGate,
  reliabilityGate,
  keychainFailureGate,
  testEvidenceGate,
]
