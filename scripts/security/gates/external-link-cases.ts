import fc from 'fast-check'

/**
 * The URLs the SEC-05 gate offers to the app's link openers. Every hostile URL is disallowed by
 * construction (another scheme, another host, something in the scheme or host the URL parser
 * would rewrite), so the function under test is never its own oracle. The allowed ones are https
 * pages on the exact hosts security.md names: the positive control that lets the gate fail.
 */

/** security.md SEC-05's host allowlist, restated so a widened allowlist in src/ is caught too. */
export const REQUIRED_HOSTS = [
  'business.facebook.com',
  'developers.facebook.com',
  'www.facebook.com',
] as const

const host = fc.constantFrom(...REQUIRED_HOSTS)
const path = fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`))
const evil = fc.oneof(
  fc.domain(),
  fc.constantFrom('evil.test', 'attacker.example', '127.0.0.1', '[::1]', 'localhost'),
)

/** Schemes that run programs, read files, smuggle script or leave https. */
const BAD_SCHEMES = [
  'javascript:',
  'JavaScript:',
  'file:',
  'smb:',
  'ms-msdt:',
  'data:',
  'http:',
  'ftp:',
  'vbscript:',
  'ms-settings:',
  'search-ms:',
  'mailto:',
  'ws:',
  'wss:',
  'blob:https:',
  'chrome:',
  'about:',
  'app:',
] as const

/** Invisible or control characters the parser strips, trims or maps away. */
const INVISIBLE = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\ufeff',
] as const

/** Look-alikes of letters in the allowed hosts: Cyrillic, Greek and fullwidth. */
const GLYPHS: readonly (readonly [string, string])[] = [
  ['o', '\u043e'],
  ['o', '\u03bf'],
  ['o', '\uff4f'],
  ['a', '\u0430'],
  ['e', '\u0435'],
  ['c', '\u0441'],
  ['.', '\uff0e'],
  ['.', '\u3002'],
]

function upperOne(text: string, index: number): string {
  const letters = [...text].flatMap((c, i) => (/[a-z]/.test(c) ? [i] : []))
  const at = letters[index % letters.length] ?? 0
  return text.slice(0, at) + text.charAt(at).toUpperCase() + text.slice(at + 1)
}

function swapGlyph(text: string, [from, to]: readonly [string, string], index: number): string {
  const spots = [...text].flatMap((c, i) => (c === from ? [i] : []))
  const at = spots[index % Math.max(spots.length, 1)]
  return at === undefined ? `${text}${to}` : text.slice(0, at) + to + text.slice(at + 1)
}

export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...BAD_SCHEMES), host, path)
    .map(([scheme, h, p]) => `${scheme}//${h}${p}`),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ms-msdt:/id PCWDiagnostic',
    'file:///C:/Windows/System32/calc.exe',
    'smb://evil.test/share',
  ),
  // Suffix, prefix and path look-alikes.
  fc.tuple(host, evil, path).map(([h, e, p]) => `https://${h}.${e}${p}`),
  fc.tuple(host, fc.domain(), path).map(([h, d, p]) => `https://${d}.${h}${p}`),
  fc.tuple(host, evil, path).map(([h, e, p]) => `https://${e}/${h}${p}`),
  // user@host: credentials that move the real host after "@", or ride along before it.
  fc.tuple(host, evil, path).map(([h, e, p]) => `https://${h}@${e}${p}`),
  fc
    .tuple(host, fc.stringMatching(/^[a-z0-9]{1,12}(:[a-z0-9]{0,12})?$/), path)
    .map(([h, user, p]) => `https://${user}@${h}${p}`),
  fc.tuple(host, evil).map(([h, e]) => `${h}@${e}`),
  // Ports, including the default one the parser silently drops.
  fc
    .tuple(host, fc.integer({ min: 0, max: 65535 }), path)
    .map(([h, port, p]) => `https://${h}:${port}${p}`),
  // Mixed case in the scheme or the host.
  fc.tuple(host, fc.nat(), path).map(([h, i, p]) => `https://${upperOne(h, i)}${p}`),
  fc
    .tuple(host, fc.constantFrom('HTTPS', 'Https', 'hTTps', 'httpS'), path)
    .map(([h, s, p]) => `${s}://${h}${p}`),
  // IDN look-alikes (the parser punycodes or maps them) and hand-made punycode.
  fc
    .tuple(host, fc.constantFrom(...GLYPHS), fc.nat(), path)
    .map(([h, glyph, i, p]) => `https://${swapGlyph(h, glyph, i)}${p}`),
  fc.tuple(host, path).map(([h, p]) => `https://xn--${h.replaceAll('.', '-')}.com${p}`),
  // Backslashes, which the parser reads as slashes for https.
  fc.tuple(host, evil, path).map(([h, e, p]) => `https://${h}\\@${e}${p}`),
  fc.tuple(host, path).map(([h, p]) => `https:\\\\${h}${p.replaceAll('/', '\\')}`),
  // Whitespace and control characters: around the URL, or inside its scheme or host.
  fc
    .tuple(host, path, fc.constantFrom(...INVISIBLE), fc.boolean())
    .map(([h, p, c, before]) => (before ? `${c}https://${h}${p}` : `https://${h}${p}${c}`)),
  fc.tuple(host, path, fc.constantFrom(...INVISIBLE), fc.nat()).map(([h, p, c, i]) => {
    const head = `https://${h}`
    const at = 1 + (i % (head.length - 1))
    return `${head.slice(0, at)}${c}${head.slice(at)}${p}`
  }),
  // Scheme-relative, extra or missing slashes, trailing dot, percent-encoded host.
  fc
    .tuple(host, path, fc.constantFrom('//', 'https:/', 'https:///', 'https:', 'https:/\\'))
    .map(([h, p, head]) => `${head}${h}${p}`),
  fc.tuple(host, path).map(([h, p]) => `https://${h}.${p}`),
  fc.tuple(host, path).map(([h, p]) => `https://${h.replace('.', '%2E')}${p}`),
  // Over the length limit.
  host.map((h) => `https://${h}/${'a'.repeat(2048)}`),
)

