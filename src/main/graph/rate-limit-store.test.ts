import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  makeCanaryAppSecret,
  makeCanaryToken,
  scanForCanaries,
} from '../../../tests/fixtures/canaries'
import { createLogger, memorySink } from '../log/logger'
import { createGraphClient } from './client'
import { debugToken } from './debug'
import { createRateLimitStore, rateLimitFile } from './rate-limit-store'
import { appKeyOf, createRateLimiter, MAX_RESTORED_CLOSE_MS } from './rate-limits'
import { createFakeClock, type FakeClock } from '../../../tests/support/node/fake-clock'
import { graphErrorBody, startFakeGraph, type FakeGraphServer } from '../../../tests/support/node/fake-graph-server'

/** REL-01 across a relaunch: closed buckets outlive the process, and nothing else does. */
const dirs: string[] = []
const servers: FakeGraphServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const MINUTE = 60_000
const token = makeCanaryToken()
const credentials = { token, appSecret: makeCanaryAppSecret() }
const appBucket = `app:${appKeyOf(credentials)!}`
const bucHeader = (id: string, regainMinutes: number) => ({
  'x-business-use-case-usage': JSON.stringify({
    [id]: [
      { type: 'ads_management', call_count: 100, estimated_time_to_regain_access: regainMinutes },
    ],
  }),
})

const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sua-rate-limits-'))
  dirs.push(dir)
  return { dir, file: rateLimitFile(dir) }
}

const newStore = (file: string, clock: FakeClock) => {
  const sink = memorySink()
  const log = createLogger([sink], 'debug')
  return { store: createRateLimitStore({ file, log, clock }), log, lines: sink.lines }
}

/** One "launch": a client over the file, talking to a server that throttles its first call. */
const launch = (baseUrl: string, file: string, clock: FakeClock) => {
  const { store, log, lines } = newStore(file, clock)
  const client = createGraphClient({
    baseUrl,
    log,
    clock,
    random: () => 0,
    retry: { maxAttempts: 1 },
    rateLimitStore: store,
  })
  return { client, lines }
}

/** Throttles the first call with `code` and a BUC regain time; records when each call arrives. */
const throttlingServer = async (code: number, regainMinutes: number, clock: FakeClock) => {
  const sentAt: number[] = []
  const server = await startFakeGraph((_, index) => {
    sentAt.push(clock.now())
    return index === 0
      ? { status: 400, json: graphErrorBody(code), headers: bucHeader('7', regainMinutes) }
      : { json: { data: [] } }
  })
  servers.push(server)
  return Object.assign(server, { sentAt })
}

