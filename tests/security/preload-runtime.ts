import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { runnerImport } from 'vite'
import { note, problem, type Finding } from './gate'
import { preloadProbe, resetPreloadProbe, type PreloadProbe } from './preload-electron-fake'

/**
 * SEC-07, evaluated: the real preload entry runs against a recording fake of 'electron', and what
 * it exposed is compared with the contract: exactly API_METHOD_NAMES, each channel method invoking
 * its own channel whatever the page passes, each event method wrapping the page's callback and
 * handing it the payload only.
 */

export interface ContractTables {
  readonly CHANNELS: Readonly<Record<string, string>>
  readonly EVENTS: Readonly<Record<string, string>>
  readonly API_METHOD_NAMES: readonly string[]
}

const FAKE_ELECTRON = join(import.meta.dirname, 'preload-electron-fake.ts')

/** Loads a module of the tree at `root` the way the app's bundler would (aliases included). */
export async function importFromTree<T>(
  root: string,
  path: string,
  fakeElectron = false,
): Promise<T> {
  const alias = [
    { find: /^@shared\//, replacement: `${join(root, 'src/shared')}/` },
    ...(fakeElectron ? [{ find: /^electron$/, replacement: FAKE_ELECTRON }] : []),
  ]
  const { module } = await runnerImport<T>(join(root, path), {
    configFile: false,
    logLevel: 'silent',
    resolve: { alias },
  })
  return module
}

function sameSet(actual: readonly string[], expected: readonly string[]) {
  const missing = expected.filter((name) => !actual.includes(name))
  const extra = actual.filter((name) => !expected.includes(name))
  return { missing, extra }
}

async function checkChannelMethod(
  api: Record<string, unknown>,
  channel: string,
  method: string,
  probe: PreloadProbe,
): Promise<Finding | null> {
  const member = api[method]
  if (typeof member !== 'function') return null
  probe.invocations.length = 0
  probe.sends.length = 0
  try {
    // A page trying to steer the call: a foreign channel name as an extra argument.
    await (member as (...args: unknown[]) => unknown)({}, 'vault:secret-reveal', 'app:anything')
  } catch (error) {
    return problem('method-threw', `${method} threw: ${String(error)}`)
  }
  const channels = [...probe.invocations, ...probe.sends].map((call) => call.channel)
  if (!isDeepStrictEqual(channels, [channel])) {
    return problem(
      'method-channel-mismatch',
      `${method} reached [${channels.join(', ')}] instead of exactly ${channel}`,
    )
  }
  return null
}

function checkEventMethod(
  api: Record<string, unknown>,
  event: string,
  method: string,
  probe: PreloadProbe,
): Finding[] {
  const member = api[method]
  if (typeof member !== 'function') return []
  probe.listeners.length = 0
  const received: unknown[][] = []
  const pageCallback = (...args: unknown[]) => {
    received.push(args)
  }
  const unsubscribe = (member as (listener: unknown) => unknown)(pageCallback)
  const registered = probe.listeners.filter((entry) => entry.channel === event)
  if (registered.length !== 1) {
    return [
      problem(
        'event-not-subscribed',
        `${method} registered ${registered.length} listeners on ${event}`,
      ),
    ]
  }
  const findings: Finding[] = []
  const listener = (registered[0] as PreloadProbe['listeners'][number]).listener
  if (listener === pageCallback) {
    findings.push(
      problem('listener-passed-through', `${method} hands the page's callback to ipcRenderer.on`),
    )
  }
  const ipcEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] }
  const payload = { probe: 'payload' }
  listener(ipcEvent, payload)
  if (!isDeepStrictEqual(received, [[payload]])) {
    findings.push(problem('event-forwarded', `${method} gives the page more than the payload`))
  }
  if (typeof unsubscribe === 'function') (unsubscribe as () => void)()
  if (probe.listeners.some((entry) => entry.channel === event)) {
    findings.push(
      note('unsubscribe-leaks', `${method}'s unsubscribe leaves its listener registered`),
    )
  }
  return findings
}

/** Compares one exposed API object with the contract's tables. */
export async function checkExposedApi(
  exposed: readonly { key: string; value: unknown }[],
  contract: ContractTables,
  probe: PreloadProbe = preloadProbe(),
): Promise<{ figures: Record<string, number | string | boolean>; findings: Finding[] }> {
  const findings: Finding[] = []
  if (exposed.length !== 1) {
    findings.push(problem('exposure-count', `the preload exposed ${exposed.length} objects, not 1`))
  }
  const first = exposed[0]
  const api =
    first && typeof first.value === 'object' && first.value !== null
      ? (first.value as Record<string, unknown>)
      : {}
  const keys = Object.keys(api)
  const { missing, extra } = sameSet(keys, contract.API_METHOD_NAMES)
  if (missing.length > 0 || extra.length > 0) {
    findings.push(
      problem(
        'exposed-keys-mismatch',
        `window.api differs from API_METHOD_NAMES: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`,
      ),
    )
  }
  for (const key of keys) {
    if (typeof api[key] !== 'function') {
      findings.push(problem('exposed-non-function', `window.api.${key} is not a function`))
    }
  }
  for (const [channel, method] of Object.entries(contract.CHANNELS)) {
    const finding = await checkChannelMethod(api, channel, method, probe)
    if (finding) findings.push(finding)
  }
  for (const [event, method] of Object.entries(contract.EVENTS)) {
    findings.push(...checkEventMethod(api, event, method, probe))
  }
  const matching = keys.filter((key) => contract.API_METHOD_NAMES.includes(key)).length
  return {
    figures: {
      exposedKeys: keys.length,
      contractKeys: contract.API_METHOD_NAMES.length,
      exposedKeysMatchingContract: `${matching} of ${contract.API_METHOD_NAMES.length}`,
      exposedKeysEqualContract: missing.length === 0 && extra.length === 0,
    },
    findings,
  }
}

/** Evaluations share the fake's global probe, so they take turns. */
let queue: Promise<unknown> = Promise.resolve()

/** Runs `src/preload/index.ts` of the tree at `root` against the fake and checks what it exposed. */
export function evaluatePreload(root: string): ReturnType<typeof checkExposedApi> {
  const turn = queue.then(async () => {
    const contract = await importFromTree<ContractTables>(root, 'src/shared/ipc/channels.ts')
    resetPreloadProbe()
    await importFromTree(root, 'src/preload/index.ts', true)
    const probe = preloadProbe()
    return checkExposedApi([...probe.exposed], contract, probe)
  })
  queue = turn.catch(() => undefined)
  return turn
}
