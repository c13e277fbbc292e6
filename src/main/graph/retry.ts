/**
 * When to try a Graph call again, and how long to wait first (REL-02). Retried: network errors,
 * 5xx, Meta's temporary codes 1 and 2, and throttling — nothing else. Back-off is capped
 * exponential with full jitter, `random(0, min(cap, base·2ⁿ))` (AWS Architecture Blog, "Exponential
 * Backoff and Jitter"), at most `maxAttempts` attempts and `maxTotalMs` in all.
 *
 * Graph has no idempotency key (docs/security-requirements.md §6.2), so a non-idempotent write
 * ("create": a new system user, a new token) whose answer was lost may already have happened.
 * Retrying it could make a duplicate, so it is never retried blindly: the caller gets
 * `unknown-outcome` and reconciles by reading first. Only failures that prove nothing was done (the
 * connection was never made, or Meta refused the call for throttling) are retried for creates.
 */
export interface RetryPolicy {
  readonly maxAttempts: number
  readonly baseMs: number
  readonly capMs: number
  readonly maxTotalMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseMs: 1000,
  capMs: 60_000,
  maxTotalMs: 15 * 60 * 1000,
}

/**
 * What a call does to Meta's data. `idempotent-write` may be repeated with the same effect
 * (assigning tasks, installing an app, renaming, revoking); `create` may not.
 */
export type CallKind = 'read' | 'idempotent-write' | 'create'

/** How one attempt failed, as far as retrying is concerned. */
export type AttemptFailure =
  | 'not-sent' // the connection was never established: nothing reached Meta
  | 'maybe-sent' // the connection broke after the request went out
  | 'timeout' // no answer in time (REL-06): the caller is told, not kept waiting longer
  | 'transient' // Meta answered 5xx or code 1/2
  | 'throttle' // Meta refused the call because a limit was reached
  | 'final' // anything else: a person has to act

export type RetryDecision = 'retry' | 'stop' | 'unknown-outcome'

/** The decision for one failed attempt of a call of `kind`. */
export function decideRetry(kind: CallKind, failure: AttemptFailure): RetryDecision {
  switch (failure) {
    case 'not-sent':
    case 'throttle':
      return 'retry'
    case 'maybe-sent':
    case 'transient':
      return kind === 'create' ? 'unknown-outcome' : 'retry'
    case 'timeout':
      return kind === 'create' ? 'unknown-outcome' : 'stop'
    case 'final':
      return 'stop'
  }
}

/** Full-jitter delay before retry number `retryIndex` (0 for the first retry). */
export function backoffDelayMs(
  retryIndex: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retryIndex))
  const draw = random()
  // A random source outside [0, 1) must not stretch the delay beyond the policy.
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0
  return Math.floor(unit * ceiling)
}
