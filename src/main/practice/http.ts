import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { lookupToken } from './auth'
import type { SimState } from './context'
import { processRequest, usageKeysOf, type EngineRequest } from './engine'
import { GraphError } from './errors'
import { faultError, httpErrorBody, throttleHeaders } from './fault-responses'
import type { Fault } from './faults'
import { newTraceId } from './ids'
import { mergeParams, parseBody, parseUrlEncoded } from './params'
import { runBatch, type RecordedBatchOp } from './routes/batch'
import { handleDialog, type HttpAnswer } from './routes/login'
import type { TokenType } from './types'
import type { UsageKeys } from './usage'

/** Bodies above this are refused; the app's largest request (a 50-op batch) is far smaller. */
const MAX_BODY_BYTES = 5 * 1024 * 1024

/** One HTTP request as the simulator received it, for assertions in tests. */
export interface RecordedRequest {
  readonly method: string
  /** the raw path and query as sent */
  readonly url: string
  /** header names in lower case */
  readonly headers: Readonly<Record<string, string>>
  /** the raw body text */
  readonly body: string
  /** the status answered; 0 when the connection was dropped or left hanging */
  readonly status: number
  /** simulator clock (ms) when it arrived */
  readonly at: number
  /** type of the token the request named (valid or not) */
  readonly tokenKind?: TokenType
  /** the person or system user that token acts for */
  readonly tokenUserId?: string
  /** for Batch API requests: each operation */
  readonly batch?: readonly RecordedBatchOp[]
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) resolve(undefined)
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** `Authorization: Bearer <token>` or `OAuth <token>` (docs/graph-api.md §1). */
function headerToken(req: IncomingMessage): string | undefined {
  return /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1]
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * Headers of every Graph response: version, trace id and the usage headers of docs/graph-api.md §7.
 */
function graphHeaders(sim: SimState, keys: readonly UsageKeys[], traceId: string) {
  const appId = keys[0]?.appId ?? sim.primaryAppId
  const businesses = [...new Set(keys.flatMap((k) => (k.businessId ? [k.businessId] : [])))]
  const buc: Record<string, unknown> = {}
  for (const id of businesses.slice(0, 32)) buc[id] = sim.usage.bucUsage(id)
  return {
    'content-type': 'application/json; charset=UTF-8',
    'cache-control': 'private, no-cache, no-store, must-revalidate',
    'facebook-api-version': sim.version,
    'x-fb-trace-id': traceId,
    'x-app-usage': JSON.stringify(sim.usage.appUsage(appId)),
    'x-business-use-case-usage': JSON.stringify(buc),
  }
}

function jsonAnswer(
  sim: SimState,
  status: number,
  json: unknown,
  keys: UsageKeys[],
  traceId: string,
): HttpAnswer {
  const headers: Record<string, string> = graphHeaders(sim, keys, traceId)
  const error = (json as { error?: { code?: number; message?: string } } | null)?.error
  if (error?.code === 190 || error?.code === 104) {
    // Graph's challenge header on token errors (RFC 6750 style).
    headers['www-authenticate'] =
      `OAuth "Facebook Platform" "invalid_token" "${error.message ?? ''}"`
  }
  return { status, headers, body: JSON.stringify(json) }
}

type Request = EngineRequest & { path: string[]; params: Map<string, string> }

/** The answer of a fault that replaces processing (5xx, Graph error, throttle), if any. */
function faultAnswer(
  sim: SimState,
  fault: Fault | undefined,
  request: Request,
): HttpAnswer | undefined {
  if (fault?.kind === 'http-error') {
    const trace = newTraceId()
    const { type, text } = httpErrorBody(fault.status, trace)
    const headers = { ...graphHeaders(sim, [], trace), 'content-type': type }
    return { status: fault.status, headers, body: text }
  }
  if (fault?.kind === 'graph-error' || fault?.kind === 'throttle') {
    const trace = newTraceId()
    const keys = usageKeysOf(sim, request)
    const error = faultError(fault)
    const answer = jsonAnswer(sim, error.status, error.toBody(trace), [keys], trace)
    if (fault.kind === 'throttle') {
      Object.assign(answer.headers, throttleHeaders(fault, keys, sim.primaryBusinessId))
    }
    return answer
  }
  return undefined
}

