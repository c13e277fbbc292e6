/**
 * How long a test's vi.waitFor waits for a condition before failing. vi.waitFor's 1 s default
 * fails on a busy machine although nothing is wrong; the wait ends as soon as the condition holds,
 * so a long limit only costs time when the test already fails. (expect.poll's limit is set for
 * every project in vitest.config.ts; vi.waitFor has no such setting.)
 */
export const SETTLE = { timeout: 15_000 } as const
