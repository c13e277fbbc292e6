import { createContext, runInContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { API_METHOD_NAMES, CHANNELS, EVENTS } from '@shared/ipc/channels'
import { en } from '@shared/i18n/en'
import { makeCanaryPreviewSecret } from '../../tests/fixtures/canaries'
import { createBridgeScript } from './bridge-script'

interface FetchCall {
  readonly url: string
  readonly init: { method: string; headers: Record<string, string>; body: string }
}

type Listener = (message: { data: string }) => void

/** A minimal EventSource: records its URL and lets the test deliver messages by event name. */
class FakeEventSource {
  static readonly instances: FakeEventSource[] = []
  readonly listeners = new Map<string, Set<Listener>>()
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this)
  }
  addEventListener(name: string, listener: Listener) {
    const set = this.listeners.get(name) ?? new Set()
    set.add(listener)
    this.listeners.set(name, set)
  }
  removeEventListener(name: string, listener: Listener) {
    this.listeners.get(name)?.delete(listener)
  }
  deliver(name: string, data: string) {
    for (const listener of this.listeners.get(name) ?? []) listener({ data })
  }
}

type Api = Record<string, (argument?: unknown) => unknown>

/** The page's address as the bridge sees it, and every replaceState it makes. */
function fakeLocation(hash: string) {
  const replaced: string[] = []
  const location = { pathname: '/', search: '', hash }
  const history = {
    state: null,
    replaceState: (_state: unknown, _title: string, url: string) => {
      replaced.push(url)
      location.hash = ''
    },
  }
  return { location, history, replaced }
}

/** Runs the generated script in a fresh realm whose `window` is the realm itself. */
function loadBridge(
  fetchImpl: (url: string, init: FetchCall['init']) => Promise<unknown>,
  hash = '',
) {
  FakeEventSource.instances.length = 0
  const calls: FetchCall[] = []
  const address = fakeLocation(hash)
  const sandbox: Record<string, unknown> = {
    fetch: (url: string, init: FetchCall['init']) => {
      calls.push({ url, init })
      return fetchImpl(url, init)
    },
    EventSource: FakeEventSource,
    location: address.location,
    history: address.history,
  }
  sandbox.window = sandbox
  const context = createContext(sandbox)
  runInContext(createBridgeScript(), context)
  return { api: sandbox.api as Api, calls, context, replaced: address.replaced }
}

/** Lets the bridge's pending promise callbacks run (the stream opens after the session). */
const settle = () => new Promise((resolve) => setImmediate(resolve))

const jsonResponse = (body: unknown) => Promise.resolve({ json: () => Promise.resolve(body) })

