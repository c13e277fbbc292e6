import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { get as httpGet, request as httpRequest, type ClientRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readForm } from '../../tests/support/node/clicking-login-port'
import { createLogger, memorySink } from '../main/log/logger'
import { createPracticeRuntime, type PracticeRuntime } from '../main/practice/practice-runtime'
import {
  createMemorySecretStore,
  type MemorySecretStore,
} from '../main/secrets/memory-secret-store'
import { OAUTH_CALLBACK_PATH } from './preview-login-port'
import { createAuditLog } from '../main/audit'
import { startPreviewServer, type PreviewServer } from './preview-server'
import { openLaunchSession } from '../../tests/support/node/launch-session'

/**
 * "Sign in with Facebook" in the browser preview, end to end over loopback: the page's event
 * stream gets the preview-only "open the popup" message, the "popup" (plain HTTP here) clicks
 * through the simulator's practice dialog, the dialog redirects to the preview's callback route,
 * and the pending sign-in completes with the admin connected.
 */
let base: string
let server: PreviewServer
let practice: PracticeRuntime
let secrets: MemorySecretStore
let host: string
/** The page's session cookie: the stream and every call carry it, as the browser would. */
let cookie: string
let stream: ClientRequest | undefined
const received: { event: string; data: string }[] = []

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'sua-preview-signin-'))
  const rendererDir = join(base, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>')
  practice = createPracticeRuntime()
  secrets = createMemorySecretStore()
  server = await startPreviewServer({
    dataDir: join(base, 'data'),
    rendererDir,
    log: createLogger([memorySink()]),
    // An unanchored audit log: these tests count the keychain writes of the sign-in alone.
    ports: { secrets, practice, audit: createAuditLog({ dataDir: join(base, 'data') }) },
  })
  host = new URL(server.url).host
  cookie = await openLaunchSession(server.launchUrl)
  received.length = 0
})

afterEach(async () => {
  stream?.destroy()
  stream = undefined
  await server.close()
  rmSync(base, { recursive: true, force: true })
})

/** Opens the page's event stream and records every event it receives. */
function openStream(): Promise<void> {
  return new Promise((resolve, reject) => {
    stream = httpGet(`http://${host}/__api/events`, { headers: { cookie } }, (response) => {
      let buffer = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        const frames = buffer.split('\n\n')
        buffer = frames.pop() ?? ''
        for (const frame of frames) {
          const event = /^event: (.+)$/m.exec(frame)?.[1]
          const data = /^data: (.+)$/m.exec(frame)?.[1]
          if (event && data) received.push({ event, data })
        }
      })
      resolve()
    })
    stream.on('error', reject)
  })
}

function invoke(channel: string, body: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `http://${host}/__api/invoke/${channel}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sua-preview': '1', cookie },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }),
        )
      },
    )
    request.on('error', reject)
    request.end(JSON.stringify(body))
  })
}

async function popupUrl(): Promise<string> {
  await expect
    .poll(() => received.find((entry) => entry.event === 'preview:login-open'))
    .toBeDefined()
  const message = received.find((entry) => entry.event === 'preview:login-open')!
  return (JSON.parse(message.data) as { url: string }).url
}

/** What the popup does: load the dialog, press Continue, and report where it is sent. */
async function clickThrough(url: string): Promise<string> {
  const form = readForm(await (await fetch(url)).text())
  const confirm = await fetch(new URL(form.action, url), {
    method: 'POST',
    body: new URLSearchParams({ ...form.fields, decision: 'allow' }),
    redirect: 'manual',
  })
  return confirm.headers.get('location') ?? ''
}

describe('sign-in in the browser preview', () => {
  it('opens the practice dialog as a popup and completes through the callback route', async () => {
    await openStream()
    const pending = invoke('connect:sign-in', { app: { mode: 'practice' } })
    const url = await popupUrl()
    const session = await practice.session()
    expect(url.startsWith(`${session.graphBaseUrl}/v27.0/dialog/oauth?`)).toBe(true)
    expect(new URL(url).searchParams.get('redirect_uri')).toBe(
      `http://${host}${OAUTH_CALLBACK_PATH}`,
    )

    const location = await clickThrough(url)
    expect(location.startsWith(`http://${host}${OAUTH_CALLBACK_PATH}?`)).toBe(true)
    // Without the cookie, as the browser follows Facebook's cross-site redirect (SameSite=Strict).
    const callback = await fetch(location)
    expect(callback.status).toBe(200)
    const page = await callback.text()
    expect(page).toContain('You can close this window')
    expect(page).not.toMatch(/<script/i)
    expect(callback.headers.get('content-security-policy')).toContain("default-src 'none'")

    expect(await pending).toMatchObject({
      status: 200,
      json: { ok: true, value: { mode: 'practice', tokenKind: 'user' } },
    })
    expect(secrets.size()).toBe(2)
    // The status change reached the page too.
    await expect
      .poll(() => received.some((entry) => entry.event === 'app:status-changed'))
      .toBe(true)
  })

  it('a callback with another state is refused and does not end the sign-in', async () => {
    await openStream()
    const pending = invoke('connect:sign-in', { app: { mode: 'practice' } })
    await popupUrl()
    const forged = await fetch(`http://${host}${OAUTH_CALLBACK_PATH}?code=AQforged&state=forged`)
    expect(forged.status).toBe(400)
    expect(await forged.text()).toContain('was not waiting for this sign-in')
    expect((await invoke('connect:sign-in-cancel', {})).json).toStrictEqual({
      ok: true,
      value: { cancelled: true },
    })
    expect(await pending).toMatchObject({ json: { ok: false, error: { code: 'cancelled' } } })
    expect(secrets.writeAttempts).toBe(0)
  })

  it('a process without the session cannot listen in for the popup URL and its state', async () => {
    await openStream()
    const pending = invoke('connect:sign-in', { app: { mode: 'practice' } })
    await popupUrl()
    const eavesdropper = await fetch(`http://${host}/__api/events`)
    expect(eavesdropper.status).toBe(403)
    expect(await eavesdropper.json()).toMatchObject({ error: { code: 'forbidden-sender' } })
    await invoke('connect:sign-in-cancel', {})
    expect(await pending).toMatchObject({ json: { ok: false, error: { code: 'cancelled' } } })
  })
})
