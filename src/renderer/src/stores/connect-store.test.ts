import { beforeEach, describe, expect, it } from 'vitest'
import type { ConnectionSummary } from '@shared/ipc/schemas/connect'
import { err, ok, type Result } from '@shared/result'
import { BLOCKED_REPORT, PRACTICE_CONNECTION } from '@test-support/renderer/connect-fixtures'
import {
  createFakeApi,
  deferred,
  PRACTICE_STATUS,
  type FakeApiOptions,
} from '@test-support/renderer/fake-api'
import { useAppStatusStore } from './app-status-store'
import { INITIAL_CONNECT_STATE, useConnectStore } from './connect-store'
import { useNavigationStore } from './navigation-store'

// Built at run time so the repository holds no secret-shaped literal (security gate SEC-12).
const SECRET = 'fedcba9876543210'.repeat(2)
const TOKEN = ['EAAG', 'canaryTokenForTheStoreTest123'].join('')

const state = () => useConnectStore.getState()
/** Everything the store holds, as text: a secret anywhere in it shows up here. */
const stored = (): string => JSON.stringify(state())

function install(options: FakeApiOptions = {}) {
  const fake = createFakeApi(options)
  window.api = fake.api
  return fake
}

/** Puts the store on the first Connect screen with real-business credentials typed in. */
function typeRealCredentials(): void {
  const actions = state()
  actions.startRequested()
  actions.modeChosen('real')
  actions.appIdChanged('123456789012345')
  actions.appSecretChanged(SECRET)
}

beforeEach(() => {
  useAppStatusStore.getState().reset()
  useNavigationStore.getState().reset()
  useConnectStore.getState().reset()
})

describe('connect store', () => {
  it('starts on the overview with nothing typed and nothing pending', () => {
    const { screen, mode, appSecret, token, activity, focusTarget } = state()
    expect({ screen, mode, appSecret, token, activity, focusTarget }).toEqual({
      screen: INITIAL_CONNECT_STATE.screen,
      mode: 'practice',
      appSecret: '',
      token: '',
      activity: 'idle',
      focusTarget: null,
    })
  })

  it('drops the secret in the very update that sends it, before Meta has answered', async () => {
    const answer = deferred<Result<ConnectionSummary>>()
    const fake = install({ connect: { signIn: () => answer.promise } })
    typeRealCredentials()
    expect(stored()).toContain(SECRET)

    const signingIn = state().signInRequested()
    expect(state().activity).toBe('signing-in')
    expect(stored()).not.toContain(SECRET)
    expect(fake.connect.signInWithFacebook[0]?.app).toEqual({
      mode: 'real',
      appId: '123456789012345',
      appSecret: SECRET,
    })

    answer.resolve(err('auth-invalid', 'graph.code.badClientSecret'))
    await signingIn
    expect(state().error?.messageKey).toBe('graph.code.badClientSecret')
    expect(stored()).not.toContain(SECRET)
  })

  it('drops a pasted token and the secret whatever the answer', async () => {
    for (const paste of [ok(PRACTICE_CONNECTION), err('auth-expired', 'graph.code.tokenExpired')]) {
      useConnectStore.getState().reset()
      install({ connect: { paste } })
      typeRealCredentials()
      state().tokenChanged(TOKEN)
      await state().tokenPasteRequested()
      expect(stored()).not.toContain(TOKEN)
      expect(stored()).not.toContain(SECRET)
    }
  })

  it('keeps what was typed when validation refuses it (nothing was sent)', async () => {
    const fake = install()
    typeRealCredentials()
    state().appIdChanged('not digits')
    await state().signInRequested()
    expect(fake.connect.signInWithFacebook).toEqual([])
    expect(state().fieldErrors).toEqual({ appId: 'connect.app.idDigits' })
    expect(state().focusTarget).toBe('appId')
    expect(state().appSecret).toBe(SECRET)
  })

  it('starts no second sign-in while one is waiting', async () => {
    const answer = deferred<Result<ConnectionSummary>>()
    const fake = install({ connect: { signIn: () => answer.promise } })
    state().startRequested()
    const first = state().signInRequested()
    await state().signInRequested()
    await state().tokenPasteRequested()
    expect(fake.connect.signInWithFacebook).toHaveLength(1)
    expect(fake.connect.connectWithToken).toHaveLength(0)
    answer.resolve(ok(PRACTICE_CONNECTION))
    await first
    expect(state().screen).toBe('businesses')
  })

  it('ignores a sign-in answer that arrives after the admin left the flow', async () => {
    const answer = deferred<Result<ConnectionSummary>>()
    const fake = install({ connect: { signIn: () => answer.promise } })
    state().startRequested()
    const signingIn = state().signInRequested()
    state().leaveRequested()
    answer.resolve(ok(PRACTICE_CONNECTION))
    await signingIn
    expect(state().screen).toBe('overview')
    expect(state().activity).toBe('idle')
    expect(fake.connect.listBusinesses).toBe(0)
  })

  it('will not add a system user while the preflight blocks it', async () => {
    install({
      status: ok({ ...PRACTICE_STATUS, connection: { ...PRACTICE_CONNECTION, businessId: '1' } }),
      connect: { preflight: ok(BLOCKED_REPORT) },
    })
    await useAppStatusStore.getState().retryRequested()
    state().startRequested()
    expect(state().screen).toBe('preflight')
    await expect.poll(() => state().preflight.phase).toBe('loaded')
    state().addSystemUserRequested()
    expect(state().screen).toBe('preflight')
  })

  it('forgets the connection on screen even when the status cannot be read after disconnecting', async () => {
    let statusCalls = 0
    install({
      status: async () => {
        statusCalls += 1
        return statusCalls === 1
          ? ok({ ...PRACTICE_STATUS, mode: 'real', connection: PRACTICE_CONNECTION })
          : err('internal', 'errors.internal')
      },
    })
    await useAppStatusStore.getState().retryRequested()
    state().disconnectRequested()
    expect(state().confirmingDisconnect).toBe(true)
    await state().disconnectConfirmed()
    const status = useAppStatusStore.getState().status
    expect(status.phase === 'loaded' && status.value.connection).toBe(null)
    expect(status.phase === 'loaded' && status.value.mode).toBe('practice')
    expect(state().confirmingDisconnect).toBe(false)
    expect(state().notice).toBe('connect.disconnect.done')
  })

  it('resets to the initial state and drops answers still on their way', async () => {
    const answer = deferred<Result<ConnectionSummary>>()
    install({ connect: { signIn: () => answer.promise } })
    state().startRequested()
    const signingIn = state().signInRequested()
    state().reset()
    answer.resolve(ok(PRACTICE_CONNECTION))
    await signingIn
    const { screen, activity, businesses } = state()
    expect({ screen, activity, businesses }).toEqual({
      screen: 'overview',
      activity: 'idle',
      businesses: INITIAL_CONNECT_STATE.businesses,
    })
  })
})
