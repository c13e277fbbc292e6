import { describe, expect, it } from 'vitest'
import { createLogger, memorySink } from '../log/logger'
import { redactText } from '../log/redact'
import { createKeychainStore } from './keychain-store'
import {
  type KeyringBackend,
  PINNED_ENTRY_OPTIONS,
  backendNameFor,
  classifyKeyringError,
  napiKeyringBackend,
} from './keyring-backend'
import { SecretStoreError } from './secret-store'

type Op = 'set' | 'get' | 'delete'

interface FakeKeyringOptions {
  readonly name?: string
  /** Returns the error a call should throw, or undefined to let it through. */
  readonly fail?: (op: Op, service: string) => Error | undefined
  /** Calls never settle (an unanswered unlock prompt). */
  readonly hang?: boolean
  /** Writes "succeed" but nothing is kept; reads answer null (a locked collection does this). */
  readonly dropWrites?: boolean
}

/** An injected native keyring that records every call. */
function fakeKeyring(options: FakeKeyringOptions = {}) {
  const entries = new Map<string, string>()
  const calls: { op: Op; service: string; account: string }[] = []
  let failWith = options.fail
  const backend: KeyringBackend = {
    name: options.name ?? 'secret-service',
    open: (service, account) => {
      const key = `${service}/${account}`
      const run = <T>(op: Op, action: () => T): Promise<T> => {
        calls.push({ op, service, account })
        if (options.hang) return new Promise<T>(() => undefined)
        const error = failWith?.(op, service)
        return error ? Promise.reject(error) : Promise.resolve(action())
      }
      return {
        setPassword: (secret) =>
          run('set', () => {
            if (!options.dropWrites) entries.set(key, secret)
          }),
        getPassword: () => run('get', () => entries.get(key) ?? null),
        deleteCredential: () => run('delete', () => entries.delete(key)),
      }
    },
  }
  const secretWrites = () => calls.filter((c) => c.op === 'set' && !c.service.endsWith('.probe'))
  const probes = () => calls.filter((c) => c.op === 'set' && c.service.endsWith('.probe')).length
  const heal = () => {
    failWith = undefined
  }
  return { backend, entries, calls, secretWrites, probes, heal }
}

const nativeError = (message: string, cause?: string): Error =>
  Object.assign(new Error(message), { code: 'GenericFailure', cause: cause && new Error(cause) })

const failingAlways = (message: string) => () => nativeError(message)

const TOKEN = `EAAG${'Zx9'.repeat(60)}`
const ref = { kind: 'system-user-token' as const, id: 'record-1' }

const errorOf = async (run: () => Promise<unknown>): Promise<SecretStoreError> => {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof SecretStoreError))
    throw new Error(`expected a SecretStoreError, got ${String(error)}`)
  return error
}

// SEC-11: six ways the back end can be missing or insecure; each must end in 0 writes of the secret.
const BACKEND_FAILURES = [
  {
    name: 'no session bus (pinned to secret-service)',
    keyring: {
      fail: failingAlways(
        'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
      ),
    },
    problemKey: 'errors.keychainUnavailable',
  },
  {
    name: 'no session bus (keyutils fallback answers AccessDenied)',
    keyring: { fail: failingAlways("Couldn't access platform storage: AccessDenied") },
    problemKey: 'errors.keychainUnavailable',
  },
  {
    name: 'bus without a Secret Service daemon',
    keyring: {
      fail: failingAlways("Couldn't access platform storage: Secret Service: no result found"),
    },
    problemKey: 'errors.keychainUnavailable',
  },
  {
    name: 'locked collection, unlock prompt dismissed',
    keyring: {
      fail: failingAlways(
        "Couldn't access platform storage: Secret Service: unlock prompt was dismissed",
      ),
    },
    problemKey: 'errors.keychainLocked',
  },
  {
    name: 'kernel keyring (keyutils) instead of the Secret Service',
    keyring: { name: 'keyutils' },
    problemKey: 'errors.keychainUnavailable',
  },
  {
    name: 'keychain that never answers',
    keyring: { hang: true },
    problemKey: 'errors.keychainFailed',
  },
] as const

