import type { Fault } from './faults'
import { GraphError } from './errors'
import { BUC_CODES, throttleError, type BucType, type UsageKeys } from './usage'

const THROTTLE_CODES = new Set([
  4, 17, 32, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014,
])

/** The Graph error an injected `graph-error` or `throttle` fault answers with. */
export function faultError(
  fault: Extract<Fault, { kind: 'graph-error' | 'throttle' }>,
): GraphError {
  if (THROTTLE_CODES.has(fault.code)) {
    const error = throttleError(fault.code)
    if (fault.kind === 'graph-error' && fault.subcode !== undefined) {
      return new GraphError(error.code, error.message, { ...error.options, subcode: fault.subcode })
    }
    return error
  }
  const code = fault.code
  const subcode = fault.kind === 'graph-error' ? fault.subcode : undefined
  // Codes 1 and 2 are Meta's "temporary, retry" errors (docs/graph-api.md §6.2).
  const texts: Record<number, string> = {
    1: 'An unknown error has occurred.',
    2: 'An unexpected error has occurred. Please retry your request later.',
    368: '(#368) The action attempted has been deemed abusive or is otherwise disallowed',
    3919: '(#3919) There was an unexpected technical issue. Please try again.',
  }
  return new GraphError(code, texts[code] ?? `(#${code}) Simulated error`, {
    transient: code === 1 || code === 2,
    ...(subcode !== undefined ? { subcode } : {}),
  })
}

/** Body and content type of an injected 5xx: JSON code 1 for 500, a proxy's HTML page otherwise. */
export function httpErrorBody(
  status: 500 | 502 | 503,
  traceId: string,
): { type: string; text: string } {
  if (status === 500) {
    const error = new GraphError(1, 'An unknown error has occurred.', { transient: true, status })
    return { type: 'application/json; charset=UTF-8', text: JSON.stringify(error.toBody(traceId)) }
  }
  const title = status === 502 ? 'Bad Gateway' : 'Service Unavailable'
  return {
    type: 'text/html; charset=UTF-8',
    text: `<html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1></body></html>`,
  }
}

/** Usage headers of a throttled bucket: 100% and the regain time (docs/graph-api.md §7). */
export function throttleHeaders(
  fault: Extract<Fault, { kind: 'throttle' }>,
  keys: UsageKeys,
  fallbackBusinessId: string,
): Record<string, string> {
  const type: BucType =
    (Object.keys(BUC_CODES) as BucType[]).find((t) => BUC_CODES[t] === fault.code) ??
    keys.bucType ??
    'ads_management'
  const regain = fault.regainMinutes ?? 1
  const full = { call_count: 100, total_cputime: 100, total_time: 100 }
  return {
    'x-app-usage': JSON.stringify(full),
    'x-business-use-case-usage': JSON.stringify({
      [keys.businessId ?? fallbackBusinessId]: [
        { type, ...full, estimated_time_to_regain_access: regain },
      ],
    }),
  }
}
