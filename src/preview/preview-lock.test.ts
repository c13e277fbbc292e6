import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeCanaryPreviewSecret, scanForCanaries } from '../../tests/fixtures/canaries'
import { createMemorySecretStore } from '../main/secrets/memory-secret-store'
import type { SecretStore } from '../main/secrets/secret-store'
import { BRIDGE_PATH } from './preview-html'
import { OAUTH_CALLBACK_PATH } from './preview-login-port'
import { startPreviewServer, type PreviewServer } from './preview-server'
import { openLaunchSession } from '../../tests/support/node/launch-session'

/**
 * The launch lock, in process: what a caller without this launch's session gets from the API, the
 * event stream and the exchange, and what stays open. The attack from a second process, with
 * stale values from an earlier launch, is the preview-lock gate's (tests/security/gates).
 */
let base: string
let dataDir: string
let rendererDir: string
let server: PreviewServer
let statusCalls = 0

const start = (port = 0) =>
  startPreviewServer({ dataDir, rendererDir, port, ports: { secrets: countingStore() } })

function countingStore(): SecretStore {
  const memory = createMemorySecretStore()
  return {
    ...memory,
    status: () => {
      statusCalls += 1
      return memory.status()
    },
  }
}

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'sua-preview-lock-'))
  dataDir = join(base, 'data')
  rendererDir = join(base, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>')
  server = await start()
})

afterEach(async () => {
  await server.close()
  rmSync(base, { recursive: true, force: true })
})

const API = { 'content-type': 'application/json', 'x-sua-preview': '1' }
const call = (channel: string, headers: Record<string, string> = API, target = server) =>
  fetch(`${target.url}__api/invoke/${channel}`, { method: 'POST', headers, body: '{}' })
const exchange = (secret: unknown, target = server) =>
  fetch(`${target.url}__api/session`, {
    method: 'POST',
    headers: API,
    body: JSON.stringify({ secret }),
  })
const secretOf = (target: PreviewServer) => new URL(target.launchUrl).hash.slice('#k='.length)
const locked = {
  ok: false,
  error: { code: 'forbidden-sender', messageKey: 'errors.previewLocked' },
}

describe('the launch URL', () => {
  it('is the plain URL plus the launch secret in the fragment; the plain URL holds none', () => {
    expect(server.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=[A-Za-z0-9_-]{43}$/)
    expect(server.launchUrl.startsWith(server.url)).toBe(true)
    expect(server.url).not.toContain('#')
  })
})

describe('without the session cookie', () => {
  it('refuses every API call before any handler runs, telling the page how to get in', async () => {
    const before = statusCalls
    const guessed = `sua-preview-${new URL(server.url).port}=${makeCanaryPreviewSecret()}`
    for (const headers of [API, { ...API, cookie: guessed }]) {
      const response = await call('app:status-get', headers)
      expect(response.status).toBe(403)
      expect(await response.json()).toStrictEqual(locked)
    }
    expect(statusCalls).toBe(before)
  })

  it('refuses the event stream', async () => {
    const response = await fetch(`${server.url}__api/events`)
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(await response.json()).toStrictEqual(locked)
  })

  it('still serves the files, which hold no secret, and the OAuth callback as before', async () => {
    expect((await fetch(server.url)).status).toBe(200)
    expect((await fetch(`${server.url}${BRIDGE_PATH.slice(1)}`)).status).toBe(200)
    // No sign-in is waiting, so the callback completes nothing and says so.
    const callback = await fetch(`${server.url}${OAUTH_CALLBACK_PATH.slice(1)}?code=x&state=y`)
    expect(callback.status).toBe(400)
  })
})

describe('the exchange', () => {
  it('gives the session cookie for the launch secret, and the API answers with it', async () => {
    const cookie = await openLaunchSession(server.launchUrl)
    const response = await call('app:status-get', { ...API, cookie })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true })
  })

  it.each<[string, () => unknown]>([
    ['a look-alike secret', () => makeCanaryPreviewSecret()],
    ['no secret', () => undefined],
    ['the plain URL', () => server.url],
  ])('refuses %s without a cookie', async (_name, secret) => {
    const response = await exchange(secret())
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(await response.json()).toStrictEqual(locked)
  })

  it('does not take the secret from the query string', async () => {
    const response = await fetch(`${server.url}__api/session?k=${secretOf(server)}`, {
      method: 'POST',
      headers: API,
      body: '{}',
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('needs the preview header like any API call', async () => {
    const response = await fetch(`${server.url}__api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: secretOf(server) }),
    })
    expect(response.status).toBe(403)
  })
})

describe('a new launch', () => {
  it('opens for neither the secret nor the cookie of the one before, on the same port', async () => {
    const staleSecret = secretOf(server)
    const staleCookie = await openLaunchSession(server.launchUrl)
    const { port } = new URL(server.url)
    await server.close()
    server = await start(Number(port))
    expect(server.url).toBe(`http://127.0.0.1:${port}/`)

    expect((await call('app:status-get', { ...API, cookie: staleCookie })).status).toBe(403)
    expect((await exchange(staleSecret)).status).toBe(403)
    const cookie = await openLaunchSession(server.launchUrl)
    expect(cookie).not.toBe(staleCookie)
    expect((await call('app:status-get', { ...API, cookie })).status).toBe(200)
  })
})

describe('the log', () => {
  it('sums up a burst of refusals instead of writing a line each', async () => {
    await Promise.all(Array.from({ length: 200 }, () => call('vault:secret-reveal')))
    await server.close()
    const lines = readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')
      .trim()
      .split('\n')
    const refused = lines.filter((line) => line.includes('preview.request-refused'))
    const summary = lines.filter((line) => line.includes('preview.requests-refused-unlogged'))
    expect(refused).toHaveLength(10)
    expect(summary).toHaveLength(1)
    expect(summary[0]).toContain('"count":190')
    server = await start()
  })

  it('never gets the launch secret or the session cookie', async () => {
    const secret = secretOf(server)
    const cookie = await openLaunchSession(server.launchUrl)
    await call('app:status-get', { ...API, cookie })
    await exchange(makeCanaryPreviewSecret())
    await server.close()
    expect(scanForCanaries(dataDir, [secret, cookie.split('=')[1] ?? ''])).toStrictEqual([])
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('preview.listening')
    server = await start()
  })
})
