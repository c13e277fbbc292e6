import type { AppError } from '@shared/result'
import { decodeBatchAnswer, parseJsonBody } from './batch-codec'
import { isGraphErrorBody, mapGraphFailure, isThrottleCode, malformedResponse } from './errors'
import type { AttemptFailure } from './retry'
import type { Transport, TransportRequest, TransportResponse } from './transport'

/**
 * One attempt of a Graph call: send, wait at most `timeoutMs` (REL-06), and say what happened in
 * the terms the retry policy understands. Knows nothing of retries, clocks or rate limits.
 */
export type AttemptResult =
  | { readonly outcome: 'success'; readonly body: unknown; readonly response: TransportResponse }
  | {
      readonly outcome: 'answered-error'
      readonly failure: AttemptFailure
      readonly error: AppError
      readonly response: TransportResponse
      /** Set when the error is a throttle, so the limiter closes the right bucket. */
      readonly throttleCode?: number
    }
  | {
      readonly outcome: 'no-answer'
      /** `cancelled`: before anything was sent; `cancelled-in-flight`: after it went out. */
      readonly failure: AttemptFailure | 'cancelled' | 'cancelled-in-flight'
    }

export interface AttemptRequest extends Omit<TransportRequest, 'signal'> {
  /** The call was tunnelled through a one-operation batch: judge the operation, not the batch. */
  readonly unwrapSingleOperation: boolean
}

export async function runAttempt(
  transport: Transport,
  request: AttemptRequest,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<AttemptResult> {
  if (callerSignal?.aborted) return { outcome: 'no-answer', failure: 'cancelled' }
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onCallerAbort = () => controller.abort()
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
  try {
    const { unwrapSingleOperation, ...wire } = request
    const outcome = await transport({ ...wire, signal: controller.signal })
    if (!outcome.ok) {
      if (outcome.failure !== 'aborted') return { outcome: 'no-answer', failure: outcome.failure }
      return { outcome: 'no-answer', failure: timedOut ? 'timeout' : 'cancelled-in-flight' }
    }
    let response = outcome.response
    if (unwrapSingleOperation && response.status >= 200 && response.status < 300) {
      const operations = decodeBatchAnswer(parseJsonBody(response.body))
      const only = operations?.length === 1 ? operations[0] : undefined
      // Meta answers `null` for an operation it did not finish: its outcome is unknown.
      if (only === null) return { outcome: 'no-answer', failure: 'maybe-sent' }
      if (only !== undefined)
        response = { ...only, headers: { ...response.headers, ...only.headers } }
    }
    return judge(response)
  } finally {
    clearTimeout(timer)
    callerSignal?.removeEventListener('abort', onCallerAbort)
  }
}

/** Success, or an error mapped to its AppError and retry class. */
export function judge(response: TransportResponse): AttemptResult {
  const body = parseJsonBody(response.body)
  const isSuccessStatus = response.status >= 200 && response.status < 300
  if (isSuccessStatus && body !== undefined && !isGraphErrorBody(body)) {
    return { outcome: 'success', body, response }
  }
  if (isSuccessStatus && body === undefined) {
    return { outcome: 'answered-error', failure: 'final', error: malformedResponse(), response }
  }
  const mapped = mapGraphFailure(response.status, body)
  const graphCode = mapped.error.graphCode
  const throttleCode =
    mapped.retry === 'throttle'
      ? graphCode !== undefined && isThrottleCode(graphCode)
        ? graphCode
        : 4
      : undefined
  return {
    outcome: 'answered-error',
    failure: mapped.retry === 'never' ? 'final' : mapped.retry,
    error: mapped.error,
    response,
    ...(throttleCode !== undefined ? { throttleCode } : {}),
  }
}