/** 25 payloads from real advisories and bypass write-ups; every one must be refused. */
export const HANDWRITTEN_PAYLOADS: readonly string[] = [
  'javascript:alert(document.domain)',
  'JAVASCRIPT:alert(1)',
  'file:///etc/passwd',
  'file://business.facebook.com/etc/passwd',
  'smb://evil.test/share/payload.exe',
  'ms-msdt:/id PCWDiagnostic /skip force /param "IT_RebrowseForFile=?"',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'http://business.facebook.com/',
  'https://business.facebook.com.evil.test/',
  'https://business.facebook.com@evil.test/',
  'https://evil.test@business.facebook.com/',
  'https://business.facebook.com:443/',
  'https://Business.facebook.com/',
  'HTTPS://business.facebook.com/',
  'https://bus\u0456ness.facebook.com/',
  'https://xn--busness-5cg.facebook.com/',
  'https://business.facebook.com\\@evil.test/',
  'https:\\\\business.facebook.com\\',
  'https://business%2Efacebook.com/',
  'https://business\uff0efacebook.com/',
  'https://business.facebook.com./',
  'https://m.facebook.com/',
  ' https://business.facebook.com/',
  'https://business.facebook.com/\n',
  '//business.facebook.com/',
]

/** Allowed pages: each must reach the opener exactly once, unchanged. */
export const ALLOWED_SAMPLES: readonly string[] = [
  'https://business.facebook.com',
  'https://business.facebook.com/settings/system-users?business_id=1',
  'https://developers.facebook.com/docs/marketing-api/system-users/',
  'https://www.facebook.com/help/',
]

export const allowedUrl: fc.Arbitrary<string> = fc
  .tuple(host, path)
  .map(([h, p]) => `https://${h}${p}`)