describe('closed rate-limit buckets across a relaunch (REL-01)', () => {
  it.each([
    [4, appBucket],
    [80004, 'buc:7'],
  ])(
    'code %i with a regain time closes %s, and a new client holds it until then',
    async (code, bucket) => {
      const { file } = tempFile()
      const clock = createFakeClock()
      const server = await throttlingServer(code, 7, clock)
      const call = { method: 'GET', path: '7/system_users', credentials, budgetMs: 1 } as const

      const first = launch(server.baseUrl, file, clock)
      expect((await first.client.call(call)).ok).toBe(false)
      const throttledAt = clock.now()
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { closed: unknown[] }
      expect(saved.closed).toContainEqual({ bucket, closedUntil: throttledAt + 7 * MINUTE })

      // The app is quit and reopened one minute later: a new client over the same file.
      clock.advance(MINUTE)
      const second = launch(server.baseUrl, file, clock)
      expect(second.client.limiter.inspect(bucket)?.closedUntil).toBe(throttledAt + 7 * MINUTE)
      const early = await second.client.call(call)
      expect(early.ok).toBe(false)
      if (!early.ok) {
        expect(early.error.code).toBe('rate-limited')
        expect(early.error.retryAfterMs).toBe(6 * MINUTE)
      }
      expect(server.requests).toHaveLength(1)

      // With time to wait, the call is held until the regain time and sent then, not before.
      await expect(second.client.call({ ...call, budgetMs: 10 * MINUTE })).resolves.toMatchObject({
        ok: true,
      })
      expect(server.requests).toHaveLength(2)
      expect(server.sentAt[1]).toBe(throttledAt + 7 * MINUTE)
    },
  )

  it('keeps a token bucket as a fingerprint: the file holds no token or secret', async () => {
    const { dir, file } = tempFile()
    const clock = createFakeClock()
    const server = await throttlingServer(17, 3, clock)
    const { client } = launch(server.baseUrl, file, clock)
    await client.call({ method: 'GET', path: 'me', credentials, budgetMs: 1 })
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/"token:[0-9a-f]{12}"/)
    expect(scanForCanaries(dir, [credentials.token, credentials.appSecret])).toEqual([])
  })

  it('never writes a bucket key that is not an id or a fingerprint', () => {
    const { file } = tempFile()
    const clock = createFakeClock()
    const { store } = newStore(file, clock)
    const until = clock.now() + MINUTE
    store.save([
      { bucket: `token:${token}`, closedUntil: until },
      { bucket: `buc:${token.slice(0, 40)}`, closedUntil: until },
      { bucket: 'buc:act_12', closedUntil: until },
    ])
    expect(scanForCanaries(file, [token])).toEqual([])
    expect(store.load()).toEqual([{ bucket: 'buc:act_12', closedUntil: until }])
  })

  it('drops expired entries and caps a far-future one at now + 24 h', () => {
    const { file } = tempFile()
    const clock = createFakeClock()
    const now = clock.now()
    const closed = [
      { bucket: appBucket, closedUntil: now - 1 },
      { bucket: 'buc:7', closedUntil: now },
      { bucket: 'buc:8', closedUntil: now + 5 * 24 * 60 * MINUTE },
      { bucket: 'buc:9', closedUntil: now + MINUTE },
    ]
    writeFileSync(file, JSON.stringify({ format: 1, savedAt: now - MINUTE, closed }))
    const { store, lines } = newStore(file, clock)
    const restored = store.load()
    expect(restored).toEqual([
      { bucket: 'buc:8', closedUntil: now + MAX_RESTORED_CLOSE_MS },
      { bucket: 'buc:9', closedUntil: now + MINUTE },
    ])
    expect(lines.join('\n')).toMatch(/"expired":2,"capped":1/)

    const limiter = createRateLimiter(clock, {}, { restored })
    expect(limiter.waitMs([appBucket, 'buc:7'])).toBe(0)
    expect(limiter.waitMs(['buc:8'])).toBe(MAX_RESTORED_CLOSE_MS)
  })

  it('the limiter itself drops expired and caps wild entries it is seeded with', () => {
    const clock = createFakeClock()
    const now = clock.now()
    const limiter = createRateLimiter(
      clock,
      {},
      {
        restored: [
          { bucket: appBucket, closedUntil: now - 1 },
          { bucket: 'buc:1', closedUntil: Number.NaN },
          { bucket: 'buc:2', closedUntil: now + 30 * 24 * 60 * MINUTE },
        ],
      },
    )
    expect(limiter.closedBuckets()).toEqual([
      { bucket: 'buc:2', closedUntil: now + MAX_RESTORED_CLOSE_MS },
    ])
  })

  it('ignores a file saved more than 24 h in the future (a wrong clock), with a log line', () => {
    const { file } = tempFile()
    const clock = createFakeClock()
    const later = clock.now() + MAX_RESTORED_CLOSE_MS + MINUTE
    writeFileSync(
      file,
      JSON.stringify({
        format: 1,
        savedAt: later,
        closed: [{ bucket: appBucket, closedUntil: later }],
      }),
    )
    const { store, lines } = newStore(file, clock)
    expect(store.load()).toEqual([])
    expect(lines.join('\n')).toContain('"reason":"saved-in-the-future"')
  })

  it.each([
    ['invalid-json', '{"format":1,"closed":['],
    ['unknown-format', '[1,2,3]'],
    ['unknown-format', '{"format":1,"savedAt":"soon","closed":[]}'],
  ])('ignores a corrupt file (%s) with a log line, then overwrites it', async (reason, text) => {
    const { file } = tempFile()
    writeFileSync(file, text)
    const clock = createFakeClock()
    const server = await throttlingServer(80004, 2, clock)
    const { client, lines } = launch(server.baseUrl, file, clock)
    expect(lines.join('\n')).toContain(`"reason":"${reason}"`)
    expect(client.limiter.closedBuckets()).toEqual([])
    await client.call({ method: 'GET', path: '7', credentials, budgetMs: 1 })
    expect(server.requests).toHaveLength(1)
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { closed: { bucket: string }[] }
    expect(saved.closed.map((entry) => entry.bucket)).toEqual(['buc:7'])
  })

  it('drops a plain `app` entry from before app buckets were per app: it would hold every app', () => {
    const { file } = tempFile()
    const clock = createFakeClock()
    const until = clock.now() + 30 * MINUTE
    const closed = [
      { bucket: 'app', closedUntil: until },
      { bucket: appBucket, closedUntil: until },
    ]
    writeFileSync(file, JSON.stringify({ format: 1, savedAt: clock.now(), closed }))
    const { store, lines } = newStore(file, clock)
    expect(store.load()).toEqual([{ bucket: appBucket, closedUntil: until }])
    expect(lines.join('\n')).toContain('"skipped":1')
  })

  it('skips entries of a tampered file that are not valid buckets', () => {
    const { file } = tempFile()
    const clock = createFakeClock()
    const until = clock.now() + MINUTE
    const closed = [
      { bucket: 'buc:7', closedUntil: until },
      { bucket: 'secret:abc', closedUntil: until },
      { bucket: 'buc:8', closedUntil: 'later' },
      'app',
    ]
    writeFileSync(file, JSON.stringify({ format: 1, savedAt: clock.now(), closed }))
    const { store, lines } = newStore(file, clock)
    expect(store.load()).toEqual([{ bucket: 'buc:7', closedUntil: until }])
    expect(lines.join('\n')).toContain('"skipped":3')
  })

  it('a save that cannot write is logged and does not fail the call', async () => {
    const { dir } = tempFile()
    const blocked = join(dir, 'in-the-way')
    mkdirSync(blocked)
    const clock = createFakeClock()
    const server = await throttlingServer(4, 2, clock)
    const { client, lines } = launch(server.baseUrl, blocked, clock)
    expect(lines.join('\n')).toContain('graph.rate-limits-file-unreadable')
    const result = await client.call({ method: 'GET', path: 'me', credentials, budgetMs: 1 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('rate-limited')
    expect(lines.join('\n')).toContain('graph.rate-limits-save-failed')
  })
})

describe('app buckets per app across a relaunch (REL-01)', () => {
  const appA = { token: makeCanaryToken(), appSecret: makeCanaryAppSecret() }
  const appB = { token: makeCanaryToken(), appSecret: makeCanaryAppSecret() }
  const tokenInfo = { data: { app_id: '222', is_valid: true, expires_at: 0, scopes: [] } }

  /** Throttles the first call with code 4 and no regain time; answers the rest, batches too. */
  const appThrottlingServer = async () => {
    const server = await startFakeGraph((request, index) => {
      if (index === 0) return { status: 400, json: graphErrorBody(4) }
      if (!request.form.has('batch')) return { json: { id: '1' } }
      return { json: [{ code: 200, headers: [], body: JSON.stringify(tokenInfo) }] }
    })
    servers.push(server)
    return server
  }
  const me = (credentials: { token: string; appSecret: string }) =>
    ({ method: 'GET', path: 'me', credentials, budgetMs: 1 }) as const
  const inspectFor = (appSecret: string) => ({ appId: '222', appSecret, inputToken: token })

  it('code 4 on app A holds app A, and app B not at all: in the process and after a relaunch', async () => {
    const { dir, file } = tempFile()
    const clock = createFakeClock()
    const server = await appThrottlingServer()
    const first = launch(server.baseUrl, file, clock)
    expect((await first.client.call(me(appA))).ok).toBe(false)
    const throttledAt = clock.now()
    // Same process: app B goes out at once, app A is held for the blind hour.
    expect((await first.client.call(me(appB))).ok).toBe(true)
    expect(server.requests).toHaveLength(2)
    expect(await first.client.call(me(appA))).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', retryAfterMs: 60 * MINUTE },
    })
    expect(server.requests).toHaveLength(2)
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { closed: { bucket: string }[] }
    expect(saved.closed.map((entry) => entry.bucket)).toEqual([`app:${appKeyOf(appA)!}`])
    expect(scanForCanaries(dir, [appA.appSecret, appA.token])).toEqual([])

    clock.advance(MINUTE)
    const second = launch(server.baseUrl, file, clock)
    // Connect's debug_token for app B (its app token, `{app-id}|{app-secret}`) goes out...
    const inspected = await debugToken(second.client, inspectFor(appB.appSecret), { budgetMs: 1 })
    expect(inspected).toMatchObject({ ok: true, value: { isValid: true } })
    expect(server.requests).toHaveLength(3)
    expect((await second.client.call(me(appB))).ok).toBe(true)
    expect(server.requests).toHaveLength(4)
    // ...while app A stays held until its hour is up, its app-token calls included.
    const held = { ok: false, error: { code: 'rate-limited', retryAfterMs: 59 * MINUTE } }
    expect(await second.client.call(me(appA))).toMatchObject(held)
    expect(
      await debugToken(second.client, inspectFor(appA.appSecret), { budgetMs: 1 }),
    ).toMatchObject(held)
    expect(server.requests).toHaveLength(4)
    expect(second.client.limiter.inspect(`app:${appKeyOf(appA)!}`)?.closedUntil).toBe(
      throttledAt + 60 * MINUTE,
    )
  })
})
