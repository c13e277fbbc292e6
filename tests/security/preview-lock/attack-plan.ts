import { makeCanaryPreviewSecret } from '../../fixtures/canaries'

/**
 * What the preview-lock gate's second processes send to the preview: every channel, the event
 * stream, the launch-secret exchange and the OAuth callback, under each set of credentials a
 * process on the machine might try. A plan is plain data, so attacker.mjs (a separate `node`
 * process that knows nothing else) only has to send it and report what came back.
 */

/** Where an attempt goes; `answered` is judged per target (see isAnswered). */
export type AttemptTarget = 'invoke' | 'events' | 'session' | 'callback'

export interface Attempt {
  readonly target: AttemptTarget
  /** Which credentials it carries, for the findings (e.g. "guessed cookie, no header"). */
  readonly variant: string
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

/** What attacker.mjs reports for one attempt. */
export interface AttemptOutcome {
  readonly target: AttemptTarget
  readonly variant: string
  readonly path: string
  /** The HTTP status; 0 when the request failed (the error says why). */
  readonly status: number
  /** Whether the body was the `forbidden-sender` refusal. */
  readonly forbidden: boolean
  /** Whether the answer tried to set a cookie. */
  readonly setCookie: boolean
  readonly error?: string
}

/**
 * Answered = the preview did what was asked: a call reached main's dispatcher (200 with a
 * Result), the stream opened (200), the exchange handed out a cookie, the callback completed a
 * sign-in (200). A refusal, a 404 or a failed request is not an answer.
 */
export const isAnswered = (outcome: AttemptOutcome): boolean =>
  (outcome.status >= 200 && outcome.status < 300) || outcome.setCookie

/**
 * A body no channel's strict schema accepts: a call that gets through is answered by the
 * dispatcher with invalid-input and runs no handler, so the positive control changes nothing.
 */
export const PROBE_BODY = JSON.stringify({ lockProbe: true })

export interface PlanPaths {
  readonly invoke: string
  readonly events: string
  readonly session: string
  readonly callback: string
}

export interface Credentials {
  readonly label: string
  /** The Cookie header to send, if any. */
  readonly cookie?: string
  /** Whether to send `X-SUA-Preview: 1` (the bridge always does; a process may or may not). */
  readonly previewHeader: boolean
}

export interface PlanInput {
  readonly channels: readonly string[]
  readonly paths: PlanPaths
  readonly credentials: readonly Credentials[]
  /** Launch secrets to offer the exchange. */
  readonly secrets: readonly unknown[]
  /** Offer each secret with and without `X-SUA-Preview` (default), or only with it. */
  readonly secretsWithoutHeader?: boolean
}

const headersFor = (credentials: Credentials, json: boolean): Record<string, string> => ({
  ...(json ? { 'content-type': 'application/json' } : {}),
  ...(credentials.previewHeader ? { 'x-sua-preview': '1' } : {}),
  ...(credentials.cookie !== undefined ? { cookie: credentials.cookie } : {}),
})

/** Every channel and the stream under every credential, and every secret at the exchange. */
export function buildAttackPlan(input: PlanInput): Attempt[] {
  const attempts: Attempt[] = []
  for (const credentials of input.credentials) {
    const variant = credentials.label
    for (const channel of input.channels) {
      attempts.push({
        target: 'invoke',
        variant,
        method: 'POST',
        path: `${input.paths.invoke}${channel}`,
        headers: headersFor(credentials, true),
        body: PROBE_BODY,
      })
    }
    const headers = headersFor(credentials, false)
    attempts.push({ target: 'events', variant, method: 'GET', path: input.paths.events, headers })
  }
  input.secrets.forEach((secret, index) => {
    for (const previewHeader of input.secretsWithoutHeader === false ? [true] : [true, false]) {
      attempts.push({
        target: 'session',
        variant: `secret #${index + 1}${previewHeader ? '' : ', no header'}`,
        method: 'POST',
        path: input.paths.session,
        headers: headersFor({ label: '', previewHeader }, true),
        body: JSON.stringify({ secret }),
      })
    }
  })
  return attempts
}

/** The credentials a process without the launch secret can make up. */
export function guessedCredentials(cookieName: string, otherCookieName: string): Credentials[] {
  const guess = () => makeCanaryPreviewSecret()
  const variants: [string, string | undefined][] = [
    ['no cookie', undefined],
    ['guessed cookie', `${cookieName}=${guess()}`],
    ['forged cookie (all A)', `${cookieName}=${'A'.repeat(43)}`],
    ['forged cookie (empty)', `${cookieName}=`],
    ['cookie of another port', `${otherCookieName}=${guess()}`],
    [
      'many guessed cookies',
      Array.from({ length: 8 }, () => `${cookieName}=${guess()}`).join('; '),
    ],
  ]
  return variants.flatMap(([label, cookie]) => [
    { label, cookie, previewHeader: true },
    { label: `${label}, no header`, cookie, previewHeader: false },
  ])
}

/** Launch secrets a process without the real one can try. */
export const guessedSecrets = (): unknown[] => [
  makeCanaryPreviewSecret(),
  'A'.repeat(43),
  '',
  'x'.repeat(300),
  42,
  null,
]

/** The callback route, tried with a made-up code and state: it must complete nothing. */
export function callbackAttempts(callbackPath: string): Attempt[] {
  return [undefined, makeCanaryPreviewSecret()].map((state, index) => ({
    target: 'callback' as const,
    variant: `made-up state #${index + 1}`,
    method: 'GET' as const,
    path: `${callbackPath}?code=AQguess${state === undefined ? '' : `&state=${state}`}`,
    headers: {},
  }))
}
