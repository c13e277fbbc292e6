import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '@shared/ipc/channels'
import { APP_ENTRY_URL } from './app-protocol'
import { readForm } from '../../tests/support/node/clicking-login-port'
import type { electronFake as ElectronFake } from '../../tests/support/node/electron-fake'
import { SETTLE } from '../../tests/support/node/waits'

vi.mock('electron', async () =>
  (await import('../../tests/support/node/electron-fake')).electronModule(),
)
// Unit scope: the real keychain is covered by tests/keychain; here the in-memory store stands in.
vi.mock('./secrets/keychain-store', async () => {
  const { createMemorySecretStore } = await import('./secrets/memory-secret-store')
  return { createKeychainStore: () => createMemorySecretStore() }
})

const flush = () => new Promise((resolve) => setImmediate(resolve))

/** Loads main/index.ts as Electron would, in a fresh module graph with a fresh fake. */
async function launch(options: { holdsLock: boolean }): Promise<typeof ElectronFake> {
  vi.resetModules()
  const { electronFake, resetElectronFake } = await import('../../tests/support/node/electron-fake')
  resetElectronFake()
  electronFake.app.holdsLock = options.holdsLock
  await import('./index')
  return electronFake
}

describe('main/index.ts', () => {
  let dataDir: string

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sua-main-'))
    vi.stubEnv('SUA_DATA_DIR', dataDir)
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('sandboxes and registers the scheme before ready, then wires everything once ready', async () => {
    const fake = await launch({ holdsLock: true })
    expect(fake.app.getPath('userData')).toBe(dataDir)
    expect(fake.timeline).toStrictEqual([
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ])
    expect(fake.ipcMain.handlers.size).toBe(0)
    expect(fake.windows).toHaveLength(0)

    fake.app.markReady()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), SETTLE)
    expect(fake.timeline.slice(3)).toStrictEqual(['ready', 'window-created'])

    expect([...fake.ipcMain.handlers.keys()].sort()).toStrictEqual([...CHANNEL_NAMES].sort())
    expect([...fake.protocol.handlers.keys()]).toStrictEqual(['app'])
    expect(fake.session.defaultSession.checkPermission('media')).toBe(false)
    expect(fake.session.defaultSession.request('https://graph.facebook.com/')).toStrictEqual({
      cancel: true,
    })
    const win = fake.windows[0]!
    expect(win.loadedUrl).toBe(APP_ENTRY_URL)
    expect(win.options.webPreferences?.sandbox).toBe(true)

    // A real request through the registered handler reaches the real services.
    const status = await fake.ipcMain.invoke(
      'app:status-get',
      { senderFrame: win.webContents.mainFrame },
      {},
    )
    expect(status).toMatchObject({ ok: true, value: { version: '0.1.0-test', mode: 'practice' } })

    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true)
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('app.started')
  })

  it('focuses (and restores) the window when a second instance starts', async () => {
    const fake = await launch({ holdsLock: true })
    fake.app.markReady()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), SETTLE)
    const win = fake.windows[0]!
    win.minimized = true
    fake.app.emit('second-instance')
    expect(win.minimized).toBe(false)
    expect(win.focused).toBe(true)
  })

  it('refuses IPC once the window is closed, and quits when no window is left', async () => {
    const fake = await launch({ holdsLock: true })
    fake.app.markReady()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), SETTLE)
    const win = fake.windows[0]!
    const frame = win.webContents.mainFrame
    win.close()
    fake.app.emit('window-all-closed')
    expect(fake.timeline).toContain('quit')
    expect(await fake.ipcMain.invoke('app:status-get', { senderFrame: frame }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
  })

  it('as the second instance, quits and builds nothing', async () => {
    const fake = await launch({ holdsLock: false })
    expect(fake.timeline).toStrictEqual([
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
      'quit',
    ])
    fake.app.markReady()
    await flush()
    expect(fake.windows).toHaveLength(0)
    expect(fake.ipcMain.handlers.size).toBe(0)
    expect(fake.protocol.handlers.size).toBe(0)
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(false)
  })

  it('signs in through a login window of its own, then tells the main window', async () => {
    const fake = await launch({ holdsLock: true })
    fake.app.markReady()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), SETTLE)
    const main = fake.windows[0]!
    const frame = main.webContents.mainFrame
    const pending = fake.ipcMain.invoke(
      'connect:sign-in',
      { senderFrame: frame },
      { app: { mode: 'practice' } },
    )
    // The login window opens on the practice simulator's dialog (main started it on demand).
    await vi.waitFor(() => expect(fake.windows).toHaveLength(2), SETTLE)
    const login = fake.windows[1]!
    expect(login.options.webPreferences).not.toHaveProperty('preload')
    const dialogUrl = login.loadedUrl ?? ''
    expect(dialogUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v27\.0\/dialog\/oauth\?/)

    // The admin presses Continue; the dialog redirects to Facebook's desktop landing page.
    const form = readForm(await (await fetch(dialogUrl)).text())
    const confirm = await fetch(new URL(form.action, dialogUrl), {
      method: 'POST',
      body: new URLSearchParams({ ...form.fields, decision: 'allow' }),
      redirect: 'manual',
    })
    const location = confirm.headers.get('location') ?? ''
    expect(location).toMatch(/^https:\/\/www\.facebook\.com\/connect\/login_success\.html\?/)
    expect(login.webContents.firePreventable('will-redirect', location)).toBe(true)

    expect(await pending).toMatchObject({ ok: true, value: { mode: 'practice' } })
    expect(login.destroyed).toBe(true)
    await vi.waitFor(
      () =>
        expect(main.webContents.sent.map((message) => message.channel)).toContain(
          'app:status-changed',
        ),
      SETTLE,
    )
    // The practice simulator stops with the app.
    fake.app.emit('will-quit')
    await vi.waitFor(async () => {
      await expect(fetch(dialogUrl)).rejects.toThrow()
    }, SETTLE)
  })
})
