import { describe, expect, it } from 'vitest'
import type { PreloadProbe } from './preload-electron-fake'
import { checkExposedApi, evaluatePreload, type ContractTables } from './preload-runtime'
import { checkPreloadStatic, preloadModuleGraph } from './preload-static'
import type { SourceText } from './source-files'

const CHANNELS_TS: SourceText = {
  path: 'src/shared/ipc/channels.ts',
  text: "export const CHANNELS = { 'app:status-get': 'getAppStatus' } as const\nexport const EVENTS = { 'app:status-changed': 'onAppStatusChanged' } as const\n",
}

const API_TS: SourceText = {
  path: 'src/preload/api.ts',
  text: [
    "import { CHANNELS, EVENTS } from '@shared/ipc/channels'",
    "import type { Api } from '@shared/ipc/api-types'",
    'export function createApi(ipc: Transport): Api {',
    '  const api: Record<string, unknown> = {}',
    '  for (const [channel, method] of Object.entries(CHANNELS)) api[method] = (request: unknown) => ipc.invoke(channel, request)',
    '  for (const [event, method] of Object.entries(EVENTS)) {',
    '    api[method] = (listener: (payload: unknown) => void) => {',
    '      const forward = (_event: unknown, payload: unknown) => listener(payload)',
    '      ipc.on(event, forward)',
    '      return () => ipc.removeListener(event, forward)',
    '    }',
    '  }',
    '  return Object.freeze(api) as Api',
    '}',
  ].join('\n'),
}

const ENTRY = (body: string): SourceText => ({
  path: 'src/preload/index.ts',
  text: `import { contextBridge, ipcRenderer } from 'electron'\nimport { createApi } from './api'\n${body}\n`,
})

const CLEAN = [
  CHANNELS_TS,
  API_TS,
  ENTRY("contextBridge.exposeInMainWorld('api', createApi(ipcRenderer))"),
]

function codes(sources: readonly SourceText[]): string[] {
  return checkPreloadStatic(sources).findings.map((finding) => finding.code)
}

describe('the preload, statically (SEC-07)', () => {
  it('passes a surface built from the contract, and says by what', () => {
    const result = checkPreloadStatic(CLEAN)
    expect(result.findings).toStrictEqual([])
    expect(result.figures).toMatchObject({
      exposeInMainWorldCalls: 1,
      surfaceBuiltBy: 'createApi(CHANNELS, EVENTS) in src/preload/api.ts',
      listenerRegistrations: 1,
    })
  })

  it('follows only runtime imports into the bundle', () => {
    const graph = preloadModuleGraph([
      ...CLEAN,
      { path: 'src/shared/ipc/api-types.ts', text: 'export type Api = {}' },
    ])
    expect(graph.map((source) => source.path).sort()).toStrictEqual([
      'src/preload/api.ts',
      'src/preload/index.ts',
      'src/shared/ipc/channels.ts',
    ])
  })

  it('refuses a hand-written object as the surface', () => {
    const entry = ENTRY(
      "contextBridge.exposeInMainWorld('api', { getAppStatus: () => ipcRenderer.invoke('app:status-get') })",
    )
    expect(codes([CHANNELS_TS, API_TS, entry])).toContain('surface-not-from-contract')
  })

  it('finds ipcRenderer exposed beside the built surface', () => {
    const entry = ENTRY(
      "contextBridge.exposeInMainWorld('api', { ...createApi(ipcRenderer), send: ipcRenderer.send })",
    )
    expect(codes([CHANNELS_TS, API_TS, entry])).toEqual(
      expect.arrayContaining(['surface-not-from-contract', 'ipc-renderer-exposed']),
    )
  })

  it('finds a second exposure', () => {
    const entry = ENTRY(
      "contextBridge.exposeInMainWorld('api', createApi(ipcRenderer))\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer)",
    )
    expect(codes([CHANNELS_TS, API_TS, entry])).toEqual(
      expect.arrayContaining(['exposure-count', 'ipc-renderer-exposed']),
    )
  })

  it("finds the page's callback passed straight to .on", () => {
    const api = {
      ...API_TS,
      text: API_TS.text.replace('ipc.on(event, forward)', 'ipc.on(event, listener)'),
    }
    expect(codes([CHANNELS_TS, api, CLEAN[2] as SourceText])).toContain('listener-passed-through')
  })

  it('finds a wrapper that forwards the IpcRendererEvent', () => {
    const api = {
      ...API_TS,
      text: API_TS.text.replace(
        '(_event: unknown, payload: unknown) => listener(payload)',
        '(event: unknown) => listener(event)',
      ),
    }
    expect(codes([CHANNELS_TS, api, CLEAN[2] as SourceText])).toContain('event-forwarded')
  })

  it('fails when there is no preload', () => {
    expect(codes([CHANNELS_TS])).toStrictEqual(['preload-missing'])
  })
})

