/**
 * The preview's Content-Security-Policy and the rewrite of the renderer's index.html.
 *
 * The preview serves the app's exact policy (SEC-03, Electron security checklist item 7) with one
 * change: `connect-src 'self'`, because the bridge reaches main over same-origin `fetch` and
 * `EventSource` where the desktop app uses IPC and allows no connection at all.
 */
import { buildCsp } from '../main/csp'

/** Path the bridge script is served from (same origin, so `script-src 'self'` admits it). */
export const BRIDGE_PATH = '/__preview/bridge.js'

/**
 * Replaces (or adds) the connect-src directive of a policy with `connect-src 'self'`. Used on the
 * renderer's CSP meta tag, whose text we do not own (the header comes from buildCsp).
 */
export function allowSelfConnect(policy: string): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
  const others = directives.filter((directive) => !/^connect-src(\s|$)/i.test(directive))
  // Keep the directive where it was, so the served policy reads like the app's.
  const index = directives.findIndex((directive) => /^connect-src(\s|$)/i.test(directive))
  const position = index === -1 ? others.length : index
  others.splice(position, 0, "connect-src 'self'")
  return others.join('; ')
}

/** The policy sent as a header on every preview response: the app's, with connect-src 'self'. */
export const PREVIEW_CSP: string = buildCsp({ 'connect-src': "'self'" })

const META_CSP_TAG = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi
const CONTENT_ATTRIBUTE = /(\bcontent\s*=\s*)(?:"([^"]*)"|'([^']*)')/i
const MODULE_SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?module["']?[^>]*>/i
const BRIDGE_TAG = `<script src="${BRIDGE_PATH}"></script>`

/**
 * Prepares the built index.html for the browser: the bridge's classic script goes in before the
 * app's module script (so `window.api` exists before the app runs), and any CSP meta tag gets
 * `connect-src 'self'`; policies intersect, so a meta tag left at 'none' would block the bridge
 * even though the header allows it.
 */
export function preparePreviewHtml(html: string): string {
  const withPolicy = html.replace(META_CSP_TAG, (tag) =>
    tag.replace(
      CONTENT_ATTRIBUTE,
      (_whole, prefix: string, doubleQuoted?: string, singleQuoted?: string) =>
        doubleQuoted !== undefined
          ? `${prefix}"${allowSelfConnect(doubleQuoted)}"`
          : `${prefix}'${allowSelfConnect(singleQuoted ?? '')}'`,
    ),
  )
  const moduleScript = MODULE_SCRIPT.exec(withPolicy)
  if (moduleScript) {
    return (
      withPolicy.slice(0, moduleScript.index) + BRIDGE_TAG + withPolicy.slice(moduleScript.index)
    )
  }
  const headEnd = withPolicy.search(/<\/head>/i)
  if (headEnd !== -1) return withPolicy.slice(0, headEnd) + BRIDGE_TAG + withPolicy.slice(headEnd)
  return BRIDGE_TAG + withPolicy
}
