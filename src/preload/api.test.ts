import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { API_METHOD_NAMES, CHANNELS, EVENTS } from '@shared/ipc/channels'
import { FakeContextBridge, FakeIpcRenderer } from '../../tests/support/node/renderer-fake'

const electronFake = vi.hoisted(() => ({
  ipcRenderer: null as unknown as FakeIpcRenderer,
  contextBridge: null as unknown as FakeContextBridge,
}))

vi.mock('electron', async () => {
  const fakes = await import('../../tests/support/node/renderer-fake')
  electronFake.ipcRenderer = new fakes.FakeIpcRenderer()
  electronFake.contextBridge = new fakes.FakeContextBridge()
  return { ...electronFake, default: electronFake }
})

type AnyApi = Record<string, (...args: unknown[]) => unknown>

describe('the preload bridge', () => {
  let api: AnyApi

  // The real preload entry, run once against the fake: it exposes `window.api` at import time.
  beforeAll(async () => {
    await import('./index')
    expect([...electronFake.contextBridge.exposed.keys()]).toStrictEqual(['api'])
    api = electronFake.contextBridge.exposed.get('api') as AnyApi
  })

  beforeEach(() => {
    electronFake.ipcRenderer.invocations.length = 0
  })

  it('exposes exactly API_METHOD_NAMES, all functions, frozen', () => {
    expect(Object.keys(api).sort()).toStrictEqual([...API_METHOD_NAMES].sort())
    expect(Object.values(api).every((member) => typeof member === 'function')).toBe(true)
    expect(Object.isFrozen(api)).toBe(true)
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) {
      expect(api).not.toHaveProperty(name)
    }
  })

  it('each channel method invokes its own channel, with {} when called without a request', async () => {
    for (const [channel, method] of Object.entries(CHANNELS)) {
      electronFake.ipcRenderer.invocations.length = 0
      electronFake.ipcRenderer.reply = (name) => ({ ok: true, value: `answer from ${name}` })
      expect(await api[method]!()).toStrictEqual({ ok: true, value: `answer from ${channel}` })
      await api[method]!({ query: 'x' })
      expect(electronFake.ipcRenderer.invocations).toStrictEqual([
        { channel, args: [{}] },
        { channel, args: [{ query: 'x' }] },
      ])
    }
  })

  it('event listeners get the payload only, never the IpcRendererEvent, and can unsubscribe', () => {
    for (const [event, method] of Object.entries(EVENTS)) {
      const received: unknown[][] = []
      const unsubscribe = api[method]!((...args: unknown[]) => received.push(args)) as () => void
      electronFake.ipcRenderer.sendFromMain(event, { n: 1 })
      expect(received).toStrictEqual([[{ n: 1 }]])
      unsubscribe()
      electronFake.ipcRenderer.sendFromMain(event, { n: 2 })
      expect(received).toHaveLength(1)
      expect(electronFake.ipcRenderer.listenerCount(event)).toBe(0)
    }
  })
})