const CONTRACT: ContractTables = {
  CHANNELS: { 'app:status-get': 'getAppStatus', 'vault:records-list': 'listVaultRecords' },
  EVENTS: { 'app:status-changed': 'onAppStatusChanged' },
  API_METHOD_NAMES: ['getAppStatus', 'listVaultRecords', 'onAppStatusChanged'],
}

function freshProbe(): PreloadProbe {
  return { exposed: [], invocations: [], listeners: [], sends: [] }
}

/** A well-behaved API over the probe, as createApi builds it; `change` seeds one violation. */
function buildApi(
  probe: PreloadProbe,
  change: (api: Record<string, unknown>) => void = () => undefined,
) {
  const api: Record<string, unknown> = {}
  for (const [channel, method] of Object.entries(CONTRACT.CHANNELS)) {
    api[method] = async (request: unknown) => {
      probe.invocations.push({ channel, args: [request] })
    }
  }
  api.onAppStatusChanged = (listener: (payload: unknown) => void) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload)
    probe.listeners.push({ channel: 'app:status-changed', listener: forward })
    return () =>
      probe.listeners.splice(
        probe.listeners.findIndex((entry) => entry.listener === forward),
        1,
      )
  }
  change(api)
  return [{ key: 'api', value: api }]
}

async function runtimeCodes(change: (api: Record<string, unknown>, probe: PreloadProbe) => void) {
  const probe = freshProbe()
  const { findings } = await checkExposedApi(
    buildApi(probe, (api) => change(api, probe)),
    CONTRACT,
    probe,
  )
  return findings.map((finding) => finding.code)
}

describe('the preload, evaluated (SEC-07)', () => {
  it('passes an API whose keys equal the contract', async () => {
    const probe = freshProbe()
    const result = await checkExposedApi(buildApi(probe), CONTRACT, probe)
    expect(result.findings).toStrictEqual([])
    expect(result.figures).toMatchObject({
      exposedKeysMatchingContract: '3 of 3',
      exposedKeysEqualContract: true,
    })
  })

  it('finds an extra generic method and a missing one', async () => {
    expect(
      await runtimeCodes((api) => {
        api.send = () => undefined
        delete api.listVaultRecords
      }),
    ).toContain('exposed-keys-mismatch')
  })

  it('finds a method that lets the page choose the channel', async () => {
    const found = await runtimeCodes((api, probe) => {
      api.getAppStatus = async (request: unknown, channel: unknown) => {
        probe.invocations.push({ channel: String(channel), args: [request] })
      }
    })
    expect(found).toContain('method-channel-mismatch')
  })

  it("finds the page's callback registered as the listener, with the event passed on", async () => {
    const found = await runtimeCodes((api, probe) => {
      api.onAppStatusChanged = (listener: (...args: unknown[]) => void) => {
        probe.listeners.push({ channel: 'app:status-changed', listener })
      }
    })
    expect(found).toEqual(expect.arrayContaining(['listener-passed-through', 'event-forwarded']))
  })

  it('passes the real preload of this repository', async () => {
    const result = await evaluatePreload(process.cwd())
    expect(result.findings.filter((finding) => finding.level === 'error')).toStrictEqual([])
    expect(result.figures.exposedKeysEqualContract).toBe(true)
  })
})
