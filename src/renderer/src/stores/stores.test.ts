import { beforeEach, describe, expect, it } from 'vitest'
import { err, ok, type Result } from '@shared/result'
import type { AppStatus } from '@shared/ipc/schemas/app'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import {
  createFakeApi,
  deferred,
  makeRecord,
  NO_KEYCHAIN_STATUS,
  PRACTICE_STATUS,
} from '@test-support/renderer/fake-api'
import { INITIAL_APP_STATUS_STATE, useAppStatusStore } from './app-status-store'
import { INITIAL_NAVIGATION_STATE, useNavigationStore } from './navigation-store'
import { INITIAL_VAULT_LIST_STATE, useVaultListStore } from './vault-list-store'

type VaultAnswer = Result<{ records: VaultRecordSummary[] }>

const pick = <T extends object>(state: T, keys: readonly (keyof T)[]): Partial<T> =>
  Object.fromEntries(keys.map((key) => [key, state[key]])) as Partial<T>

/** Lets every pending promise chain finish (a macrotask runs only after all microtasks). */
const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  useAppStatusStore.getState().reset()
  useNavigationStore.getState().reset()
  useVaultListStore.getState().reset()
})

describe('navigation store', () => {
  it('starts on setup without asking for focus', () => {
    expect(pick(useNavigationStore.getState(), ['home', 'headingFocusPending'])).toEqual(
      INITIAL_NAVIGATION_STATE,
    )
    expect(INITIAL_NAVIGATION_STATE).toEqual({ home: 'flow', headingFocusPending: false })
  })

  it('records the chosen home and a pending heading focus until it is done', () => {
    useNavigationStore.getState().homeChosen('vault')
    expect(useNavigationStore.getState().home).toBe('vault')
    expect(useNavigationStore.getState().headingFocusPending).toBe(true)
    useNavigationStore.getState().headingFocused()
    expect(useNavigationStore.getState().headingFocusPending).toBe(false)
  })

  it('resets to the initial state', () => {
    useNavigationStore.getState().homeChosen('vault')
    useNavigationStore.getState().reset()
    expect(pick(useNavigationStore.getState(), ['home', 'headingFocusPending'])).toEqual(
      INITIAL_NAVIGATION_STATE,
    )
  })
})

describe('app status store', () => {
  it('loads the status when the app starts and subscribes to changes', async () => {
    const fake = createFakeApi()
    window.api = fake.api
    const unsubscribe = useAppStatusStore.getState().appStarted()
    expect(useAppStatusStore.getState().status).toEqual({ phase: 'loading' })
    await expect.poll(() => useAppStatusStore.getState().status.phase).toBe('loaded')
    expect(useAppStatusStore.getState().status).toEqual({ phase: 'loaded', value: PRACTICE_STATUS })

    fake.emitStatus(NO_KEYCHAIN_STATUS)
    expect(useAppStatusStore.getState().status).toEqual({
      phase: 'loaded',
      value: NO_KEYCHAIN_STATUS,
    })
    unsubscribe()
    expect(fake.listenerCount()).toBe(0)
  })

  it('keeps a pushed status when the slower first answer arrives later', async () => {
    const first = deferred<Result<AppStatus>>()
    const fake = createFakeApi({ status: () => first.promise })
    window.api = fake.api
    useAppStatusStore.getState().appStarted()
    fake.emitStatus(NO_KEYCHAIN_STATUS)
    first.resolve(ok(PRACTICE_STATUS))
    await settled()
    expect(useAppStatusStore.getState().status).toEqual({
      phase: 'loaded',
      value: NO_KEYCHAIN_STATUS,
    })
  })

  it('stores a failed Result as a failed state with its AppError', async () => {
    window.api = createFakeApi({ status: err('keychain-failed', 'errors.keychainFailed') }).api
    useAppStatusStore.getState().appStarted()
    await expect.poll(() => useAppStatusStore.getState().status.phase).toBe('failed')
    expect(useAppStatusStore.getState().status).toEqual({
      phase: 'failed',
      error: { code: 'keychain-failed', messageKey: 'errors.keychainFailed' },
    })
  })

  it('reports a missing bridge as an internal error instead of crashing', () => {
    // @ts-expect-error simulating a page opened without preload
    window.api = undefined
    const unsubscribe = useAppStatusStore.getState().appStarted()
    expect(useAppStatusStore.getState().status).toEqual({
      phase: 'failed',
      error: { code: 'internal', messageKey: 'errors.internal' },
    })
    expect(unsubscribe).not.toThrow()
  })

  it('resets to the initial state and ignores answers still on their way', async () => {
    const late = deferred<Result<AppStatus>>()
    window.api = createFakeApi({ status: () => late.promise }).api
    useAppStatusStore.getState().appStarted()
    useAppStatusStore.getState().reset()
    expect(pick(useAppStatusStore.getState(), ['status'])).toEqual(INITIAL_APP_STATUS_STATE)
    late.resolve(ok(PRACTICE_STATUS))
    await settled()
    expect(pick(useAppStatusStore.getState(), ['status'])).toEqual(INITIAL_APP_STATUS_STATE)
  })
})

describe('vault list store', () => {
  it('loads the records when the vault opens', async () => {
    const records = [makeRecord()]
    window.api = createFakeApi({ vault: ok({ records }) }).api
    const opened = useVaultListStore.getState().vaultOpened()
    expect(useVaultListStore.getState().list).toEqual({ phase: 'loading' })
    await opened
    expect(useVaultListStore.getState().list).toMatchObject({
      phase: 'loaded',
      value: { records, total: 1, matched: 1, offset: 0 },
    })
  })

  it('shows only the latest answer when requests overlap', async () => {
    const answers = [deferred<VaultAnswer>(), deferred<VaultAnswer>()]
    let call = 0
    window.api = createFakeApi({ vault: () => answers[call++]!.promise }).api
    const first = useVaultListStore.getState().vaultOpened()
    const second = useVaultListStore.getState().vaultOpened()
    const newer = [makeRecord({ id: 'newer' })]
    answers[1]!.resolve(ok({ records: newer }))
    await second
    answers[0]!.resolve(ok({ records: [makeRecord({ id: 'older' })] }))
    await first
    expect(useVaultListStore.getState().list).toMatchObject({ value: { records: newer } })
  })

  it('keeps the AppError of a failed list', async () => {
    window.api = createFakeApi({ vault: err('storage-failed', 'errors.storageFailed') }).api
    await useVaultListStore.getState().vaultOpened()
    expect(useVaultListStore.getState().list).toEqual({
      phase: 'failed',
      error: { code: 'storage-failed', messageKey: 'errors.storageFailed' },
    })
  })

  it('resets to the initial state and drops an answer still on its way', async () => {
    const late = deferred<VaultAnswer>()
    window.api = createFakeApi({ vault: () => late.promise }).api
    const opened = useVaultListStore.getState().vaultOpened()
    useVaultListStore.getState().reset()
    late.resolve(ok({ records: [makeRecord()] }))
    await opened
    expect(
      pick(useVaultListStore.getState(), [
        'list',
        'reminders',
        'searchText',
        'statusFilter',
        'offset',
        'health',
        'healthError',
      ]),
    ).toEqual(INITIAL_VAULT_LIST_STATE)
  })
})
