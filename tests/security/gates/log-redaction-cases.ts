import fc from 'fast-check'
import type { Logger } from '../../../src/main/log'

/**
 * What the SEC-13 gate writes through the app's logger: canaries shaped like real secrets (Meta
 * tokens, app secrets, proofs, `appid|secret` app tokens) and opaque values that only a credential
 * name gives away (`access_token=`, `client_secret`, `Authorization: Bearer`), hidden in free
 * text, JSON, Graph URLs, error objects, stacks and headers. Nothing is registered with the
 * redactor: its rules alone must catch them, as they must for a secret it has never seen.
 */

export interface LogCase {
  readonly kind: string
  /** Every string that must not reach the log file, in any encoding. */
  readonly canaries: readonly string[]
  write(log: Logger): void
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const HEX = '0123456789abcdef'

const chars = (alphabet: string, min: number, max = min) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max })
const hex = (length: number) => chars(HEX + HEX.toUpperCase(), length)

interface Secret {
  /** The text as written. */
  readonly value: string
  /** What must not survive: the value, and for an app token its secret half on its own. */
  readonly canaries: readonly string[]
}

const plain = (value: string): Secret => ({ value, canaries: [value] })

/** Secrets the redactor must recognise by their shape, wherever they appear. */
const shaped: fc.Arbitrary<Secret> = fc.oneof(
  chars(BASE62, 180).map((rest) => plain(`EAAG${rest}`)),
  chars(BASE62, 24, 60).map((rest) => plain(`EAA${rest}`)),
  hex(32).map(plain),
  hex(64).map(plain),
  fc
    .tuple(fc.bigInt({ min: 10_000n, max: 10n ** 17n }), hex(32))
    .map(([id, secret]) => ({ value: `${id}|${secret}`, canaries: [`${id}|${secret}`, secret] })),
)

/** Values with no telling shape: only the credential name next to them gives them away. */
const opaque: fc.Arbitrary<Secret> = chars(`${BASE62}-_.~`, 12, 48)
  .filter((value) => /[A-Za-z0-9]{8}/.test(value))
  .map(plain)

const anySecret = fc.oneof(shaped, opaque)

/** Words, punctuation and letters glued straight onto the secret. */
const filler = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', 'x', 'Z9', ':', '"', "'", '&', '/', '\n', 'token ', 'Bearer '),
)

const CREDENTIAL_PARAMS = [
  'access_token',
  'input_token',
  'fb_exchange_token',
  'client_secret',
  'appsecret_proof',
  'revoke_token',
] as const

const graphUrl = fc
  .tuple(fc.constantFrom(...CREDENTIAL_PARAMS), anySecret, fc.webPath(), fc.boolean())
  .map(([param, secret, path, encode]) => ({
    secret,
    url:
      `https://graph.facebook.com/v23.0${path}?fields=id,name&${param}=` +
      `${encode ? encodeURIComponent(secret.value) : secret.value}&limit=25`,
  }))

const header = fc
  .tuple(fc.constantFrom('Authorization', 'authorization', 'AUTHORIZATION'), anySecret)
  .chain(([name, secret]) =>
    fc
      .constantFrom(`${name}: Bearer `, `${name}: OAuth `, `${name}=Bearer `, `"${name}":"Bearer `)
      .map((head) => ({ secret, text: `${head}${secret.value}` })),
  )

const keyValue = fc
  .tuple(
    fc.constantFrom('access_token', 'appsecret_proof', 'client_secret', 'app_secret', 'password'),
    fc.constantFrom('=', ': ', '=', '":"', " = '"),
    anySecret,
  )
  .map(([key, glue, secret]) => ({ secret, text: `${key}${glue}${secret.value}` }))

const make = (kind: string, secret: Secret, write: (log: Logger) => void): LogCase => ({
  kind,
  canaries: secret.canaries,
  write,
})

export const logCase: fc.Arbitrary<LogCase> = fc.oneof(
  fc
    .tuple(filler, shaped, filler)
    .map(([before, s, after]) => make('text', s, (log) => log.info(`${before}${s.value}${after}`))),
  fc
    .tuple(filler, shaped, filler)
    .map(([before, s, after]) =>
      make('text', s, (log) =>
        log.warn('graph.call-failed', { detail: `${before}${s.value}${after}` }),
      ),
    ),
  fc
    .tuple(fc.string({ maxLength: 12 }), shaped, fc.jsonValue({ maxDepth: 2 }))
    .map(([key, s, other]) =>
      make('json', s, (log) =>
        log.error('graph.response', {
          body: JSON.stringify({
            other,
            nested: { [key || 'k']: s.value, list: [other, s.value] },
          }),
        }),
      ),
    ),
  fc
    .tuple(fc.string({ maxLength: 12 }), shaped, fc.jsonValue({ maxDepth: 2 }))
    .map(([key, s, other]) =>
      make('json', s, (log) =>
        log.info('graph.response', { response: { other, nested: { [key || 'k']: s.value } } }),
      ),
    ),
  graphUrl.map(({ secret, url }) =>
    make('url', secret, (log) => log.info('graph.request', { url, attempt: 1 })),
  ),
  graphUrl.map(({ secret, url }) => make('url', secret, (log) => log.error(`GET ${url} failed`))),
  fc
    .tuple(filler, shaped)
    .map(([before, s]) =>
      make('error', s, (log) =>
        log.error('graph.call-failed', { error: new Error(`request failed: ${before}${s.value}`) }),
      ),
    ),
  fc.tuple(graphUrl, header).map(([{ secret, url }, auth]) => ({
    kind: 'error',
    canaries: [...secret.canaries, ...auth.secret.canaries],
    // An HTTP client's error: the request it made hangs off the error, credentials included.
    write: (log: Logger) => {
      const error = Object.assign(new Error(`Request failed with status code 400: ${url}`), {
        config: { url, headers: { Authorization: auth.text.split(/[:=]/, 2)[1] } },
      })
      log.warn('graph.call-failed', { error, cause: { url } })
    },
  })),
  fc.tuple(filler, shaped, keyValue).map(([before, s, kv]) => ({
    kind: 'stack',
    canaries: [...s.canaries, ...kv.secret.canaries],
    write: (log: Logger) => {
      const error = new Error(`${before}${kv.text}`)
      log.error('main.uncaught', { stack: `${error.stack ?? ''}\n  at token ${s.value}` })
    },
  })),
  header.map(({ secret, text }) =>
    make('header', secret, (log) => log.debug('graph.headers', { sent: text })),
  ),
  anySecret.map((s) =>
    make('header', s, (log) =>
      log.debug('graph.headers', {
        headers: { Authorization: `Bearer ${s.value}`, Accept: '*/*' },
      }),
    ),
  ),
  fc
    .tuple(filler, keyValue, filler)
    .map(([before, { secret, text }, after]) =>
      make('key-value', secret, (log) => log.warn(`${before}${text}&${after}`)),
    ),
  fc.tuple(keyValue, anySecret).map(([{ secret, text }, s]) => ({
    kind: 'key-value',
    canaries: [...secret.canaries, ...s.canaries],
    write: (log: Logger) =>
      log.info('flowHome.step', { form: text, client_secret: s.value, access_token: s.value }),
  })),
)