describe('keychain store: refusal on missing or insecure back ends', () => {
  it.each(BACKEND_FAILURES)(
    '$name: status unavailable, set refused, 0 writes',
    async (scenario) => {
      const fake = fakeKeyring(scenario.keyring)
      const sink = memorySink()
      const store = createKeychainStore({
        backend: fake.backend,
        log: createLogger([sink], 'debug'),
        timeoutMs: 20,
      })
      const status = await store.status()
      expect(status).toEqual({
        available: false,
        backend: fake.backend.name,
        problemKey: scenario.problemKey,
      })
      const failure = await errorOf(() => store.set(ref, TOKEN))
      expect(failure.code).toBe('keychain-unavailable')
      expect(failure.messageKey).toBe(scenario.problemKey)
      expect(fake.secretWrites()).toHaveLength(0)
      expect(`${failure.message} ${failure.detail ?? ''}`).not.toContain(TOKEN)
      expect(sink.lines.join('\n')).not.toContain(TOKEN)
      expect(sink.lines.length).toBeGreaterThan(0)
    },
  )

  it('refuses when the probe reads back something else (writes silently dropped)', async () => {
    const fake = fakeKeyring({ dropWrites: true })
    const store = createKeychainStore({ backend: fake.backend })
    await expect(store.status()).resolves.toMatchObject({
      available: false,
      problemKey: 'errors.keychainFailed',
    })
    await expect(store.set(ref, TOKEN)).rejects.toMatchObject({ code: 'keychain-unavailable' })
    expect(fake.secretWrites()).toHaveLength(0)
  })
})

describe('keychain store: healthy back end', () => {
  it('stores under service <appId>.<kind> and account = record id', async () => {
    const fake = fakeKeyring()
    await createKeychainStore({ backend: fake.backend }).set(ref, TOKEN)
    await createKeychainStore({ backend: fake.backend, appId: 'other-app' }).set(
      { kind: 'app-secret', id: 'r2' },
      'a'.repeat(32),
    )
    expect(fake.entries.get('system-user-assistant.system-user-token/record-1')).toBe(TOKEN)
    expect(fake.entries.get('other-app.app-secret/r2')).toBe('a'.repeat(32))
    expect([...fake.entries.keys()].some((key) => key.includes('.probe'))).toBe(false)
  })

  it('answers a successful probe with the secret-service back end', async () => {
    const store = createKeychainStore({ backend: fakeKeyring().backend })
    await expect(store.status()).resolves.toEqual({ available: true, backend: 'secret-service' })
  })

  it('caches a good probe for 30 s, then probes again', async () => {
    const fake = fakeKeyring()
    let clock = 1_000_000
    const store = createKeychainStore({ backend: fake.backend, now: () => clock })
    await store.status()
    clock += 29_000
    await store.status()
    await store.set(ref, TOKEN)
    expect(fake.probes()).toBe(1)
    clock += 2_000
    await store.status()
    expect(fake.probes()).toBe(2)
  })

  it('shares one probe between concurrent status calls', async () => {
    const fake = fakeKeyring()
    const store = createKeychainStore({ backend: fake.backend })
    const all = await Promise.all([store.status(), store.status(), store.status()])
    expect(all.every((status) => status.available)).toBe(true)
    expect(fake.probes()).toBe(1)
  })

  it('does not cache a failure: unlocking takes effect on the next call', async () => {
    const fake = fakeKeyring({ fail: failingAlways('Secret Service: unlock prompt was dismissed') })
    const store = createKeychainStore({ backend: fake.backend })
    await expect(store.status()).resolves.toMatchObject({ available: false })
    fake.heal()
    await expect(store.status()).resolves.toMatchObject({ available: true })
    await store.set(ref, TOKEN)
    expect(fake.secretWrites()).toHaveLength(1)
  })

  it('forgets a cached good probe when an operation finds the keychain gone', async () => {
    let gone = false
    const fake = fakeKeyring({
      fail: () =>
        gone
          ? nativeError("Couldn't access platform storage: Secret Service: no result found")
          : undefined,
    })
    const store = createKeychainStore({ backend: fake.backend })
    await store.status()
    gone = true
    await expect(store.set(ref, TOKEN)).rejects.toMatchObject({ code: 'keychain-unavailable' })
    gone = false
    await store.status()
    expect(fake.probes()).toBe(2)
  })
})

