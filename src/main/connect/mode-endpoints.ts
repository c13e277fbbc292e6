import type { AppMode } from '@shared/ipc/schemas/mode'
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../graph/client'
import { systemClock } from '../graph/clock'
import { createRateLimitStore, rateLimitFile } from '../graph/rate-limit-store'
import type { Logger } from '../log/logger'
import type { PracticeApp, PracticeRuntime } from '../practice/practice-runtime'

/** Overrides for real mode: tests point it at a simulator on loopback. */
export interface RealEndpoints {
  readonly graphBaseUrl?: string
  /** Origin serving `/{version}/dialog/oauth`; default https://www.facebook.com. */
  readonly dialogBaseUrl?: string
  readonly version?: string
}

/** Where one mode's calls go: its Graph client and its login dialog. */
export interface GraphEndpoints {
  readonly client: GraphClient
  /** The Facebook Login dialog, e.g. https://www.facebook.com/v27.0/dialog/oauth. */
  readonly dialogUrl: string
}

/**
 * Where each mode's calls go. Practice: the simulator main started (practice-runtime.ts) for
 * both Graph and the login dialog. Real: `GRAPH_API_BASE_URL` (default graph.facebook.com,
 * docs/architecture.md › The Graph client) and Facebook Login's dialog on www.facebook.com. Keeping
 * the two clients apart also keeps their rate-limit state apart, so practice never slows a real
 * call down. Only the real client remembers closed buckets across launches
 * (`<dataDir>/rate-limits.json`, REL-01): the simulator starts fresh each launch, so a practice
 * close must not outlive it. The real client serves every app the admin connects, which is why its
 * app buckets are keyed per app (rate-limits.ts `appKeyOf`): a throttled app A, even remembered
 * across a relaunch, never holds app B's calls.
 */
export interface ModeEndpoints {
  forMode(mode: AppMode): Promise<GraphEndpoints>
  /** The sample app of practice mode (starts the simulator if needed). */
  practiceApp(): Promise<PracticeApp>
}

export interface ModeEndpointsDeps {
  readonly practice: PracticeRuntime
  readonly real?: RealEndpoints
  readonly log: Logger
  /** Where the real client keeps its closed rate-limit buckets; without it, in memory only. */
  readonly dataDir?: string
  /** Extra client settings (tests: no retries, a fake clock). Never a store: see `dataDir`. */
  readonly clientOptions?: Partial<
    Omit<GraphClientOptions, 'baseUrl' | 'version' | 'log' | 'rateLimitStore'>
  >
}

const FACEBOOK_WWW = 'https://www.facebook.com'

export function createModeEndpoints(deps: ModeEndpointsDeps): ModeEndpoints {
  let real: GraphEndpoints | undefined
  // One practice client per simulator: a new session (after close) gets a new base URL.
  let practice: { readonly baseUrl: string; readonly endpoints: GraphEndpoints } | undefined

  const realEndpoints = (): GraphEndpoints => {
    if (real) return real
    const client = createGraphClient({
      ...deps.clientOptions,
      ...(deps.real?.graphBaseUrl ? { baseUrl: deps.real.graphBaseUrl } : {}),
      ...(deps.real?.version ? { version: deps.real.version } : {}),
      ...(deps.dataDir
        ? {
            rateLimitStore: createRateLimitStore({
              file: rateLimitFile(deps.dataDir),
              log: deps.log,
              clock: deps.clientOptions?.clock ?? systemClock,
            }),
          }
        : {}),
      log: deps.log,
    })
    const dialogBase = (deps.real?.dialogBaseUrl ?? FACEBOOK_WWW).replace(/\/+$/, '')
    real = { client, dialogUrl: `${dialogBase}/${client.version}/dialog/oauth` }
    return real
  }

  const practiceEndpoints = async (): Promise<GraphEndpoints> => {
    const session = await deps.practice.session()
    if (practice?.baseUrl === session.graphBaseUrl) return practice.endpoints
    const client = createGraphClient({
      ...deps.clientOptions,
      baseUrl: session.graphBaseUrl,
      version: session.version,
      log: deps.log,
    })
    const endpoints = {
      client,
      dialogUrl: `${session.graphBaseUrl}/${session.version}/dialog/oauth`,
    }
    practice = { baseUrl: session.graphBaseUrl, endpoints }
    return endpoints
  }

  return {
    forMode: (mode) =>
      mode === 'practice' ? practiceEndpoints() : Promise.resolve(realEndpoints()),
    practiceApp: async () => (await deps.practice.session()).app,
  }
}
