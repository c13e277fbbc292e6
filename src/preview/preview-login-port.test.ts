import { describe, expect, it } from 'vitest'
import { silentLogger } from '../main/log/logger'
import { createPreviewLogin, OAUTH_CALLBACK_PATH } from './preview-login-port'

const ORIGIN = 'http://127.0.0.1:5199'
const dialog = (state: string) =>
  `http://127.0.0.1:40123/v27.0/dialog/oauth?client_id=1&state=${state}&redirect_uri=x`

function setup(shown = true) {
  const popups: string[] = []
  const login = createPreviewLogin({
    origin: () => ORIGIN,
    openPopup: async (url) => {
      popups.push(url)
      return shown
    },
    log: silentLogger,
  })
  return { login, popups }
}

describe('the preview login port', () => {
  it('redirects to its own callback route and hands back the matching callback', async () => {
    const { login, popups } = setup()
    expect(login.port.redirectUri).toBe(`${ORIGIN}${OAUTH_CALLBACK_PATH}`)
    const result = login.port.open(dialog('s1'), { signal: new AbortController().signal })
    await expect.poll(() => popups.length).toBe(1)
    expect(popups[0]).toBe(dialog('s1'))
    expect(login.handleCallback(`${OAUTH_CALLBACK_PATH}?code=AQ1&state=s1`)).toBe(true)
    expect(await result).toStrictEqual({
      ok: true,
      value: { finalUrl: `${ORIGIN}${OAUTH_CALLBACK_PATH}?code=AQ1&state=s1` },
    })
    // Answered once: a replay finds nobody waiting.
    expect(login.handleCallback(`${OAUTH_CALLBACK_PATH}?code=AQ1&state=s1`)).toBe(false)
  })

  it('ignores callbacks with another state, or none', async () => {
    const { login } = setup()
    const controller = new AbortController()
    const result = login.port.open(dialog('s1'), { signal: controller.signal })
    expect(login.handleCallback(`${OAUTH_CALLBACK_PATH}?code=AQ1&state=s2`)).toBe(false)
    expect(login.handleCallback(`${OAUTH_CALLBACK_PATH}?code=AQ1`)).toBe(false)
    controller.abort()
    expect(await result).toMatchObject({ ok: false, error: { code: 'cancelled' } })
  })

  it('says sign-in is unavailable when no page can show the popup', async () => {
    const { login } = setup(false)
    expect(
      await login.port.open(dialog('s1'), { signal: new AbortController().signal }),
    ).toMatchObject({
      ok: false,
      error: {
        messageKey: 'connectMain.error.signInUnavailable',
        hintKey: 'connectMain.hint.pasteInstead',
      },
    })
  })

  it('a newer sign-in replaces the one waiting', async () => {
    const { login } = setup()
    const first = login.port.open(dialog('s1'), { signal: new AbortController().signal })
    const second = login.port.open(dialog('s2'), { signal: new AbortController().signal })
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(login.handleCallback(`${OAUTH_CALLBACK_PATH}?code=AQ2&state=s2`)).toBe(true)
    expect(await second).toMatchObject({ ok: true })
  })
})
