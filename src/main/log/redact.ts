/**
 * The redaction layer: nothing that looks like a token, secret or proof leaves main in a log line,
 * an error message or an exception string. Pattern-based (Meta tokens start with "EAA", app access
 * tokens are "id|secret", secrets and proofs are long hex) plus exact values registered at runtime,
 * because a secret we hold is redacted even if it matches no pattern.
 */
const MASK = '[redacted]'

/** What a secret value itself looks like, wherever it is written. */
const VALUE_PATTERNS: readonly RegExp[] = [
  // Meta user, page and system-user tokens.
  /EAA[A-Za-z0-9_-]{8,}/g,
  // App access tokens: app id | app secret (or client token). No word boundary: in free text the
  // id may be glued to a letter, and the secret half must go either way.
  /\d{5,20}\|[A-Za-z0-9_-]{16,}/g,
  // App secrets (32 hex) and appsecret_proof (64 hex), even glued to other letters (the property
  // test in redact.property.test.ts found `x<secret>` slipping past a \b-anchored pattern).
  /[0-9a-fA-F]{32,}/g,
]

const PATTERNS: readonly RegExp[] = [
  ...VALUE_PATTERNS,
  // Credentials in query strings, form bodies and JSON, whatever the value looks like.
  /((?:access_token|input_token|fb_exchange_token|revoke_token|client_secret|appsecret_proof|app_secret|secret|token|password)["']?\s*[=:]\s*["']?)[^\s&"',}]+/gi,
  // HTTP authorization headers.
  /(authorization["']?\s*[:=]\s*["']?(?:bearer|oauth)?\s*)[^\s"',}]+/gi,
]

const registered = new Set<string>()

/** Registers a secret value we hold, so it is masked wherever it shows up. Short values are ignored. */
export function registerSecret(value: string): void {
  if (value.length >= 8) registered.add(value)
}

export function forgetSecret(value: string): void {
  registered.delete(value)
}

export function redactText(text: string): string {
  let out = text
  // Longest first: a secret that contains another must not be cut in half by the shorter one.
  for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(MASK)
  }
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match: string, prefix?: unknown) =>
      typeof prefix === 'string' ? `${prefix}${MASK}` : MASK,
    )
  }
  return out
}

/**
 * Whether free text an admin typed (a note) holds a token, an app secret or a proof, or any secret
 * the app holds: such text must not be stored outside the keychain. Only the values count, not
 * words like "token:" that a note may well contain.
 */
export function containsSecretValue(text: string): boolean {
  for (const secret of registered) if (text.includes(secret)) return true
  return VALUE_PATTERNS.some((pattern) => new RegExp(pattern.source).test(text))
}

/** Deep-redacts any value into plain, log-safe data (errors become name, message and stack). */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]'
  if (typeof value === 'string') return redactText(value)
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      stack: value.stack ? redactText(value.stack) : undefined,
    }
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactValue(item, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[redactText(key)] = /token|secret|proof|password|authorization/i.test(key)
        ? MASK
        : redactValue(item, depth + 1)
    }
    return out
  }
  return value
}
