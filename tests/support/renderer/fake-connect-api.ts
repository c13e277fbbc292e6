import type { Api } from '@shared/ipc/api-types'
import type { AppStatus } from '@shared/ipc/schemas/app'
import type { ConnectionSummary, PreflightReport } from '@shared/ipc/schemas/connect'
import { ok, type Result } from '@shared/result'
import { GREEN_REPORT, PRACTICE_CONNECTION, SAMPLE_BUSINESSES } from './connect-fixtures'

type ConnectAnswer<T> = Result<T> | ((request?: unknown) => Promise<Result<T>>)

type ConnectMethods = Pick<
  Api,
  | 'signInWithFacebook'
  | 'cancelSignIn'
  | 'connectWithToken'
  | 'listBusinesses'
  | 'chooseBusiness'
  | 'runPreflight'
  | 'disconnect'
>

type Answered<M extends keyof ConnectMethods> =
  Awaited<ReturnType<ConnectMethods[M]>> extends Result<infer T> ? T : never

/** How the fake answers each Connect call; every answer defaults to the happy practice path. */
export interface FakeConnectOptions {
  readonly signIn?: ConnectAnswer<ConnectionSummary>
  readonly cancel?: ConnectAnswer<Answered<'cancelSignIn'>>
  readonly paste?: ConnectAnswer<ConnectionSummary>
  readonly businesses?: ConnectAnswer<Answered<'listBusinesses'>>
  readonly choose?: ConnectAnswer<ConnectionSummary>
  readonly preflight?: ConnectAnswer<PreflightReport>
  readonly disconnect?: ConnectAnswer<Answered<'disconnect'>>
}

/** Every Connect request the fake received, secrets included (tests check what was sent). */
export interface FakeConnectCalls {
  signInWithFacebook: Parameters<ConnectMethods['signInWithFacebook']>[0][]
  cancelSignIn: number
  connectWithToken: Parameters<ConnectMethods['connectWithToken']>[0][]
  listBusinesses: number
  chooseBusiness: string[]
  runPreflight: number
  disconnect: number
}

const answer = async <T>(value: ConnectAnswer<T>): Promise<Result<T>> =>
  typeof value === 'function' ? value() : value

/**
 * The Connect half of the fake bridge. Like main, it remembers the connection a successful call
 * made, and the status it reports afterwards carries it (mode 'real' only for a real one).
 */
export function createFakeConnect(options: FakeConnectOptions = {}): {
  readonly methods: ConnectMethods
  readonly calls: FakeConnectCalls
  readonly withConnection: (status: Result<AppStatus>) => Result<AppStatus>
} {
  // undefined: no Connect call has changed anything, so the status answers as configured.
  let connection: ConnectionSummary | null | undefined
  const calls: FakeConnectCalls = {
    signInWithFacebook: [],
    cancelSignIn: 0,
    connectWithToken: [],
    listBusinesses: 0,
    chooseBusiness: [],
    runPreflight: 0,
    disconnect: 0,
  }
  const connected = (result: Result<ConnectionSummary>): Result<ConnectionSummary> => {
    if (result.ok) connection = result.value
    return result
  }
  const methods: ConnectMethods = {
    signInWithFacebook: async (request) => {
      calls.signInWithFacebook.push(request)
      return connected(await answer(options.signIn ?? ok(PRACTICE_CONNECTION)))
    },
    cancelSignIn: async () => {
      calls.cancelSignIn += 1
      return answer(options.cancel ?? ok({ cancelled: true }))
    },
    connectWithToken: async (request) => {
      calls.connectWithToken.push(request)
      return connected(await answer(options.paste ?? ok(PRACTICE_CONNECTION)))
    },
    listBusinesses: async () => {
      calls.listBusinesses += 1
      return answer(
        options.businesses ?? ok({ businesses: SAMPLE_BUSINESSES, rememberedBusinessId: null }),
      )
    },
    chooseBusiness: async ({ businessId }) => {
      calls.chooseBusiness.push(businessId)
      const name = SAMPLE_BUSINESSES.find((business) => business.id === businessId)?.name
      const chosen = { ...(connection ?? PRACTICE_CONNECTION), businessId, businessName: name }
      return connected(await answer(options.choose ?? ok(chosen)))
    },
    runPreflight: async () => {
      calls.runPreflight += 1
      return answer(options.preflight ?? ok(GREEN_REPORT))
    },
    disconnect: async () => {
      calls.disconnect += 1
      const result = await answer(options.disconnect ?? ok({ disconnected: true as const }))
      if (result.ok) connection = null
      return result
    },
  }
  const withConnection = (status: Result<AppStatus>): Result<AppStatus> =>
    status.ok && connection !== undefined
      ? ok({
          ...status.value,
          connection,
          mode: connection?.mode ?? 'practice',
        })
      : status
  return { methods, calls, withConnection }
}
