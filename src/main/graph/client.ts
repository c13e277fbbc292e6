import { ok, type AppError, type Result } from '@shared/result'
import type { Logger } from '../log/logger'
import { registerSecret } from '../log/redact'
import { runAttempt, type AttemptResult } from './attempt'
import { DEFAULT_GRAPH_BASE_URL } from './base-url'
import { defaultKind, encodeOperation } from './batch-codec'
import { systemClock, type Clock } from './clock'
import {
  cancelledError,
  networkError,
  rateLimitedLocally,
  requestRefused,
  timeoutError,
  unknownOutcomeError,
} from './errors'
import { appSecretProof } from './proof'
import { GRAPH_API } from './version'
import {
  appKeyOf,
  createRateLimiter,
  type ClosedBucketStore,
  type RateLimitPolicy,
  type RateLimiter,
} from './rate-limits'
import {
  encodeParams,
  hasSecretParams,
  normalisePath,
  objectIdsOf,
  secretParamValues,
  tokenKey,
  type GraphParams,
} from './request-encoding'
import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  type CallKind,
  type RetryPolicy,
} from './retry'
import { createAxiosTransport, type Transport } from './transport'

/**
 * The Graph API client (docs/graph-api.md; docs/architecture.md › The Graph client). One `call`
 * method does everything every call needs: Authorization header (never a token in a URL, SEC-14),
 * `appsecret_proof` whenever an app secret is given (SEC-15), usage-header pacing (REL-01), retries
 * with back-off that never repeat a create blindly (REL-02), a per-attempt timeout and cancellation
 * (REL-06), and errors mapped to AppErrors (REL-07). Resource modules build on it.
 */

/**
 * The credentials of one call. The token is the caller's; the secret signs it (SEC-15). The secret
 * is required so that no call can leave the proof out by forgetting it: the two calls that go
 * unsigned on purpose (the preflight's probe of "Require App Secret", the OAuth exchanges that
 * carry client_secret) say `appSecret: null` and why.
 */
export interface GraphCredentials {
  readonly token: string
  readonly appSecret: string | null
}

export interface GraphCall {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** Graph path without the version, e.g. `me/businesses`; '' is the batch endpoint. */
  readonly path: string
  readonly params?: GraphParams
  readonly credentials: GraphCredentials
  /** Defaults: GET → read, DELETE → idempotent-write, POST → create. */
  readonly kind?: CallKind
  readonly signal?: AbortSignal
  /** The most the caller will wait overall (rate-limit waits and back-off); capped by the policy. */
  readonly budgetMs?: number
  /** Object ids whose rate-limit buckets the call also draws on (e.g. the business). */
  readonly usageKeys?: readonly string[]
}

export interface GraphClientOptions {
  readonly baseUrl?: string
  readonly version?: string
  /** Per attempt (REL-06). */
  readonly timeoutMs?: number
  readonly log: Logger
  readonly clock?: Clock
  readonly random?: () => number
  readonly retry?: Partial<RetryPolicy>
  readonly rateLimits?: Partial<RateLimitPolicy>
  /** Keeps closed rate-limit buckets across launches (REL-01); real mode's client only. */
  readonly rateLimitStore?: ClosedBucketStore
  readonly transport?: Transport
}

export interface GraphClient {
  readonly baseUrl: string
  readonly version: string
  readonly clock: Clock
  readonly random: () => number
  readonly retryPolicy: RetryPolicy
  readonly limiter: RateLimiter
  call(call: GraphCall): Promise<Result<unknown>>
}

interface Prepared {
  readonly url: string
  readonly method: GraphCall['method']
  readonly headers: Record<string, string>
  readonly body?: string
  readonly unwrapSingleOperation: boolean
  readonly kind: CallKind
  readonly buckets: string[]
  /** Path for logs: ids only, no query. */
  readonly logPath: string
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  // GRAPH_API_BASE_URL is read once at start-up, with its checks (base-url.ts), not here.
  const baseUrl = (options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '')
  const version = options.version ?? process.env.GRAPH_API_VERSION ?? GRAPH_API.version
  const timeoutMs = options.timeoutMs ?? 30_000
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const retryPolicy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  const store = options.rateLimitStore
  const limiter = createRateLimiter(
    clock,
    options.rateLimits,
    store ? { restored: store.load(), onClose: (closed) => store.save(closed) } : {},
  )
  const transport = options.transport ?? createAxiosTransport()
  const log = options.log

