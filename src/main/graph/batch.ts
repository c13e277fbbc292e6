import { ok, type Result } from '@shared/result'
import { judge } from './attempt'
import { decodeBatchAnswer, defaultKind, encodeOperation, type BatchOperation } from './batch-codec'
import type { GraphClient, GraphCredentials } from './client'
import { malformedResponse, unknownOutcomeError } from './errors'
import { objectIdsOf, tokenKey } from './request-encoding'
import { backoffDelayMs, decideRetry, type CallKind } from './retry'

/**
 * The Batch API helper (docs/graph-api.md §8.4): up to 50 operations per request, sent one chunk
 * after the other, answered with one Result per operation in the caller's order. Each operation
 * still counts against Meta's limits, but one request instead of fifty saves round trips (assigning
 * 200 assets takes 4 requests, not 200).
 *
 * Operations that fail for a retryable reason (Meta's codes 1/2, 5xx, throttling) are sent again
 * in a later batch, with back-off, up to the client's attempt limit — except creates, which are
 * never repeated blindly (REL-02). An operation Meta left unfinished (`null`) is, for a create,
 * `unknown-outcome`; reads and idempotent writes are simply sent again.
 */
export const MAX_BATCH_OPERATIONS = 50

export interface BatchRequest {
  readonly credentials: GraphCredentials
  readonly signal?: AbortSignal
  readonly usageKeys?: readonly string[]
}

export type { BatchOperation }

const strictest = (kinds: readonly CallKind[]): CallKind =>
  kinds.includes('create')
    ? 'create'
    : kinds.includes('idempotent-write')
      ? 'idempotent-write'
      : 'read'

const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = []
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size))
  return out
}

/** Runs `operations` through the Batch API and answers one Result per operation, in order. */
export async function runBatch(
  client: GraphClient,
  operations: readonly BatchOperation[],
  request: BatchRequest,
): Promise<Result<unknown>[]> {
  const results: (Result<unknown> | undefined)[] = operations.map(() => undefined)
  const kindOf = (index: number): CallKind => {
    const operation = operations[index]!
    return operation.kind ?? defaultKind(operation.method)
  }
  let pending = operations.map((_, index) => index)
  for (let round = 1; pending.length > 0; round++) {
    const retryLater: number[] = []
    for (const indexes of chunk(pending, MAX_BATCH_OPERATIONS)) {
      const chosen = indexes.map((index) => operations[index]!)
      const usageKeys = [
        ...new Set([
          ...chosen.flatMap((operation) => objectIdsOf(operation.path, operation.params ?? {})),
          ...(request.usageKeys ?? []),
        ]),
      ]
      const answer = await client.call({
        method: 'POST',
        path: '',
        params: { batch: JSON.stringify(chosen.map(encodeOperation)) },
        credentials: request.credentials,
        kind: strictest(indexes.map(kindOf)),
        usageKeys,
        ...(request.signal ? { signal: request.signal } : {}),
      })
      if (!answer.ok) {
        for (const index of indexes) results[index] = answer
        continue
      }
      const decoded = decodeBatchAnswer(answer.value)
      if (!decoded || decoded.length !== indexes.length) {
        for (const index of indexes) results[index] = { ok: false, error: malformedResponse() }
        continue
      }
      const buckets = client.limiter.bucketsOf({
        tokenKey: tokenKey(request.credentials.token),
        objectIds: usageKeys,
      })
      decoded.forEach((response, position) => {
        const index = indexes[position]!
        const kind = kindOf(index)
        if (response === null) {
          if (kind === 'create') results[index] = { ok: false, error: unknownOutcomeError() }
          else retryLater.push(index)
          return
        }
        const judged = judge(response)
        if (judged.outcome === 'success') {
          results[index] = ok(judged.body)
          return
        }
        if (judged.outcome !== 'answered-error') return
        if (judged.throttleCode !== undefined) {
          client.limiter.observe(buckets, response.headers, judged.throttleCode)
        }
        results[index] = { ok: false, error: judged.error }
        const decision = decideRetry(kind, judged.failure)
        if (decision === 'retry') retryLater.push(index)
        else if (decision === 'unknown-outcome') {
          results[index] = { ok: false, error: unknownOutcomeError(judged.error) }
        }
      })
    }
    if (retryLater.length === 0 || round >= client.retryPolicy.maxAttempts) {
      for (const index of retryLater) {
        results[index] ??= { ok: false, error: unknownOutcomeError() }
      }
      break
    }
    try {
      await client.clock.sleep(
        backoffDelayMs(round - 1, client.retryPolicy, client.random),
        request.signal,
      )
    } catch {
      break
    }
    pending = retryLater
  }
  return results.map((result) => result ?? { ok: false, error: unknownOutcomeError() })
}
