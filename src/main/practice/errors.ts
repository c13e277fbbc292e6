/**
 * Graph error objects (docs/graph-api.md §6.1): `{"error": {message, type, code, error_subcode, …,
 * fbtrace_id}}`. Routes throw a `GraphError`; the engine turns it into the JSON body.
 *
 * HTTP status: every Graph error answers 400, 190 included. Meta does not tabulate statuses and
 * observed traffic is mostly 400 for 100/190/200 (docs/graph-api.md §1, UNCONFIRMED mapping);
 * keeping one status forces clients to read the body, which is the only reliable signal. 5xx come
 * only from faults.
 */
export interface GraphErrorBody {
  message: string
  type: string
  code: number
  error_subcode?: number
  error_user_title?: string
  error_user_msg?: string
  is_transient: boolean
  error_data?: unknown
  fbtrace_id: string
}

export interface GraphErrorOptions {
  type?: string
  subcode?: number
  transient?: boolean
  userTitle?: string
  userMessage?: string
  errorData?: unknown
  status?: number
}

export class GraphError extends Error {
  readonly code: number
  readonly options: GraphErrorOptions

  constructor(code: number, message: string, options: GraphErrorOptions = {}) {
    super(message)
    this.name = 'GraphError'
    this.code = code
    this.options = options
  }

  get status(): number {
    return this.options.status ?? 400
  }

  toBody(fbtraceId: string): { error: GraphErrorBody } {
    const o = this.options
    return {
      error: {
        message: this.message,
        type: o.type ?? 'OAuthException',
        code: this.code,
        ...(o.subcode !== undefined ? { error_subcode: o.subcode } : {}),
        ...(o.userTitle ? { error_user_title: o.userTitle } : {}),
        ...(o.userMessage ? { error_user_msg: o.userMessage } : {}),
        is_transient: o.transient ?? false,
        ...(o.errorData !== undefined ? { error_data: o.errorData } : {}),
        fbtrace_id: fbtraceId,
      },
    }
  }
}

const METHOD = 'GraphMethodException'

/** Pacific time, as Meta prints it: "Tuesday, 04-Nov-26 10:00:00 PST". */
export function formatMetaDate(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    weekday: 'long',
    day: '2-digit',
    month: 'short',
    year: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(ms))
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? ''
  const time = `${part('hour')}:${part('minute')}:${part('second')}`
  return `${part('weekday')}, ${part('day')}-${part('month')}-${part('year')} ${time} ${part('timeZoneName')}`
}

/**
 * The error catalogue, with Meta's texts where sources have them (docs/graph-api.md §4.3, §6.2, 3P
 * logs).
 */
export const graphErrors = {
  missingParam: (name: string) => new GraphError(100, `(#100) The parameter ${name} is required`),
  invalidParam: (message: string) => new GraphError(100, `(#100) ${message}`),
  /** Verbatim shape of the 2026 live enum rejection (docs/graph-api.md §3, 3P enum probe). */
  enumViolation: (field: string, allowed: readonly string[], got: string) =>
    new GraphError(
      100,
      `Your request has violated JSON schema constraint 'enum' for the JSON field '${field}', ` +
        `please check the JSON schema for the JSON field '${field}' and make sure your request ` +
        `is valid for expected : '[${allowed.join(', ')}]' but got '${got}'`,
    ),
  unknownObject: (id: string, method: string) =>
    new GraphError(
      100,
      `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, ` +
        'cannot be loaded due to missing permissions, or does not support this operation. ' +
        'Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api',
      { type: METHOD, subcode: 33 },
    ),
  unsupportedRequest: (method: string) =>
    new GraphError(100, `Unsupported ${method.toLowerCase()} request.`, { type: METHOD }),
  nonexistingField: (field: string, nodeType: string) =>
    new GraphError(
      100,
      `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`,
    ),
  tokenRequired: () => new GraphError(104, 'An access token is required to request this resource.'),
  tokenUnparseable: () =>
    new GraphError(190, 'Invalid OAuth access token - Cannot parse access token'),
  tokenExpired: (expiredAtMs: number, nowMs: number) =>
    new GraphError(
      190,
      `Error validating access token: Session has expired on ${formatMetaDate(expiredAtMs)}. ` +
        `The current time is ${formatMetaDate(nowMs)}.`,
      { subcode: 463 },
    ),
  tokenRevoked: () =>
    new GraphError(190, 'Error validating access token: The session has been invalidated.', {
      subcode: 467,
    }),
  noCurrentUser: () =>
    new GraphError(
      2500,
      'An active access token must be used to query information about the current user.',
    ),
  proofMissing: () =>
    new GraphError(100, 'API calls from the server require an appsecret_proof argument', {
      type: METHOD,
    }),
  proofInvalid: () =>
    new GraphError(100, 'Invalid appsecret_proof provided in the API argument', { type: METHOD }),
  missingScope: (scope: string) =>
    new GraphError(200, `(#200) Requires ${scope} permission to manage the object`),
  /**
   * UNCONFIRMED wording: Meta documents who may call (docs/graph-api.md §4.6), not the text of the
   * refusal.
   */
  notAdmin: () =>
    new GraphError(
      200,
      '(#200) The user does not have permission to perform this action on this business. ' +
        'Only business admins and admin system users can do this.',
    ),
  invalidScope: () => new GraphError(3962, '(#3962) Provided permission is not valid'),
  twoFactorRequired: () =>
    new GraphError(415, '(#415) Two factor authentication required', {
      subcode: 2859009,
      userTitle: 'Two-factor authentication required',
      userMessage: 'Turn on two-factor authentication and confirm it before generating this token.',
    }),
  badClientSecret: () => new GraphError(1, 'Error validating client secret.'),
}
