import { setTimeout as sleep } from 'node:timers/promises'
import type { SimState } from '../context'
import { processRequest } from '../engine'
import { GraphError, graphErrors } from '../errors'
import { faultError, httpErrorBody } from '../fault-responses'
import { newTraceId } from '../ids'
import { mergeParams, param, parseUrlEncoded, type Params } from '../params'
import type { TokenType } from '../types'
import type { UsageKeys } from '../usage'

/** Meta's cap on operations per batch (docs/graph-api.md §8.4). */
export const MAX_BATCH_OPS = 50

export interface BatchOpResult {
  code: number
  headers?: { name: string; value: string }[]
  body: string
}

/** What the request log keeps of each operation (non-secret: method, URL, token kind). */
export interface RecordedBatchOp {
  method: string
  relativeUrl: string
  status: number
  tokenKind?: TokenType
  tokenUserId?: string
}

export interface BatchOutcome {
  status: number
  json: unknown
  keys: UsageKeys[]
  ops: RecordedBatchOp[]
}

interface ParsedOp {
  method: string
  path: string[]
  relativeUrl: string
  params: Map<string, string>
}

function parseOp(raw: unknown): ParsedOp {
  if (!raw || typeof raw !== 'object')
    throw graphErrors.invalidParam('Each batch operation must be an object')
  const op = raw as Record<string, unknown>
  const relativeUrl = typeof op.relative_url === 'string' ? op.relative_url : ''
  if (!relativeUrl) throw graphErrors.missingParam('relative_url')
  const method = (typeof op.method === 'string' ? op.method : 'GET').toUpperCase()
  const [pathText = '', query = ''] = relativeUrl.replace(/^\/+/, '').split(/\?(.*)/s)
  const path = pathText.split('/').filter(Boolean).map(decodeURIComponent)
  if (/^v\d+\.\d+$/.test(path[0] ?? '')) path.shift()
  let body = new Map<string, string>()
  if (typeof op.body === 'string') body = parseUrlEncoded(op.body)
  else if (op.body && typeof op.body === 'object') {
    for (const [k, v] of Object.entries(op.body))
      body.set(k, typeof v === 'string' ? v : JSON.stringify(v))
  }
  return { method, path, relativeUrl, params: mergeParams(parseUrlEncoded(query), body) }
}

const jsonHeaders = (version: string) => [
  { name: 'Content-Type', value: 'application/json; charset=UTF-8' },
  { name: 'facebook-api-version', value: version },
]

/**
 * One operation: its own token if it carries one, otherwise the batch's token with the batch's
 * appsecret_proof (docs/graph-api.md §8.4: the top-level token is the fallback; the proof may sit
 * at top level).
 */
async function runOp(
  sim: SimState,
  raw: unknown,
  outer: Params,
  outerToken: string | undefined,
  headers: boolean,
  record: (op: RecordedBatchOp, keys?: UsageKeys) => void,
): Promise<BatchOpResult> {
  const answer = (code: number, body: unknown, extra: { name: string; value: string }[] = []) => ({
    code,
    ...(headers ? { headers: [...jsonHeaders(sim.version), ...extra] } : {}),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  let op: ParsedOp
  try {
    op = parseOp(raw)
  } catch (error) {
    const e = error as GraphError
    record({ method: '?', relativeUrl: '', status: 400 })
    return answer(400, e.toBody(newTraceId()))
  }
  if (!op.params.has('access_token')) {
    if (outerToken) op.params.set('access_token', outerToken)
    for (const key of ['appsecret_proof', 'appsecret_time']) {
      const value = param(outer, key)
      if (value !== undefined && !op.params.has(key)) op.params.set(key, value)
    }
  }
  const req = { method: op.method, path: op.path, params: op.params }
  const fault = sim.faults.take(op.method, `/${op.path.join('/')}`, 'op')
  if (fault?.kind === 'latency') await sleep(fault.ms)
  if (fault?.kind === 'http-error') {
    record({ method: op.method, relativeUrl: op.relativeUrl, status: fault.status })
    return answer(fault.status, httpErrorBody(fault.status, newTraceId()).text)
  }
  if (fault?.kind === 'graph-error' || fault?.kind === 'throttle') {
    const error = faultError(fault)
    record({ method: op.method, relativeUrl: op.relativeUrl, status: error.status })
    return answer(error.status, error.toBody(newTraceId()))
  }
  const outcome = processRequest(sim, req)
  record(
    {
      method: op.method,
      relativeUrl: op.relativeUrl,
      status: outcome.status,
      ...(outcome.caller ? { tokenKind: outcome.caller.type } : {}),
      ...(outcome.caller?.userId ? { tokenUserId: outcome.caller.userId } : {}),
    },
    outcome.keys,
  )
  return answer(outcome.status, outcome.json)
}

/**
 * The Batch API (docs/graph-api.md §8.4): `batch` is a JSON array of at most 50 operations,
 * answered in order with `{code, headers, body}` each; one failing operation does not fail the
 * others. Every operation counts as one call toward the rate limits; the batch request itself does
 * not.
 */
export async function runBatch(
  sim: SimState,
  params: Params,
  headerToken: string | undefined,
): Promise<BatchOutcome> {
  const ops: RecordedBatchOp[] = []
  const keys: UsageKeys[] = []
  const fail = (error: GraphError): BatchOutcome => ({
    status: error.status,
    json: error.toBody(newTraceId()),
    keys,
    ops,
  })
  let list: unknown
  try {
    list = JSON.parse(param(params, 'batch') ?? '')
  } catch {
    return fail(graphErrors.invalidParam('The parameter batch must be a JSON array'))
  }
  if (!Array.isArray(list))
    return fail(graphErrors.invalidParam('The parameter batch must be a JSON array'))
  if (list.length === 0)
    return fail(graphErrors.invalidParam('The batch must contain at least one request'))
  if (list.length > MAX_BATCH_OPS) {
    return fail(
      graphErrors.invalidParam(
        `Too many requests in batch message. Maximum batch size is ${MAX_BATCH_OPS}`,
      ),
    )
  }
  const outerToken = param(params, 'access_token') ?? headerToken
  const headers = param(params, 'include_headers') !== 'false'
  const results: BatchOpResult[] = []
  for (const raw of list) {
    results.push(
      await runOp(sim, raw, params, outerToken, headers, (op, k) => {
        ops.push(op)
        if (k) keys.push(k)
      }),
    )
  }
  return { status: 200, json: results, keys, ops }
}
