import type { Logger } from '../log/logger'
import { SimulatorModel } from './model'
import { SAMPLE_ID_BASE, seedSample } from './seeds/sample-seed'
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from './simulator'

/**
 * Practice mode's simulator, as main runs it: started on first need (not at launch, so a session
 * that never rehearses opens no port) and kept for the session. It hands main the simulator's base
 * URL and the sample app's id and secret; none of these ever reach the renderer, which only sees
 * the practice business's name.
 */

/** The sample app main signs practice calls with. The secret stays in main. */
export interface PracticeApp {
  readonly appId: string
  readonly appName: string
  readonly appSecret: string
}

export interface PracticeSession {
  /** 'http://127.0.0.1:<port>', what main's practice Graph client and login dialog target. */
  readonly graphBaseUrl: string
  readonly version: string
  readonly app: PracticeApp
  /** The running simulator itself: main only (tests set scenarios up through its model). */
  readonly simulator: RunningSimulator
}

export interface PracticeRuntime {
  /** The sample portfolio's name, known without starting anything. */
  readonly businessName: string
  /** True once the simulator has started in this session. */
  readonly started: boolean
  /** Starts the simulator on the first call; later calls get the same session. */
  session(): Promise<PracticeSession>
  /** Stops the simulator, if it runs (app quit, preview shutdown, end of a test). */
  close(): Promise<void>
}

export interface PracticeRuntimeOptions {
  /** Passed to startSimulator (a test clock, say); the seed is always the sample. */
  readonly simulator?: Omit<StartSimulatorOptions, 'seed'>
  readonly log?: Logger
}

let sampleName: string | undefined

/** The sample seed's business name, read from the seed itself on an in-memory model (no server). */
function sampleBusinessName(): string {
  sampleName ??= seedSample(new SimulatorModel(() => 0, SAMPLE_ID_BASE)).businessName
  return sampleName
}

export function createPracticeRuntime(options: PracticeRuntimeOptions = {}): PracticeRuntime {
  let starting: Promise<PracticeSession> | undefined
  let running: RunningSimulator | undefined

  const start = async (): Promise<PracticeSession> => {
    const simulator = await startSimulator({ ...options.simulator, seed: 'sample' })
    running = simulator
    const { fixtures } = simulator
    // Practice rehearses on an app set up the way Meta advises ("Require App Secret" on, Login
    // Security; docs/security-requirements.md SEC-15), so the newcomer's first preflight reads all
    // green. A test that wants the amber recommendation switches it off through the model.
    simulator.model.updateApp(fixtures.appId, { requireAppSecret: true })
    options.log?.info('practice.started', { port: new URL(simulator.baseUrl).port })
    return {
      graphBaseUrl: simulator.baseUrl,
      version: simulator.version,
      app: { appId: fixtures.appId, appName: fixtures.appName, appSecret: fixtures.appSecret },
      simulator,
    }
  }

  return {
    get businessName() {
      return sampleBusinessName()
    },
    get started() {
      return running !== undefined
    },
    session() {
      starting ??= start().catch((error: unknown) => {
        // A failed start (no free port, say) may succeed on the next try.
        starting = undefined
        throw error
      })
      return starting
    },
    async close() {
      // A start still under way is waited for, so its server cannot outlive the close.
      const pending = starting
      starting = undefined
      const session = pending ? await pending.catch(() => undefined) : undefined
      const simulator = running ?? session?.simulator
      running = undefined
      await simulator?.close()
    },
  }
}
