import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, memorySink, silentLogger } from '../log/logger'
import { createFakeClock } from '../../../tests/support/node/fake-clock'
import { createGraphClient, type GraphClientOptions } from './client'
import { appSecretProof } from './proof'
import { canarySecret, canaryToken } from '../../../tests/support/node/canaries'
import {
  graphErrorBody,
  startFakeGraph,
  type FakeGraphServer,
  type FakeHandler,
} from '../../../tests/support/node/fake-graph-server'

const servers: FakeGraphServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const start = async (handler: FakeHandler) => {
  const server = await startFakeGraph(handler)
  servers.push(server)
  return server
}

const token = canaryToken()
const appSecret = canarySecret()
const credentials = { token, appSecret }

const clientFor = (server: FakeGraphServer, extra: Partial<GraphClientOptions> = {}) =>
  createGraphClient({
    baseUrl: server.baseUrl,
    version: 'v27.0',
    log: silentLogger,
    clock: createFakeClock(),
    random: () => 0.5,
    ...extra,
  })

describe('graph client: the wire (SEC-14, SEC-15)', () => {
  it('sends the token only in the Authorization header and signs GETs with appsecret_proof', async () => {
    const server = await start(() => ({ json: { id: '1', name: 'Ada' } }))
    const result = await clientFor(server).call({
      method: 'GET',
      path: '/me',
      params: { fields: 'id,name' },
      credentials,
    })
    expect(result).toEqual({ ok: true, value: { id: '1', name: 'Ada' } })
    const [request] = server.requests
    expect(request?.path).toBe('/v27.0/me')
    expect(request?.headers.authorization).toBe(`Bearer ${token}`)
    expect(request?.url).not.toContain(token)
    expect(request?.url).not.toContain(appSecret)
    expect(request?.query.get('fields')).toBe('id,name')
    expect(request?.query.get('appsecret_proof')).toBe(appSecretProof(token, appSecret))
  })

  it('sends POST parameters as a form body, lists as JSON arrays, and no proof without a secret', async () => {
    const server = await start(() => ({ json: { success: true } }))
    const result = await clientFor(server).call({
      method: 'POST',
      path: 'act_1/assigned_users',
      params: { user: '42', tasks: ['MANAGE', 'ANALYZE'], business: '7' },
      credentials: { token, appSecret: null },
      kind: 'idempotent-write',
    })
    expect(result.ok).toBe(true)
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/v27.0/act_1/assigned_users')
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(request?.form.get('tasks')).toBe('["MANAGE","ANALYZE"]')
    expect(request?.form.get('user')).toBe('42')
    expect(request?.form.has('appsecret_proof')).toBe(false)
    expect(request?.body).not.toContain(token)
  })

  it('tunnels a GET with a token parameter through a one-operation batch POST', async () => {
    const inputToken = canaryToken()
    const server = await start(() => ({
      json: [{ code: 200, headers: [], body: JSON.stringify({ data: { is_valid: true } }) }],
    }))
    const result = await clientFor(server).call({
      method: 'GET',
      path: 'debug_token',
      params: { input_token: inputToken },
      credentials,
    })
    expect(result).toEqual({ ok: true, value: { data: { is_valid: true } } })
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/v27.0')
    expect(request?.url).not.toContain(inputToken)
    const batch = JSON.parse(request?.form.get('batch') ?? '[]') as { relative_url: string }[]
    expect(batch).toHaveLength(1)
    expect(batch[0]?.relative_url).toBe(`debug_token?input_token=${inputToken}`)
    expect(request?.form.get('appsecret_proof')).toBe(appSecretProof(token, appSecret))
  })

  it('maps the tunnelled operation’s error, not the batch’s 200', async () => {
    const server = await start(() => ({
      json: [{ code: 400, body: JSON.stringify(graphErrorBody(190, 463)) }],
    }))
    const result = await clientFor(server).call({
      method: 'GET',
      path: 'oauth/access_token',
      params: { fb_exchange_token: canaryToken(), grant_type: 'fb_exchange_token' },
      credentials,
      kind: 'create',
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('auth-expired')
  })

  it('refuses paths that are not plain Graph paths, sending nothing', async () => {
    const server = await start(() => ({ json: {} }))
    const client = clientFor(server)
    for (const path of ['../etc', 'https://evil.test/x', 'me?access_token=x', 'a//b', 'me#x']) {
      const result = await client.call({ method: 'GET', path, credentials })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('internal')
    }
    expect(server.requests).toHaveLength(0)
  })

  it('does not follow a redirect (the Authorization header would go with it)', async () => {
    const elsewhere = await start(() => ({ json: { stolen: true } }))
    const server = await start(() => ({
      status: 302,
      headers: { location: `${elsewhere.baseUrl}/x` },
    }))
    const result = await clientFor(server).call({ method: 'GET', path: 'me', credentials })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('graph-error')
    expect(elsewhere.requests).toHaveLength(0)
  })

  it('turns a 200 that is not JSON into a clear graph-error', async () => {
    const server = await start(() => ({ text: '<html>proxy</html>' }))
    const result = await clientFor(server).call({ method: 'GET', path: 'me', credentials })
    expect(result.ok ? undefined : result.error.messageKey).toBe('graph.malformedResponse')
  })

  it('uses GRAPH_API_VERSION, but leaves GRAPH_API_BASE_URL to start-up and its checks', async () => {
    const server = await start(() => ({ json: { id: '1' } }))
    process.env.GRAPH_API_BASE_URL = server.baseUrl
    process.env.GRAPH_API_VERSION = 'v25.0'
    try {
      // An environment variable alone never redirects the client (base-url.ts decides at start).
      expect(createGraphClient({ log: silentLogger }).baseUrl).toBe('https://graph.facebook.com')
      const client = createGraphClient({ baseUrl: server.baseUrl, log: silentLogger })
      await client.call({ method: 'GET', path: 'me', credentials })
      expect(server.requests[0]?.path).toBe('/v25.0/me')
    } finally {
      delete process.env.GRAPH_API_BASE_URL
      delete process.env.GRAPH_API_VERSION
    }
    expect(createGraphClient({ log: silentLogger }).version).toBe('v27.0')
  })

  it('logs method, path and status but never the token, the secret, the proof or a query', async () => {
    const sink = memorySink()
    const server = await start((request) =>
      request.path.endsWith('/fail') ? { status: 400, json: graphErrorBody(100) } : { json: {} },
    )
    const client = clientFor(server, { log: createLogger([sink], 'debug') })
    await client.call({ method: 'GET', path: 'me', params: { fields: 'id' }, credentials })
    await client.call({ method: 'POST', path: 'x/fail', params: { name: 'n' }, credentials })
    const text = sink.lines.join('\n')
    expect(sink.lines.length).toBeGreaterThanOrEqual(2)
    expect(text).toContain('"path":"me"')
    for (const secret of [token, appSecret, appSecretProof(token, appSecret), 'fields=']) {
      expect(text).not.toContain(secret)
    }
  })
})

describe('graph client: timeouts and cancellation (REL-06)', () => {
  it('gives up on a request that never answers after timeoutMs', async () => {
    const server = await start(() => 'hang')
    const result = await clientFor(server, { timeoutMs: 150 }).call({
      method: 'GET',
      path: 'me',
      credentials,
    })
    expect(result.ok ? undefined : result.error.code).toBe('timeout')
    expect(server.requests).toHaveLength(1)
  })

  it('reports a timed-out create as unknown-outcome, never re-sending it', async () => {
    const server = await start(() => 'hang')
    const result = await clientFor(server, { timeoutMs: 150 }).call({
      method: 'POST',
      path: '1/system_users',
      params: { name: 'Reporting' },
      credentials,
      kind: 'create',
    })
    expect(result.ok ? undefined : result.error.code).toBe('unknown-outcome')
    expect(server.requests).toHaveLength(1)
  })

  it('cancels an in-flight read when the caller aborts', async () => {
    const controller = new AbortController()
    const server = await start(() => {
      setTimeout(() => controller.abort(), 20)
      return 'hang'
    })
    const result = await clientFor(server).call({
      method: 'GET',
      path: 'me',
      credentials,
      signal: controller.signal,
    })
    expect(result.ok ? undefined : result.error.code).toBe('cancelled')
  })

  it('sends nothing when the signal is already aborted', async () => {
    const server = await start(() => ({ json: {} }))
    const result = await clientFor(server).call({
      method: 'POST',
      path: '1/system_users',
      credentials,
      signal: AbortSignal.abort(),
    })
    expect(result.ok ? undefined : result.error.code).toBe('cancelled')
    expect(server.requests).toHaveLength(0)
  })

  it('treats a create cancelled in flight as unknown-outcome', async () => {
    const controller = new AbortController()
    const server = await start(() => {
      setTimeout(() => controller.abort(), 20)
      return 'hang'
    })
    const result = await clientFor(server).call({
      method: 'POST',
      path: '1/system_users',
      credentials,
      signal: controller.signal,
    })
    expect(result.ok ? undefined : result.error.code).toBe('unknown-outcome')
  })
})

describe('graph client: tunnelled operations Meta did not finish', () => {
  it('re-sends an unfinished read and reports an unfinished create as unknown-outcome', async () => {
    const server = await start((_, index) => ({
      json: [
        index === 0 ? null : { code: 200, body: JSON.stringify({ data: { is_valid: true } }) },
      ],
    }))
    const client = clientFor(server)
    const read = await client.call({
      method: 'GET',
      path: 'debug_token',
      params: { input_token: canaryToken() },
      credentials,
    })
    expect(read.ok).toBe(true)
    expect(server.requests).toHaveLength(2)
    const other = await start(() => ({ json: [null] }))
    const create = await clientFor(other).call({
      method: 'GET',
      path: 'oauth/access_token',
      params: { fb_exchange_token: canaryToken() },
      credentials,
      kind: 'create',
    })
    expect(create.ok ? undefined : create.error.code).toBe('unknown-outcome')
    expect(other.requests).toHaveLength(1)
  })
})

describe('graph client: version drift', () => {
  it('warns once when Meta serves another version than the one asked for', async () => {
    const sink = memorySink()
    const server = await start(() => ({ json: {}, headers: { 'facebook-api-version': 'v28.0' } }))
    const client = clientFor(server, { log: createLogger([sink], 'debug') })
    await client.call({ method: 'GET', path: 'me', credentials })
    await client.call({ method: 'GET', path: 'me', credentials })
    const drift = sink.lines.filter((line) => line.includes('graph.version-drift'))
    expect(drift).toHaveLength(1)
    expect(drift[0]).toContain('v28.0')
  })
})