  const prepare = (call: GraphCall, path: string): Prepared => {
    const { token, appSecret } = call.credentials
    const params = call.params ?? {}
    const proof = appSecret ? appSecretProof(token, appSecret) : undefined
    for (const secret of [token, appSecret, proof, ...secretParamValues(params)]) {
      if (secret) registerSecret(secret)
    }
    const kind = call.kind ?? defaultKind(call.method)
    const objectIds = [...objectIdsOf(path, params), ...(call.usageKeys ?? [])]
    const appKey = appKeyOf(call.credentials)
    const scope = { tokenKey: tokenKey(token), objectIds, ...(appKey ? { appKey } : {}) }
    const buckets = limiter.bucketsOf(scope)
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
    }
    const signed = proof ? { appsecret_proof: proof } : {}
    // SEC-14: a GET whose parameters hold a token or secret (debug_token's input_token, oauth's
    // fb_exchange_token/client_secret, revoke_token) goes as a one-operation Batch API POST, so
    // those values travel in the body — URLs end up in proxy, server and crash logs.
    const tunnel = call.method !== 'POST' && hasSecretParams(params)
    if (call.method === 'POST' || tunnel) {
      const form = tunnel
        ? {
            batch: JSON.stringify([encodeOperation({ method: call.method, path, params })]),
            ...signed,
          }
        : { ...params, ...signed }
      return {
        url: `${baseUrl}/${version}${tunnel || path === '' ? '' : `/${path}`}`,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: encodeParams(form),
        unwrapSingleOperation: tunnel,
        kind,
        buckets,
        logPath: tunnel ? `batch:${path}` : path,
      }
    }
    const query = encodeParams({ ...params, ...signed })
    return {
      url: `${baseUrl}/${version}/${path}${query ? `?${query}` : ''}`,
      method: call.method,
      headers,
      unwrapSingleOperation: false,
      kind,
      buckets,
      logPath: path,
    }
  }

  // Meta may serve a call with another version than the one asked for (docs/graph-api.md §1,
  // §10.16: expired versions are auto-upgraded); say so once, so a support log shows the drift.
  let versionDriftLogged = false
  const noteServedVersion = (served: string | undefined) => {
    if (!served || served === version || versionDriftLogged) return
    versionDriftLogged = true
    log.warn('graph.version-drift', { requested: version, served: served.slice(0, 16) })
  }

  /** Waits for the call's buckets to open, within the deadline. */
  const waitForBuckets = async (
    prepared: Prepared,
    deadline: number,
    signal: AbortSignal | undefined,
    lastError: AppError | undefined,
  ): Promise<AppError | undefined> => {
    for (;;) {
      const wait = limiter.waitMs(prepared.buckets)
      if (wait === 0) return undefined
      if (clock.now() + wait > deadline) {
        log.info('graph.rate-limit-budget-exceeded', { path: prepared.logPath, waitMs: wait })
        return lastError?.code === 'rate-limited'
          ? { ...lastError, retryAfterMs: wait }
          : rateLimitedLocally(wait)
      }
      try {
        await clock.sleep(wait, signal)
      } catch {
        return cancelledError()
      }
    }
  }

  const failureError = (result: Exclude<AttemptResult, { outcome: 'success' }>): AppError => {
    if (result.outcome === 'answered-error') return result.error
    switch (result.failure) {
      case 'cancelled':
      case 'cancelled-in-flight':
        return cancelledError()
      case 'timeout':
        return timeoutError()
      default:
        return networkError()
    }
  }

  const call = async (request: GraphCall): Promise<Result<unknown>> => {
    const path = normalisePath(request.path)
    if (path === undefined) {
      log.warn('graph.path-refused')
      return { ok: false, error: requestRefused() }
    }
    const prepared = prepare(request, path)
    const budget = Math.min(request.budgetMs ?? retryPolicy.maxTotalMs, retryPolicy.maxTotalMs)
    const deadline = clock.now() + budget
    let lastError: AppError | undefined
    for (let attempt = 1; ; attempt++) {
      const blocked = await waitForBuckets(prepared, deadline, request.signal, lastError)
      if (blocked) return { ok: false, error: blocked }
      limiter.noteSent(prepared.buckets)
      const result = await runAttempt(
        transport,
        {
          method: prepared.method,
          url: prepared.url,
          headers: prepared.headers,
          ...(prepared.body !== undefined ? { body: prepared.body } : {}),
          unwrapSingleOperation: prepared.unwrapSingleOperation,
        },
        timeoutMs,
        request.signal,
      )
      if (result.outcome !== 'no-answer') {
        noteServedVersion(result.response.headers['facebook-api-version'])
        limiter.observe(
          prepared.buckets,
          result.response.headers,
          result.outcome === 'answered-error' ? result.throttleCode : undefined,
        )
      }
      const fields = {
        method: request.method,
        path: prepared.logPath,
        attempt,
        ...(result.outcome !== 'no-answer' ? { status: result.response.status } : {}),
        ...(result.outcome === 'answered-error'
          ? { graphCode: result.error.graphCode, fbtraceId: result.error.fbtraceId }
          : {}),
        ...(result.outcome === 'no-answer' ? { failure: result.failure } : {}),
      }
      if (result.outcome === 'success') {
        log.debug('graph.call', fields)
        return ok(result.body)
      }
      log.info('graph.call-failed', fields)
      const error = failureError(result)
      const failure = result.failure
      if (failure === 'cancelled') return { ok: false, error }
      if (failure === 'cancelled-in-flight') {
        // The request went out before the caller gave up: a create may have happened anyway.
        return { ok: false, error: prepared.kind === 'create' ? unknownOutcomeError(error) : error }
      }
      const decision = decideRetry(prepared.kind, failure)
      if (decision === 'unknown-outcome') return { ok: false, error: unknownOutcomeError(error) }
      // A throttled call that ends here tells the caller when the bucket opens again.
      const bucketWait = limiter.waitMs(prepared.buckets)
      const final =
        bucketWait > 0 && error.code === 'rate-limited'
          ? { ...error, retryAfterMs: bucketWait }
          : error
      if (decision === 'stop' || attempt >= retryPolicy.maxAttempts)
        return { ok: false, error: final }
      const delay = backoffDelayMs(attempt - 1, retryPolicy, random)
      // A bucket this failure closed may keep the call waiting longer than the back-off: when
      // that is past the deadline, say so now instead of sleeping first.
      if (clock.now() + Math.max(delay, bucketWait) > deadline) return { ok: false, error: final }
      try {
        await clock.sleep(delay, request.signal)
      } catch {
        return { ok: false, error: cancelledError() }
      }
      lastError = error
    }
  }

  return { baseUrl, version, clock, random, retryPolicy, limiter, call }
}
