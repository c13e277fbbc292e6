import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger, memorySink } from '../main/log/logger'
import { createMemorySecretStore } from '../main/secrets/memory-secret-store'
import type { SecretStore } from '../main/secrets/secret-store'
import { BRIDGE_PATH, PREVIEW_CSP } from './preview-html'
import { startPreviewServer, type PreviewServer } from './preview-server'
import { MAX_BODY_BYTES } from './request-guard'
import { openLaunchSession } from '../../tests/support/node/launch-session'

interface RawResponse {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly text: string
}

interface RawRequest {
  readonly method?: string
  readonly path: string
  readonly headers?: Record<string, string>
  /** Written as-is; an array is sent chunked, without Content-Length. */
  readonly body?: string | string[]
}

let base: string
let server: PreviewServer
let port: number
let ownHost: string
let statusCalls = 0
const logLines = memorySink()

/** A plain HTTP request, so tests control every header (fetch would forbid a forged Host). */
function send({ method = 'GET', path, headers = {}, body }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { host: ownHost, ...headers } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    request.on('error', reject)
    if (Array.isArray(body)) for (const chunk of body) request.write(chunk)
    else if (body !== undefined) request.write(body)
    request.end()
  })
}

/** What the page's bridge sends; the session cookie is added once the server is up. */
const API_HEADERS: Record<string, string> = {
  'content-type': 'application/json',
  'x-sua-preview': '1',
}
const invoke = (channel: string, body: unknown, headers: Record<string, string> = API_HEADERS) =>
  send({ method: 'POST', path: `/__api/invoke/${channel}`, headers, body: JSON.stringify(body) })
const json = (response: RawResponse): unknown => JSON.parse(response.text)

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'sua-preview-'))
  const rendererDir = join(base, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(
    join(rendererDir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'">` +
      `<script type="module" crossorigin src="./assets/app.js"></script></head><body></body></html>`,
  )
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export const app = 1')
  writeFileSync(join(base, 'secret.txt'), 'OUTSIDE-THE-RENDERER')
  symlinkSync(join(base, 'secret.txt'), join(rendererDir, 'linked.txt'))

  const memory = createMemorySecretStore()
  const secrets: SecretStore = {
    ...memory,
    status: () => {
      statusCalls += 1
      return memory.status()
    },
  }
  server = await startPreviewServer({
    dataDir: join(base, 'data'),
    rendererDir,
    log: createLogger([logLines]),
    ports: { secrets, version: '9.9.9' },
  })
  const url = new URL(server.url)
  port = Number(url.port)
  ownHost = url.host
  API_HEADERS.cookie = await openLaunchSession(server.launchUrl)
})

afterAll(async () => {
  await server.close()
  rmSync(base, { recursive: true, force: true })
})

