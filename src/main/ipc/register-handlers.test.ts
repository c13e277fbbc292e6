import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '@shared/ipc/channels'
import { ok } from '@shared/result'
import { silentLogger } from '../log/logger'
import {
  electronFake,
  FakeBrowserWindow,
  FakeIpcMain,
  FakeWebFrame,
  resetElectronFake,
} from '../../../tests/support/node/electron-fake'
import { createDispatcher } from './dispatcher'
import {
  handlerSpies,
  totalCalls,
  type HandlerSpy,
} from '../../../tests/support/node/handler-spies'
import {
  createSenderCheck,
  registerAppIpc,
  registerIpcHandlers,
  sendEvent,
  type TrustedWindow,
} from './register-handlers'

vi.mock('electron', async () =>
  (await import('../../../tests/support/node/electron-fake')).electronModule(),
)

const FORBIDDEN = {
  ok: false,
  error: { code: 'forbidden-sender', messageKey: 'errors.forbiddenSender' },
}

describe('registerIpcHandlers', () => {
  let ipcMain: FakeIpcMain
  let win: FakeBrowserWindow
  let current: TrustedWindow | null
  let spies: ReturnType<typeof handlerSpies>['spies']
  let statusSpy: HandlerSpy

  beforeEach(() => {
    resetElectronFake()
    ipcMain = new FakeIpcMain()
    win = new FakeBrowserWindow({})
    current = win
    const built = handlerSpies()
    spies = built.spies
    statusSpy = spies['app:status-get']
    const dispatch = createDispatcher(built.table, silentLogger)
    registerIpcHandlers(
      ipcMain,
      dispatch,
      createSenderCheck(() => current, silentLogger),
    )
  })

  it('registers exactly one handler per contract channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toStrictEqual([...CHANNEL_NAMES].sort())
  })

  it('dispatches a request from the main frame of our window on app://vault', async () => {
    statusSpy.mockResolvedValueOnce(ok('reached'))
    const frame = win.webContents.mainFrame
    await ipcMain.invoke('app:status-get', { senderFrame: frame }, {})
    expect(statusSpy).toHaveBeenCalledTimes(1)
  })

  const forgeries: Array<[string, () => { senderFrame: FakeWebFrame | null }]> = [
    ['a null senderFrame (navigated or destroyed)', () => ({ senderFrame: null })],
    [
      'a subframe of our window',
      () => ({ senderFrame: new FakeWebFrame('app://vault/index.html') }),
    ],
    ['our main frame showing a file:// page', () => at(win, 'file:///etc/passwd')],
    ['our main frame showing https://evil.test', () => at(win, 'https://evil.test/')],
    ['our main frame showing another app host', () => at(win, 'app://evil/index.html')],
    ['our main frame with credentials in the URL', () => at(win, 'app://x@vault/index.html')],
    [
      'the main frame of another window',
      () => ({ senderFrame: new FakeBrowserWindow({}).webContents.mainFrame }),
    ],
  ]

  for (const [name, forge] of forgeries) {
    it(`refuses ${name} with forbidden-sender and runs no handler`, async () => {
      for (const channel of CHANNEL_NAMES) {
        expect(await ipcMain.invoke(channel, forge(), {})).toStrictEqual(FORBIDDEN)
      }
      expect(totalCalls(spies)).toBe(0)
    })
  }

  it('refuses everything once our window is destroyed or gone', async () => {
    const frame = win.webContents.mainFrame
    win.destroyed = true
    expect(await ipcMain.invoke('app:status-get', { senderFrame: frame }, {})).toStrictEqual(
      FORBIDDEN,
    )
    current = null
    expect(await ipcMain.invoke('app:status-get', { senderFrame: frame }, {})).toStrictEqual(
      FORBIDDEN,
    )
    expect(totalCalls(spies)).toBe(0)
  })

  it('refuses a frame that throws when read (disposed)', async () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    win.webContents.mainFrame.url = 'app://vault/index.html'
    const result = await ipcMain.invoke('app:status-get', { senderFrame: disposed }, {})
    expect(result).toStrictEqual(FORBIDDEN)
    expect(totalCalls(spies)).toBe(0)
  })
})

describe('foreign IPC listeners', () => {
  it("removes electron-store's raw ipcMain listener, which bypasses the sender check", () => {
    const ipcMain = new FakeIpcMain()
    ipcMain.on('electron-store-get-data', () => undefined)
    registerIpcHandlers(ipcMain, vi.fn(), () => true)
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(0)
  })
})

describe('registerAppIpc', () => {
  it("registers on Electron's own ipcMain", () => {
    resetElectronFake()
    registerAppIpc(vi.fn(), () => false)
    expect([...electronFake.ipcMain.handlers.keys()].sort()).toStrictEqual(
      [...CHANNEL_NAMES].sort(),
    )
  })
})

describe('sendEvent', () => {
  const status = {
    version: '0.1.0',
    mode: 'practice' as const,
    keychain: { available: true, backend: 'secret-service' },
    connection: null,
    practice: { businessName: 'Harbour Lane Bakery' },
    graphApi: { version: 'v27.0', retiresNotBefore: '2028-11-04', retiresInDays: null },
  }

  it('sends a payload that matches the contract', () => {
    const win = new FakeBrowserWindow({})
    expect(sendEvent(win, 'app:status-changed', status)).toBe(true)
    expect(win.webContents.sent).toStrictEqual([{ channel: 'app:status-changed', args: [status] }])
  })

  it('drops a payload with a field the contract does not name (a token, say)', () => {
    const win = new FakeBrowserWindow({})
    const leaky = { ...status, token: 'EAAGcanary' } as typeof status
    expect(sendEvent(win, 'app:status-changed', leaky)).toBe(false)
    expect(win.webContents.sent).toStrictEqual([])
  })

  it('sends nothing to a destroyed window', () => {
    const win = new FakeBrowserWindow({})
    win.destroyed = true
    expect(sendEvent(win, 'app:status-changed', status)).toBe(false)
    expect(win.webContents.sent).toStrictEqual([])
  })
})

describe('the one IPC registration point', () => {
  it('register-handlers.ts is the only source file that registers on ipcMain', () => {
    const src = join(import.meta.dirname, '../..')
    const raw = readdirSync(src, { withFileTypes: true, recursive: true })
      .filter(
        (entry) =>
          entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name),
      )
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) =>
        /\bipcMain\.(handle|handleOnce|on|once|addListener)\(/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => relative(src, file))
    expect(raw).toStrictEqual(['main/ipc/register-handlers.ts'])
  })
})

function at(win: FakeBrowserWindow, url: string): { senderFrame: FakeWebFrame } {
  win.webContents.mainFrame.url = url
  return { senderFrame: win.webContents.mainFrame }
}