describe('the preview bridge script', () => {
  it('defines exactly API_METHOD_NAMES on window.api, frozen and read-only', () => {
    const { api, context } = loadBridge(() => jsonResponse({ ok: true, value: {} }))
    expect(Object.keys(api).sort()).toEqual([...API_METHOD_NAMES].sort())
    expect(Object.isFrozen(api)).toBe(true)
    const writable: unknown = runInContext(
      'Object.getOwnPropertyDescriptor(window, "api").writable',
      context,
    )
    expect(writable).toBe(false)
    expect(() => {
      runInContext('"use strict"; window.api = {}', context)
    }).toThrow()
  })

  it.each(Object.entries(CHANNELS))(
    '%s: POSTs the request as JSON with the preview header and returns the Result',
    async (channel, method) => {
      const result = { ok: true, value: { channel } }
      const { api, calls } = loadBridge(() => jsonResponse(result))
      await expect(api[method]!({ query: 'x' })).resolves.toEqual(result)
      expect(calls).toHaveLength(1)
      expect(calls[0]!.url).toBe(`/__api/invoke/${channel}`)
      expect(calls[0]!.init.method).toBe('POST')
      expect(calls[0]!.init.headers).toEqual({
        'content-type': 'application/json',
        'x-sua-preview': '1',
      })
      expect(JSON.parse(calls[0]!.init.body)).toEqual({ query: 'x' })
    },
  )

  it('sends {} when called without a request', async () => {
    const { api, calls } = loadBridge(() => jsonResponse({ ok: true, value: null }))
    await api[CHANNELS['app:status-get']]!()
    expect(calls[0]!.init.body).toBe('{}')
  })

  it("turns a network failure or a non-Result answer into a 'network' Result", async () => {
    const expected = {
      ok: false,
      error: { code: 'network', messageKey: 'errors.previewUnreachable' },
    }
    const failing = loadBridge(() => Promise.reject(new TypeError('Failed to fetch')))
    await expect(failing.api.getAppStatus!()).resolves.toEqual(expected)
    const garbled = loadBridge(() => jsonResponse('<html>'))
    await expect(garbled.api.getAppStatus!()).resolves.toEqual(expected)
    expect(en['errors.previewUnreachable']).toMatch(/preview/)
  })

  it('delivers event payloads only, over one EventSource, until unsubscribed', async () => {
    const { api } = loadBridge(() => jsonResponse({ ok: true, value: {} }))
    expect(FakeEventSource.instances).toHaveLength(0)
    const [event, method] = Object.entries(EVENTS)[0]!
    const first: unknown[] = []
    const second: unknown[] = []
    const unsubscribe = api[method]!((payload: unknown) => first.push(payload)) as () => void
    api[method]!((payload: unknown) => second.push(payload))
    await settle()
    expect(FakeEventSource.instances).toHaveLength(1)
    const source = FakeEventSource.instances[0]!
    expect(source.url).toBe('/__api/events')

    source.deliver(event, JSON.stringify({ mode: 'practice' }))
    source.deliver('some-other-event', JSON.stringify({ ignored: true }))
    source.deliver(event, 'not json')
    expect(first).toEqual([{ mode: 'practice' }])

    unsubscribe()
    unsubscribe()
    source.deliver(event, JSON.stringify({ mode: 'real' }))
    expect(first).toEqual([{ mode: 'practice' }])
    expect(second).toEqual([{ mode: 'practice' }, { mode: 'real' }])
  })

  it('refuses a listener that is not a function', () => {
    const { api } = loadBridge(() => jsonResponse({ ok: true, value: {} }))
    const method = Object.values(EVENTS)[0]!
    expect(() => api[method]!('not a function')).toThrow('listener must be a function')
  })
})

describe('sign-in popups in the preview', () => {
  function loadWithPopups() {
    const loaded = loadBridge(() => jsonResponse({ ok: true, value: {} }))
    const opened: unknown[][] = []
    runInContext(
      'window.open = (...args) => { window.__opened.push(args); return null }',
      loaded.context,
    )
    ;(loaded.context as Record<string, unknown>).__opened = opened
    return { ...loaded, opened }
  }

  it('listens for the popup message only once the renderer signs in, then opens the dialog', async () => {
    const { api, opened } = loadWithPopups()
    expect(FakeEventSource.instances).toHaveLength(0)
    await api[CHANNELS['connect:sign-in']]!({ app: { mode: 'practice' } })
    await api[CHANNELS['connect:sign-in']]!({ app: { mode: 'practice' } })
    await settle()
    expect(FakeEventSource.instances).toHaveLength(1)
    const source = FakeEventSource.instances[0]!
    expect(source.listeners.get('preview:login-open')?.size).toBe(1)

    const url = 'http://127.0.0.1:40123/v27.0/dialog/oauth?client_id=1&state=s'
    source.deliver('preview:login-open', JSON.stringify({ url }))
    expect(opened).toEqual([[url, 'facebook-login', 'popup,width=600,height=700']])
  })

  it('ignores anything but an http(s) URL', async () => {
    const { api, opened } = loadWithPopups()
    await api[CHANNELS['connect:sign-in']]!({ app: { mode: 'practice' } })
    await settle()
    const source = FakeEventSource.instances[0]!
    for (const data of [
      JSON.stringify({ url: 'javascript:alert(1)' }),
      JSON.stringify({ url: 'data:text/html,x' }),
      JSON.stringify({ url: 42 }),
      JSON.stringify(null),
      'not json',
    ]) {
      source.deliver('preview:login-open', data)
    }
    expect(opened).toEqual([])
  })

  it('other channels never open the stream for it', async () => {
    const { api } = loadWithPopups()
    await api[CHANNELS['connect:token-paste']]!({ app: { mode: 'practice' }, token: 'x' })
    await settle()
    expect(FakeEventSource.instances).toHaveLength(0)
  })
})