describe('the preview API', () => {
  it('answers a well-formed call with the Result of the real handler', async () => {
    const before = statusCalls
    const response = await invoke('app:status-get', {})
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(json(response)).toMatchObject({
      ok: true,
      value: { version: '9.9.9', mode: 'practice' },
    })
    expect(statusCalls).toBe(before + 1)
  })

  const withoutMarker = () => {
    const { 'x-sua-preview': _marker, ...rest } = API_HEADERS
    return rest
  }
  it.each<[string, () => Record<string, string>]>([
    ['a wrong Host (DNS rebinding)', () => ({ ...API_HEADERS, host: 'evil.test' })],
    ['localhost instead of our exact host', () => ({ ...API_HEADERS, host: `localhost:${port}` })],
    ['another Origin', () => ({ ...API_HEADERS, origin: 'http://evil.test' })],
    ['a cross-site fetch', () => ({ ...API_HEADERS, 'sec-fetch-site': 'cross-site' })],
    ['a missing X-SUA-Preview header', withoutMarker],
    ['X-SUA-Preview other than 1', () => ({ ...API_HEADERS, 'x-sua-preview': 'yes' })],
  ])('refuses %s before any handler runs', async (_name, headers) => {
    const before = statusCalls
    const response = await invoke('app:status-get', {}, headers())
    expect(response.status).toBe(403)
    expect(json(response)).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', messageKey: 'errors.forbiddenSender' },
    })
    expect(statusCalls).toBe(before)
  })

  it('accepts its own Origin and a same-origin fetch', async () => {
    const headers = { ...API_HEADERS, origin: `http://${ownHost}`, 'sec-fetch-site': 'same-origin' }
    expect((await invoke('app:status-get', {}, headers)).status).toBe(200)
  })

  it('refuses a body over 1 MB, declared or streamed', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(MAX_BODY_BYTES) })
    const declared = await invoke('vault:records-list', JSON.parse(big) as unknown)
    expect(declared.status).toBe(413)
    const chunk = 'x'.repeat(64 * 1024)
    const streamed = await send({
      method: 'POST',
      path: '/__api/invoke/vault:records-list',
      headers: API_HEADERS,
      body: ['{"query":"', ...Array.from({ length: 17 }, () => chunk), '"}'],
    })
    expect(streamed.status).toBe(413)
    expect(json(streamed)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it.each(['app:nope', '__proto__', 'constructor', 'hasOwnProperty', '%E0%A4%A', ''])(
    'refuses the unknown channel "%s"',
    async (channel) => {
      const response = await invoke(channel, {})
      expect(response.status).toBe(404)
      expect(json(response)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    },
  )

  it('refuses non-JSON bodies, other content types and other methods', async () => {
    const garbled = await send({
      method: 'POST',
      path: '/__api/invoke/app:status-get',
      headers: API_HEADERS,
      body: '{not json',
    })
    expect(garbled.status).toBe(400)
    const form = await invoke(
      'app:status-get',
      {},
      { ...API_HEADERS, 'content-type': 'text/plain' },
    )
    expect(form.status).toBe(415)
    const get = await send({ path: '/__api/invoke/app:status-get', headers: API_HEADERS })
    expect(get.status).toBe(405)
    const other = await send({ path: '/__api/other', headers: API_HEADERS })
    expect(other.status).toBe(404)
  })

  it('passes schema failures through the dispatcher as invalid-input', async () => {
    const response = await invoke('vault:records-list', { query: 'x', extra: true })
    expect(response.status).toBe(200)
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('records the links the app opens instead of launching anything', async () => {
    const allowed = 'https://business.facebook.com/settings/system-users?business_id=1'
    expect(json(await invoke('app:link-open', { url: allowed }))).toEqual({
      ok: true,
      value: { opened: true },
    })
    const refused = await invoke('app:link-open', { url: 'file:///etc/passwd' })
    expect(json(refused)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.linkNotAllowed' },
    })
    expect(server.opened).toEqual([allowed])
    expect(logLines.lines.some((line) => line.includes('preview.open-external'))).toBe(true)
  })
})

describe('static files and the bridge', () => {
  it('serves index.html with the bridge before the app and connect-src rewritten', async () => {
    const response = await send({ path: '/' })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.text).toContain(
      `<script src="${BRIDGE_PATH}"></script><script type="module" crossorigin src="./assets/app.js">`,
    )
    expect(response.text).toContain(`content="default-src 'none'; connect-src 'self'"`)
  })

  it('serves assets and the bridge with JavaScript content types', async () => {
    const asset = await send({ path: '/assets/app.js?v=1' })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(asset.text).toBe('export const app = 1')
    const bridge = await send({ path: BRIDGE_PATH })
    expect(bridge.status).toBe(200)
    expect(bridge.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(bridge.text).toContain("Object.defineProperty(window, 'api'")
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2E%2E/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%5c..%5csecret.txt',
    '/linked.txt',
    '/index.html%00',
  ])('refuses the traversal %s', async (path) => {
    const response = await send({ path })
    expect(response.status).toBe(404)
    expect(response.text).not.toContain('OUTSIDE-THE-RENDERER')
  })

  it('serves pages to a typed-in navigation but not under a foreign Host', async () => {
    const typed = await send({ path: '/', headers: { 'sec-fetch-site': 'none' } })
    expect(typed.status).toBe(200)
    const rebinding = await send({ path: '/assets/app.js', headers: { host: 'evil.test:5199' } })
    expect(rebinding.status).toBe(403)
    expect(rebinding.text).not.toContain('export const app')
  })

  it('answers an over-long address 414, without reaching a route, and keeps serving', async () => {
    for (const path of [
      `/${'a'.repeat(5000)}`,
      `/assets/${'%2e'.repeat(2000)}`,
      `/__api/invoke/${'x'.repeat(5000)}`,
    ]) {
      const answer = await send({ path, headers: API_HEADERS })
      expect(answer.status, path.slice(0, 20)).toBe(414)
      expect(answer.text).not.toContain('aaaa')
    }
    expect((await send({ path: '/' })).status).toBe(200)
    expect(logLines.lines.some((line) => line.includes('preview.request-failed'))).toBe(false)
  })

  it('answers only GET and HEAD outside the API', async () => {
    expect((await send({ method: 'POST', path: '/', body: 'x' })).status).toBe(405)
    const head = await send({ method: 'HEAD', path: '/assets/app.js' })
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
  })
})

describe('the event stream', () => {
  /** Opens the stream and collects what arrives until `count` event frames came in. */
  function listen(headers: Record<string, string> = { cookie: API_HEADERS.cookie ?? '' }) {
    const frames: string[] = []
    let status = 0
    let close = () => {}
    const opened = new Promise<void>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port, path: '/__api/events', headers: { host: ownHost, ...headers } },
        (response) => {
          status = response.statusCode ?? 0
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => frames.push(chunk))
          resolve()
        },
      )
      request.on('error', reject)
      close = () => request.destroy()
      request.end()
    })
    return { opened, frames, status: () => status, close: () => close() }
  }

  const waitFor = async (check: () => boolean) => {
    for (let attempt = 0; attempt < 200 && !check(); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(check()).toBe(true)
  }

  it('delivers contract-valid events to every listener and drops invalid payloads', async () => {
    const client = listen()
    await client.opened
    expect(client.status()).toBe(200)
    const payload = {
      version: '9.9.9',
      mode: 'practice' as const,
      keychain: { available: true, backend: 'memory' },
      connection: null,
      practice: { businessName: 'Harbour Lane Bakery' },
      graphApi: { version: 'v27.0', retiresNotBefore: '2028-11-04', retiresInDays: null },
    }
    // @ts-expect-error: a payload with a field the contract does not name must be dropped
    server.emit('app:status-changed', { ...payload, token: 'EAAGsecret' })
    server.emit('app:status-changed', payload)
    await waitFor(() => client.frames.join('').includes('event: app:status-changed'))
    const text = client.frames.join('')
    expect(text).toContain(`event: app:status-changed\ndata: ${JSON.stringify(payload)}\n\n`)
    expect(text).not.toContain('EAAGsecret')
    expect(logLines.lines.some((line) => line.includes('preview.event-rejected'))).toBe(true)
    client.close()
  })

  it('refuses a wrong Host or a foreign Origin', async () => {
    const cookie = API_HEADERS.cookie ?? ''
    const rebinding = listen({ host: 'evil.test', cookie })
    await rebinding.opened
    expect(rebinding.status()).toBe(403)
    const foreign = listen({ origin: 'http://evil.test', cookie })
    await foreign.opened
    expect(foreign.status()).toBe(403)
  })
})

describe('security headers', () => {
  it('sends the strict CSP (connect-src self) on every response, refusals included', async () => {
    const responses = await Promise.all([
      send({ path: '/' }),
      send({ path: '/assets/app.js' }),
      send({ path: BRIDGE_PATH }),
      send({ path: '/missing' }),
      send({ path: '/../secret.txt' }),
      send({ method: 'POST', path: '/' }),
      invoke('app:status-get', {}),
      invoke('app:status-get', {}, { 'content-type': 'application/json' }),
      invoke('nope', {}),
      send({ path: '/', headers: { host: 'evil.test' } }),
    ])
    for (const response of responses) {
      expect(response.headers['content-security-policy']).toBe(PREVIEW_CSP)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['access-control-allow-origin']).toBeUndefined()
    }
    expect(PREVIEW_CSP).toContain("connect-src 'self'")
  })
})
