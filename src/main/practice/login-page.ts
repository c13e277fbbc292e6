import { createHash } from 'node:crypto'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The page's only style: a hash in the CSP allows it without 'unsafe-inline'. */
const STYLE = `
body{font-family:system-ui,sans-serif;background:#f0f2f5;color:#1c1e21;margin:0;display:flex;
justify-content:center;align-items:center;min-height:100vh}
main{background:#fff;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.15);padding:32px;
max-width:420px}
h1{font-size:20px;margin:0 0 12px}p{line-height:1.45}
.badge{display:inline-block;background:#fff4e5;color:#7a4a00;border-radius:4px;padding:2px 8px;
font-size:13px;font-weight:600;margin-bottom:12px}
button{font-size:16px;border-radius:6px;padding:10px 16px;border:0;cursor:pointer;margin-top:8px}
.primary{background:#0866ff;color:#fff;width:100%}.secondary{background:#e4e6eb;color:#1c1e21;
width:100%}
button:focus-visible{outline:3px solid #1c1e21;outline-offset:2px}
`.trim()

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64')

/** CSP of the practice pages: nothing external, no script, the one style block, forms to us. */
export function loginPageCsp(formTargets: readonly string[]): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${STYLE_HASH}'`,
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ')
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`
}

export interface LoginPageInput {
  appName: string
  adminName: string
  scopes: readonly string[]
  /** hidden fields carried to the confirm step */
  carry: Readonly<Record<string, string>>
}

/**
 * The practice stand-in for Facebook Login's dialog: says plainly that this is practice mode and
 * offers "Continue as practice admin" (a form POST to /dialog/oauth/confirm) or Cancel.
 */
export function renderLoginPage(input: LoginPageInput): string {
  const hidden = Object.entries(input.carry)
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('')
  const scopes = input.scopes.length
    ? `<p>It will be allowed to: ${input.scopes.map(escape).join(', ')}.</p>`
    : ''
  return page(
    'Practice login',
    `<span class="badge">Practice mode</span>
<h1>${escape(input.appName)} would like to connect to your practice business</h1>
<p>This is a practice sign-in. No real Facebook account is used and nothing leaves this computer.</p>
${scopes}
<form method="post" action="/dialog/oauth/confirm">${hidden}
<button class="primary" type="submit" name="decision" value="allow">Continue as ${escape(input.adminName)}</button>
<button class="secondary" type="submit" name="decision" value="deny">Cancel</button>
</form>`,
  )
}

/** The error page Facebook shows for a bad dialog request (unknown app, blocked redirect URI). */
export function renderLoginError(message: string): string {
  return page('Practice login error', `<h1>Something went wrong</h1><p>${escape(message)}</p>`)
}
