import { readFile, stat, writeFile } from 'node:fs/promises'
import type { BrowserWindow, Clipboard, Dialog, Notification, PowerMonitor } from 'electron'
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import {
  createElectronClipboard,
  type ClipboardPlatform,
  type ElectronClipboardOptions,
} from './electron-clipboard'
import { createWindowScreenCapture } from './screen-capture'
import type { VaultHostPorts } from '../services'

/** A backup of 10,000 records is a few MB; anything far larger is not one of ours. */
const MAX_BACKUP_BYTES = 64 * 1024 * 1024

export interface ElectronVaultHostDeps {
  readonly clipboard: Clipboard
  readonly ClipboardItem: ElectronClipboardOptions['ClipboardItem']
  readonly Notification: typeof Notification
  readonly dialog: Dialog
  readonly powerMonitor: PowerMonitor
  readonly platform: NodeJS.Platform
  readonly window: () => BrowserWindow | null
}

const clipboardPlatform = (platform: NodeJS.Platform): ClipboardPlatform =>
  platform === 'win32' || platform === 'darwin' ? platform : 'linux'

/**
 * The vault's OS ports in the desktop app: the clipboard with its sensitive markers, OS
 * notifications (texts translated here, since the OS shows plain text), save/open dialogs the
 * admin answers, and powerMonitor for auto-lock. Thin on purpose: the logic is in the vault.
 */
export function createElectronVaultHost(deps: ElectronVaultHostDeps): VaultHostPorts {
  return {
    clipboard: createElectronClipboard({
      clipboard: deps.clipboard,
      ClipboardItem: deps.ClipboardItem,
      platform: clipboardPlatform(deps.platform),
    }),
    notifications: {
      show: ({ titleKey, bodyKey, params }) => {
        if (!deps.Notification.isSupported()) return
        new deps.Notification({
          title: translate(en, titleKey, params),
          body: translate(en, bodyKey, params),
        }).show()
      },
    },
    saveFile: {
      async save({ suggestedName, content }) {
        const win = deps.window()
        const options = { defaultPath: suggestedName }
        const choice = win
          ? await deps.dialog.showSaveDialog(win, options)
          : await deps.dialog.showSaveDialog(options)
        if (choice.canceled || !choice.filePath) return { saved: false }
        await writeFile(choice.filePath, content, { mode: 0o600 })
        return { saved: true, location: choice.filePath }
      },
    },
    openFile: {
      async open() {
        const win = deps.window()
        const options = {
          properties: ['openFile' as const],
          filters: [{ name: 'System User Assistant backup', extensions: ['suavault'] }],
        }
        const choice = win
          ? await deps.dialog.showOpenDialog(win, options)
          : await deps.dialog.showOpenDialog(options)
        const path = choice.filePaths[0]
        if (choice.canceled || !path) return { opened: false }
        if ((await stat(path)).size > MAX_BACKUP_BYTES) return { opened: false }
        return { opened: true, content: await readFile(path, 'utf8') }
      },
    },
    screenCapture: createWindowScreenCapture({ platform: deps.platform, window: deps.window }),
    powerMonitor: deps.powerMonitor,
  }
}