describe('the launch secret in the bridge', () => {
  const secret = makeCanaryPreviewSecret()

  it('drops the fragment at once and trades the secret once, in a POST body, before any call', async () => {
    let finishExchange = () => {}
    const { api, calls, replaced } = loadBridge(
      (url) =>
        url === '/__api/session'
          ? new Promise((resolve) => {
              finishExchange = () => resolve({ json: () => Promise.resolve({ ok: true }) })
            })
          : jsonResponse({ ok: true, value: {} }),
      `#k=${secret}`,
    )
    expect(replaced).toEqual(['/'])
    const pending = api[CHANNELS['app:status-get']]!()
    api[Object.values(EVENTS)[0]!]!(() => undefined)
    await settle()
    // Nothing but the exchange went out while it is under way.
    expect(calls.map((call) => call.url)).toEqual(['/__api/session'])
    expect(FakeEventSource.instances).toHaveLength(0)
    expect(calls[0]!.init.method).toBe('POST')
    expect(calls[0]!.init.headers).toEqual({
      'content-type': 'application/json',
      'x-sua-preview': '1',
    })
    expect(JSON.parse(calls[0]!.init.body)).toEqual({ secret })

    finishExchange()
    await pending
    await settle()
    expect(calls.map((call) => call.url)).toEqual([
      '/__api/session',
      '/__api/invoke/app:status-get',
    ])
    expect(FakeEventSource.instances).toHaveLength(1)
    await api[CHANNELS['app:status-get']]!()
    expect(calls.filter((call) => call.url === '/__api/session')).toHaveLength(1)
    // The secret never goes into a URL the bridge requests.
    expect(calls.filter((call) => call.url.includes(secret))).toEqual([])
  })

  it('without a fragment (a reload) calls straight away, relying on the cookie', async () => {
    const { api, calls, replaced } = loadBridge(() => jsonResponse({ ok: true, value: {} }))
    await api[CHANNELS['app:status-get']]!()
    expect(calls.map((call) => call.url)).toEqual(['/__api/invoke/app:status-get'])
    expect(replaced).toEqual([])
  })

  it('drops any other fragment without trading it', async () => {
    const { api, calls, replaced } = loadBridge(
      () => jsonResponse({ ok: true, value: {} }),
      `#x=${secret}`,
    )
    await api[CHANNELS['app:status-get']]!()
    expect(replaced).toEqual(['/'])
    expect(calls.map((call) => call.url)).toEqual(['/__api/invoke/app:status-get'])
  })

  it("still makes the calls when the exchange fails (they get the server's refusal)", async () => {
    const { api, calls } = loadBridge(
      (url) =>
        url === '/__api/session'
          ? Promise.reject(new TypeError('Failed to fetch'))
          : jsonResponse({ ok: false, error: { code: 'forbidden-sender', messageKey: 'm' } }),
      `#k=${secret}`,
    )
    await expect(api[CHANNELS['app:status-get']]!()).resolves.toMatchObject({ ok: false })
    expect(calls.map((call) => call.url)).toEqual([
      '/__api/session',
      '/__api/invoke/app:status-get',
    ])
  })
})
