import { describe, expect, it } from 'vitest'
import { APP_CSP } from '../main/csp'
import { allowSelfConnect, BRIDGE_PATH, PREVIEW_CSP, preparePreviewHtml } from './preview-html'

const BRIDGE_TAG = `<script src="${BRIDGE_PATH}"></script>`

const builtIndex = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'none'; object-src 'none'" />
    <title>System User Assistant</title>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-abc.css">
  </head>
  <body><div id="root"></div></body>
</html>`

describe('PREVIEW_CSP', () => {
  it("is the app's policy with connect-src 'self' and nothing else changed", () => {
    expect(PREVIEW_CSP).toBe(APP_CSP.replace("connect-src 'none'", "connect-src 'self'"))
    expect(PREVIEW_CSP).not.toBe(APP_CSP)
    expect(PREVIEW_CSP).toContain("script-src 'self';")
    expect(PREVIEW_CSP).toContain("frame-ancestors 'none'")
  })
})

describe('allowSelfConnect', () => {
  it('replaces connect-src in place', () => {
    expect(allowSelfConnect("default-src 'none'; connect-src 'none'; img-src 'self'")).toBe(
      "default-src 'none'; connect-src 'self'; img-src 'self'",
    )
  })

  it("adds connect-src 'self' when the policy relies on default-src", () => {
    expect(allowSelfConnect("default-src 'none';")).toBe("default-src 'none'; connect-src 'self'")
  })
})

describe('preparePreviewHtml', () => {
  it('puts the bridge before the module script, so window.api exists when the app starts', () => {
    const html = preparePreviewHtml(builtIndex)
    const bridge = html.indexOf(BRIDGE_TAG)
    const app = html.indexOf('<script type="module"')
    expect(bridge).toBeGreaterThan(-1)
    expect(bridge).toBeLessThan(app)
    expect(html.split(BRIDGE_TAG)).toHaveLength(2)
  })

  it("rewrites the CSP meta tag's connect-src to 'self' and keeps the rest", () => {
    const html = preparePreviewHtml(builtIndex)
    expect(html).toContain(
      `content="default-src 'none'; script-src 'self'; connect-src 'self'; object-src 'none'"`,
    )
    expect(html).not.toContain("connect-src 'none'")
  })

  it('falls back to the end of <head> when there is no module script', () => {
    const html = preparePreviewHtml('<html><head><title>x</title></head><body></body></html>')
    expect(html).toBe(`<html><head><title>x</title>${BRIDGE_TAG}</head><body></body></html>`)
  })
})