describe('keychain store: reads and deletes on a locked keychain', () => {
  /** gnome-keyring answers "no entry" to a read of a locked collection; the probe write fails. */
  const lockedKeyring = () =>
    fakeKeyring({
      fail: (op) =>
        op === 'set' ? nativeError('Secret Service: unlock prompt was dismissed') : undefined,
    })

  it('get does not report a locked entry as missing', async () => {
    const failure = await errorOf(() =>
      createKeychainStore({ backend: lockedKeyring().backend }).get(ref),
    )
    expect([failure.code, failure.messageKey]).toEqual([
      'keychain-unavailable',
      'errors.keychainLocked',
    ])
  })

  it('delete does not report a locked entry as absent', async () => {
    const failure = await errorOf(() =>
      createKeychainStore({ backend: lockedKeyring().backend }).delete(ref),
    )
    expect(failure.messageKey).toBe('errors.keychainLocked')
  })

  it('get of a missing entry on a healthy keychain is null', async () => {
    await expect(
      createKeychainStore({ backend: fakeKeyring().backend }).get(ref),
    ).resolves.toBeNull()
  })
})

describe('keychain store: secrets stay out of errors and logs', () => {
  it('redacts a back-end message that echoes the secret', async () => {
    const fake = fakeKeyring({
      fail: (op, service) =>
        op === 'set' && !service.endsWith('.probe')
          ? nativeError(`refused to store ${TOKEN}`)
          : undefined,
    })
    const sink = memorySink()
    const store = createKeychainStore({ backend: fake.backend, log: createLogger([sink]) })
    const failure = await errorOf(() => store.set(ref, TOKEN))
    expect(failure.code).toBe('keychain-failed')
    expect(failure.messageKey).toBe('errors.keychainFailed')
    expect(failure.detail).toContain('[redacted]')
    expect(`${failure.message}${failure.detail ?? ''}${failure.stack ?? ''}`).not.toContain(TOKEN)
    expect(sink.lines.join('\n')).not.toContain(TOKEN)
  })

  it('registers every value it reads, so the logger masks it even without a pattern', async () => {
    const fake = fakeKeyring()
    const plain = 'no-pattern-matches-this-value'
    fake.entries.set('system-user-assistant.imported-token/r9', plain)
    const store = createKeychainStore({ backend: fake.backend })
    await expect(store.get({ kind: 'imported-token', id: 'r9' })).resolves.toBe(plain)
    expect(redactText(`x ${plain} y`)).toBe('x [redacted] y')
  })
})

describe('keyring back end', () => {
  it('pins Linux to the Secret Service, never the kernel keyring', () => {
    expect(PINNED_ENTRY_OPTIONS).toEqual({ linux: { store: 'secret-service' } })
    expect(napiKeyringBackend('linux').name).toBe('secret-service')
    expect(backendNameFor('darwin')).toBe('macos-keychain')
    expect(backendNameFor('win32')).toBe('windows-credential-manager')
  })

  it.each([
    [
      'Secret Service: unlock prompt was dismissed',
      'keychain-unavailable',
      'errors.keychainLocked',
    ],
    [
      'Cannot create an item in a locked collection',
      'keychain-unavailable',
      'errors.keychainLocked',
    ],
    [
      "Couldn't access platform storage: AccessDenied",
      'keychain-unavailable',
      'errors.keychainUnavailable',
    ],
    [
      'Platform failure: DBus error: Failed to connect to socket /x: No such file',
      'keychain-unavailable',
      'errors.keychainUnavailable',
    ],
    ['Secret Service: no result found', 'keychain-unavailable', 'errors.keychainUnavailable'],
    ['Ambiguous: 2 credentials match', 'keychain-failed', 'errors.keychainFailed'],
  ])('classifies "%s"', (message, code, messageKey) => {
    const failure = classifyKeyringError(nativeError(message), 'detail')
    expect([failure.code, failure.messageKey, failure.detail]).toEqual([code, messageKey, 'detail'])
  })
})
