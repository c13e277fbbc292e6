/**
 * The exact pages the app links to, and nothing else (SEC-05). A host-only list let any page of
 * www.facebook.com through, Meta's redirector `l.php?u=…` among them, which sends the admin
 * anywhere. Each pattern names its caller; a new link needs a new pattern here, and the
 * external-links gate checks that every link the app builds is still on the list.
 */

/** One allowed page: an exact host and path, and exactly these query parameters, in this order. */
export interface LinkPattern {
  readonly host: string
  /** Anchored: the whole path must match. */
  readonly path: RegExp
  readonly query: readonly (readonly [name: string, value: RegExp])[]
  /** Where the app builds this link. */
  readonly usedBy: string
}

/** A Graph id: digits only (docs/graph-api.md), so no value can hold a URL. */
const GRAPH_ID = /^[0-9]{1,20}$/
const BUSINESS = [['business_id', GRAPH_ID]] as const

export const LINK_PATTERNS: readonly LinkPattern[] = [
  {
    host: 'business.facebook.com',
    path: /^\/$/,
    query: [],
    usedBy: 'renderer connect/meta-links.ts businessSuite',
  },
  {
    host: 'business.facebook.com',
    path: /^\/settings\/(?:apps|system-users|people|security-center)$/,
    query: BUSINESS,
    usedBy: 'main connect/meta-links.ts (preflight fixes), flow/overview.ts deleteHelpUrl',
  },
  {
    host: 'developers.facebook.com',
    path: /^\/apps\/$/,
    query: [],
    usedBy: 'renderer connect/meta-links.ts appDashboard',
  },
  {
    host: 'developers.facebook.com',
    path: /^\/apps\/[0-9]{1,20}\/(?:dashboard|settings\/advanced)\/$/,
    query: [],
    usedBy: 'main connect/meta-links.ts appDashboard, appAdvanced',
  },
  {
    host: 'developers.facebook.com',
    path: /^\/tools\/explorer\/$/,
    query: [],
    usedBy: 'renderer connect/meta-links.ts graphExplorer',
  },
  {
    host: 'www.facebook.com',
    path: /^\/settings\/$/,
    query: [['tab', /^business_tools$/]],
    usedBy: 'main connect/meta-links.ts appPermissions',
  },
]

/** Whether a URL the caller already parsed and found canonical is exactly one pattern's page. */
export function matchesPattern(raw: string, pattern: LinkPattern): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.hostname !== pattern.host || url.hash !== '' || !pattern.path.test(url.pathname)) {
    return false
  }
  const search = url.search.startsWith('?') ? url.search.slice(1) : url.search
  const pairs = search === '' ? [] : search.split('&')
  if (pairs.length !== pattern.query.length) return false
  // Compared as written, not decoded: the values allowed are plain digits or words, so an encoded
  // character anywhere is already a mismatch.
  return pattern.query.every(([name, value], index) => {
    const pair = pairs[index] ?? ''
    const equals = pair.indexOf('=')
    return equals > 0 && pair.slice(0, equals) === name && value.test(pair.slice(equals + 1))
  })
}

/**
 * Meta's link shims: pages whose job is to send the browser to another site. Refused with their
 * own reason (the list already leaves them out) so the log and the gate say what was tried.
 */
export const REDIRECTOR_HOSTS: ReadonlySet<string> = new Set([
  'l.facebook.com',
  'lm.facebook.com',
  'l.messenger.com',
  'l.instagram.com',
])
export const REDIRECTOR_PATH = /^\/(?:l\.php|flx\/warn\/?|l\/)/
