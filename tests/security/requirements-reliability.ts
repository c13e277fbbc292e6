import type { Requirement } from './requirements'

/** REL-01…08 of docs/security-requirements.md: where each is met and what proves it. */
const RELIABILITY_TEST = 'tests/security/gates/reliability.test.ts'

export const RELIABILITY_REQUIREMENTS: readonly Requirement[] = [
  {
    id: 'REL-01',
    title: 'Usage headers read; slow down at 75%, stop at 95% or throttle codes',
    metIn: [
      'src/main/graph/rate-limits.ts',
      'src/main/graph/usage-headers.ts',
      'src/main/graph/rate-limit-store.ts',
    ],
    tests: [
      'src/main/graph/rate-limit-store.test.ts',
      'src/main/connect/mode-endpoints.test.ts',
      'src/main/graph/rate-limits.test.ts',
      'src/main/graph/usage-headers.test.ts',
      'src/main/graph/client-rate-limits.test.ts',
      RELIABILITY_TEST,
    ],
    gates: [
      {
        id: 'reliability',
        figures: ['runs', 'throttleAnswersTimed', 'earlyRequestsToThrottledBucket'],
      },
    ],
  },
  {
    id: 'REL-02',
    title: 'Retry only what is safe, full-jitter backoff, never a blind create',
    metIn: ['src/main/graph/retry.ts', 'src/main/graph/client.ts'],
    tests: [
      'src/main/graph/retry.test.ts',
      'src/main/graph/client-retry.test.ts',
      RELIABILITY_TEST,
    ],
    gates: [{ id: 'reliability', figures: ['faultsInjected', 'blindCreateRetries'] }],
  },
  {
    id: 'REL-03',
    title: 'Crash-safe journal of the guided flow, resume on next launch',
    metIn: ['src/main/flow/journal.ts'],
    tests: [
      'src/main/flow/journal.test.ts',
      'src/main/flow/crash-resume.test.ts',
      RELIABILITY_TEST,
    ],
    gates: [
      {
        id: 'reliability',
        figures: [
          'runs',
          'completed',
          'resumableThenCompleted',
          'stuck',
          'stopsNotResumable',
          'stopsWithoutPlainMessage',
        ],
      },
    ],
  },
  {
    id: 'REL-04',
    title: 'Read before write, deterministic names, ≤ 1 object per (run, role)',
    metIn: ['src/main/graph/system-users.ts', 'src/main/flow/actions/find-or-create.ts'],
    tests: [
      'src/main/graph/system-users.contract.test.ts',
      'src/main/flow/crash-resume.test.ts',
      RELIABILITY_TEST,
    ],
    gates: [{ id: 'reliability', figures: ['runs', 'duplicateSystemUsers', 'missingSystemUsers'] }],
  },
  {
    id: 'REL-05',
    title: 'Token saved and read back before its action is DONE',
    metIn: ['src/main/secrets/memory-secret-store.ts'],
    tests: [
      'src/main/secrets/memory-secret-store.test.ts',
      'src/main/flow/flow-failures.test.ts',
      'src/main/vault/restore-writes.test.ts',
      'tests/security/gates/keychain-failure.test.ts',
      RELIABILITY_TEST,
    ],
    gates: [
      { id: 'reliability', figures: ['tokensLost'] },
      {
        id: 'keychain-failure',
        figures: [
          'journeyWrites',
          'doneWithoutToken',
          'createsAfterStoreFailure',
          'journeysRecovered',
        ],
      },
    ],
  },
  {
    id: 'REL-06',
    title: 'Every request has a timeout and an AbortSignal; IPC stays responsive',
    metIn: ['src/main/graph/attempt.ts', 'src/main/graph/client.ts'],
    tests: ['src/main/graph/client.test.ts', RELIABILITY_TEST],
    gates: [
      {
        id: 'reliability',
        figures: [
          'hangAbandonMs',
          'hangTimeoutPolicy',
          'ipcPingsDuringHang',
          'ipcPingP95Ms',
          'hangRunCompletedAfterResume',
        ],
      },
    ],
  },
  {
    id: 'REL-07',
    title: 'Every Graph error in plain language with a next step and fbtrace_id',
    metIn: ['src/main/graph/errors.ts', 'src/main/graph/error-catalog.ts'],
    tests: ['src/main/graph/errors.test.ts', 'tests/e2e/error-panel.e2e.test.ts'],
    gates: [
      {
        id: 'test-evidence',
        figures: [
          'error-panel/errorsShown',
          'error-panel/withFbtraceId',
          'error-panel/withNextStep',
          'error-panel/tokenPatternMatches',
        ],
      },
    ],
  },
  {
    id: 'REL-08',
    title: 'Single instance plus a journal lock',
    metIn: ['src/main/index.ts', 'src/main/flow/journal-lock.ts'],
    tests: ['src/main/index.test.ts', 'src/main/flow/journal.test.ts'],
  },
]
