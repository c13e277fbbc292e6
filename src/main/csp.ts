/**
 * The renderer's Content Security Policy, sent as a response header on everything the app protocol
 * serves (Electron security checklist item 7; a header, unlike a <meta> tag, also covers what loads
 * before the document is parsed). Plain data with no Electron import, so the browser preview can
 * derive its variant from the same source instead of keeping a second copy.
 */

/** Every directive the app sets. `connect-src 'none'`: the renderer makes no network request at all. */
export const APP_CSP_DIRECTIVES = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
} as const

export type CspDirective = keyof typeof APP_CSP_DIRECTIVES

/**
 * Serialises the app's policy, with some directives replaced. The preview passes
 * `{ 'connect-src': "'self'" }` so its bridge can reach its own origin. Overrides can only replace
 * a directive the app already sets, never add a new one.
 */
export function buildCsp(overrides: Partial<Record<CspDirective, string>> = {}): string {
  return (Object.keys(APP_CSP_DIRECTIVES) as CspDirective[])
    .map((name) => `${name} ${overrides[name] ?? APP_CSP_DIRECTIVES[name]}`)
    .join('; ')
}

/** The exact header value the desktop app sends. */
export const APP_CSP: string = buildCsp()
