import { describe, expect, it } from 'vitest'
import { scanElectronUsage } from './electron-usage'
import { checkSources, IPC_MAIN_ADAPTER, WINDOW_FACTORY } from './gates/factory-adapters'
import type { SourceText } from './source-files'

/**
 * A clean tree in the shape docs/architecture.md describes: the factory, the adapter, the preload.
 */
const CLEAN: readonly SourceText[] = [
  {
    path: WINDOW_FACTORY,
    text: [
      "import { BrowserWindow } from 'electron'",
      'export function createMainWindow(): BrowserWindow {',
      '  return new BrowserWindow({ webPreferences: { sandbox: true } })',
      '}',
    ].join('\n'),
  },
  {
    path: IPC_MAIN_ADAPTER,
    text: [
      "import { ipcMain, type IpcMain } from 'electron'",
      // A parameter named like the import is an injected port, not Electron's object.
      'export function registerIpcHandlers(ipcMain: Pick<IpcMain, "handle">): void {',
      "  ipcMain.handle('app:status-get', () => ({ ok: true }))",
      '}',
      'export const registerAppIpc = () => registerIpcHandlers(ipcMain)',
    ].join('\n'),
  },
  {
    path: 'src/preload/index.ts',
    text: "import { contextBridge, ipcRenderer } from 'electron'\ncontextBridge.exposeInMainWorld('api', { invoke: ipcRenderer.invoke })\n",
  },
  {
    path: 'tests/support/node/fake.ts',
    text: 'export const fake = { ipcMain: { handle() {} }, ipcRenderer: {} }\nfake.ipcMain.handle()\n',
  },
]

function codesFor(extra: SourceText): string[] {
  return checkSources([...CLEAN, extra]).findings.map((finding) => finding.code)
}

describe('the factory and adapters check (SEC-01, SEC-08)', () => {
  it('passes the clean tree and counts each site', () => {
    const { figures, findings } = checkSources(CLEAN)
    expect(findings).toStrictEqual([])
    expect(figures).toMatchObject({
      browserWindowConstructions: 1,
      filesWithNewBrowserWindow: 1,
      ipcMainUses: 1,
      ipcMainUsesOutsideAdapter: 0,
      rawIpcMainRegistrationsOutsideAdapter: 0,
      ipcRendererUses: 1,
      ipcRendererUsesOutsidePreload: 0,
    })
  })

  it.each([
    ['a plain import', "import { BrowserWindow } from 'electron'\nnew BrowserWindow({})"],
    ['an alias', "import { BrowserWindow as W } from 'electron'\nnew W({})"],
    ['a namespace import', "import * as electron from 'electron'\nnew electron.BrowserWindow({})"],
    ['require destructuring', "const { BrowserWindow: W } = require('electron')\nnew W()"],
    [
      'a subclass',
      "import { BrowserWindow } from 'electron'\nclass Popup extends BrowserWindow {}",
    ],
  ])('finds a window built outside the factory through %s', (_label, text) => {
    expect(codesFor({ path: 'src/main/popup.ts', text })).toContain('window-outside-factory')
  })

  it('finds raw ipcMain outside the adapter, and counts its registrations', () => {
    const extra = {
      path: 'src/main/debug.ts',
      text: "import { ipcMain as bus } from 'electron'\nbus.handle('debug:eval', () => 1)\nbus.on('x', () => 1)\n",
    }
    const { figures, findings } = checkSources([...CLEAN, extra])
    expect(findings.filter((finding) => finding.code === 'raw-ipc-main')).toHaveLength(2)
    expect(figures.rawIpcMainRegistrationsOutsideAdapter).toBe(2)
    expect(findings[0]).toMatchObject({ file: 'src/main/debug.ts', line: 2 })
  })

  it('finds ipcMain reached through require, a namespace, or a re-export', () => {
    expect(
      codesFor({ path: 'src/main/a.ts', text: "require('electron').ipcMain.on('x', () => 1)" }),
    ).toContain('raw-ipc-main')
    expect(
      codesFor({
        path: 'src/main/b.ts',
        text: "import electron from 'electron'\nelectron.ipcMain.handle('x', f)",
      }),
    ).toContain('raw-ipc-main')
    expect(
      codesFor({ path: 'src/main/c.ts', text: "export { ipcMain } from 'electron'" }),
    ).toContain('raw-ipc-main')
  })

  it('finds ipcRenderer outside the preload (the renderer, say)', () => {
    const extra = {
      path: 'src/renderer/src/leak.ts',
      text: "import { ipcRenderer } from 'electron'\nipcRenderer.send('x')",
    }
    expect(codesFor(extra)).toContain('raw-ipc-renderer')
  })

  it('ignores type-only imports and look-alike names', () => {
    const extra = {
      path: 'src/main/types.ts',
      text: "import type { IpcMain } from 'electron'\nimport { type BrowserWindow } from 'electron'\nconst ipcMain = {} as IpcMain\nipcMain.handle('x', f)\nlet w: BrowserWindow\n",
    }
    expect(checkSources([...CLEAN, extra]).findings).toStrictEqual([])
  })

  it('fails when the factory no longer builds a window', () => {
    const withoutFactory = CLEAN.filter((source) => source.path !== WINDOW_FACTORY)
    expect(checkSources(withoutFactory).findings.map((finding) => finding.code)).toStrictEqual([
      'factory-missing',
    ])
  })

  it('binds by declaration: a shadowing parameter is not the import', () => {
    const usage = scanElectronUsage([
      {
        path: 'x.ts',
        text: "import { ipcMain } from 'electron'\nfunction f(ipcMain: { on(): void }) { ipcMain.on() }\nipcMain.on('y', g)\n",
      },
    ])
    expect(usage.uses.map((use) => [use.name, use.line])).toStrictEqual([['ipcMain', 3]])
  })
})