/** Normal processing: the practice login, a batch, or one Graph call. */
async function dispatch(
  sim: SimState,
  request: Request,
  record: Mutable<RecordedRequest>,
): Promise<HttpAnswer> {
  const { method, path, params, headerToken: token } = request
  const dialog = handleDialog(sim, method, path, params)
  if (dialog) return dialog
  if (path.length === 0 && method === 'POST' && params.has('batch')) {
    const batch = await runBatch(sim, params, token)
    record.batch = batch.ops
    const outer = lookupToken(sim.model, params.get('access_token') ?? token)
    if (outer) record.tokenKind = outer.type
    if (outer?.userId) record.tokenUserId = outer.userId
    return jsonAnswer(sim, batch.status, batch.json, batch.keys, newTraceId())
  }
  const outcome = processRequest(sim, request)
  if (outcome.caller) record.tokenKind = outcome.caller.type
  if (outcome.caller?.userId) record.tokenUserId = outcome.caller.userId
  return jsonAnswer(sim, outcome.status, outcome.json, [outcome.keys], outcome.traceId)
}

/**
 * The HTTP front: reads and records the request, applies faults (before processing, except
 * commit-then-drop), then dispatches.
 */
export function createGraphServer(
  sim: SimState,
  requests: Mutable<RecordedRequest>[],
  closing: AbortSignal,
): Server {
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req)
    const rawUrl = req.url ?? '/'
    const record: Mutable<RecordedRequest> = {
      method: req.method ?? 'GET',
      url: rawUrl,
      headers: headersOf(req),
      body: body ?? '',
      status: 0,
      at: sim.now(),
    }
    requests.push(record)
    const send = (a: HttpAnswer) => {
      record.status = a.status
      if (!res.destroyed) res.writeHead(a.status, a.headers).end(a.body)
    }
    if (body === undefined) return send({ status: 413, headers: {}, body: '' })

    const [pathname = '/', query = ''] = rawUrl.split(/\?(.*)/s)
    const path = pathname.split('/').filter(Boolean).map(safeDecode)
    if (/^v\d+\.\d+$/.test(path[0] ?? '')) path.shift()
    const method = record.method.toUpperCase()

    const fault = sim.faults.take(method, pathname, 'request')
    const delay = sim.faults.baseLatency + (fault?.kind === 'latency' ? fault.ms : 0)
    if (delay > 0) await sleep(delay, undefined, { signal: closing })
    if (fault?.kind === 'drop') return void req.socket.destroy()
    if (fault?.kind === 'hang') return

    let params: Map<string, string>
    try {
      params = mergeParams(parseUrlEncoded(query), parseBody(req.headers['content-type'], body))
    } catch (error) {
      if (!(error instanceof GraphError)) throw error
      const trace = newTraceId()
      return send(jsonAnswer(sim, 400, error.toBody(trace), [], trace))
    }
    const token = headerToken(req)
    const request: Request = { method, path, params, ...(token ? { headerToken: token } : {}) }
    const faulted = faultAnswer(sim, fault, request)
    if (faulted) return send(faulted)
    const result = await dispatch(sim, request, record)
    // "The write committed but the response was lost": the work is done, the answer never leaves.
    if (fault?.kind === 'commit-then-drop') return void req.socket.destroy()
    send(result)
  }

  return createServer((req, res) => {
    answer(req, res).catch(() => {
      // A closing simulator aborts pending delays; anything else is a simulator bug → 500.
      if (!res.destroyed && !res.headersSent && !closing.aborted) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('practice simulator error')
      }
    })
  })
}
