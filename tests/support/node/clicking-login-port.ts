import { err, ok } from '@shared/result'
import { loginCancelled, type LoginWindowPort } from '../../../src/main/connect/login-port'
import { DESKTOP_REDIRECT_URI } from '../../../src/main/connect/oauth'

/**
 * A login port for tests that does what the admin does in the practice dialog: loads the page,
 * "clicks" Continue (or Cancel) by posting the page's own form, and reads where the simulator
 * redirects. Real HTTP against the simulator, so the dialog URL, its parameters and the redirect
 * are exercised for real; only the window is missing.
 */
export interface ClickingLoginPort extends LoginWindowPort {
  /** Every dialog URL the port was asked to open. */
  readonly opened: string[]
  decision: 'allow' | 'deny'
  /** Changes the redirect before it is handed back (forged-state tests). */
  tamper?: (finalUrl: string) => string
}

const unescape = (text: string) =>
  text.replace(/&#(\d+);/g, (_whole, code: string) => String.fromCharCode(Number(code)))

/** The hidden fields and the action of the page's one form. */
export function readForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
  if (!action) throw new Error('the dialog page has no form')
  const fields: Record<string, string> = {}
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescape(match[1] ?? '')] = unescape(match[2] ?? '')
  }
  return { action: unescape(action), fields }
}

export function createClickingLoginPort(redirectUri = DESKTOP_REDIRECT_URI): ClickingLoginPort {
  const port: ClickingLoginPort = {
    redirectUri,
    opened: [],
    decision: 'allow',
    open: async (url, { signal }) => {
      port.opened.push(url)
      if (signal.aborted) return loginCancelled()
      const page = await fetch(url, { signal })
      if (page.status !== 200) return err('internal', `test.dialog-status-${page.status}`)
      const form = readForm(await page.text())
      const confirm = await fetch(new URL(form.action, url), {
        method: 'POST',
        body: new URLSearchParams({ ...form.fields, decision: port.decision }),
        redirect: 'manual',
        signal,
      })
      const location = confirm.headers.get('location')
      if (confirm.status !== 302 || !location) return err('internal', 'test.no-redirect')
      return ok({ finalUrl: port.tamper ? port.tamper(location) : location })
    },
  }
  return port
}

/** A port whose window stays open until the sign-in is cancelled. */
export function createWaitingLoginPort(): LoginWindowPort & { readonly opened: string[] } {
  const opened: string[] = []
  return {
    redirectUri: DESKTOP_REDIRECT_URI,
    opened,
    open: (url, { signal }) => {
      opened.push(url)
      return new Promise((resolve) => {
        if (signal.aborted) resolve(loginCancelled())
        signal.addEventListener('abort', () => resolve(loginCancelled()), { once: true })
      })
    },
  }
}
