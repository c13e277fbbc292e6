import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AsyncClipboardPort } from './async-clipboard-guard'
import type { NotificationPort, OpenFilePort, SaveFilePort } from './vault-deps'
import { createUnprotectedScreen, type ScreenCapturePort } from './screen-capture'

/**
 * The vault's ports for the browser preview and the tests, none of which touches the OS: an
 * in-memory clipboard (the preview must never put a token on the real clipboard of the machine
 * it runs on), a notification port that records, and files under `<dataDir>/exports/` (0700 dir,
 * 0600 files) instead of save and open dialogs.
 */

export interface MemoryClipboard extends AsyncClipboardPort {
  /** What "the user" copies: replaces the content, as another app's copy would. */
  userCopies(text: string): void
  /** The current text, and how many marked (sensitive) writes happened. */
  peek(): string
  readonly secretWrites: number
}

export function createMemoryClipboard(): MemoryClipboard {
  let content = ''
  let secretWrites = 0
  return {
    async writeSecret(text) {
      content = text
      secretWrites += 1
    },
    readText: async () => content,
    clear: () => {
      content = ''
    },
    userCopies: (text) => {
      content = text
    },
    peek: () => content,
    get secretWrites() {
      return secretWrites
    },
  }
}

export interface RecordingNotifications extends NotificationPort {
  readonly shown: { titleKey: string; bodyKey: string; params?: Record<string, string | number> }[]
}

export function createRecordingNotifications(): RecordingNotifications {
  const shown: RecordingNotifications['shown'] = []
  return {
    shown,
    show: (notification) => {
      shown.push({
        ...notification,
        ...(notification.params ? { params: { ...notification.params } } : {}),
      })
    },
  }
}

/** A file name as given, kept to a safe character set (it becomes part of a path). */
const safeName = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120)

/** Saves into `<dataDir>/exports/`; the location answered is that file's path. */
export function createDataDirFiles(dataDir: string): SaveFilePort & OpenFilePort {
  const dir = join(dataDir, 'exports')
  return {
    async save({ suggestedName, content }) {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const location = join(dir, safeName(suggestedName))
      writeFileSync(location, content, { mode: 0o600 })
      return { saved: true, location }
    },
    /** The newest backup in the exports folder (the preview has no open dialog). */
    async open() {
      let newest: { path: string; at: number } | null = null
      try {
        for (const name of readdirSync(dir)) {
          if (!name.endsWith('.suavault')) continue
          const path = join(dir, name)
          const at = statSync(path).mtimeMs
          if (!newest || at >= newest.at) newest = { path, at }
        }
      } catch {
        return { opened: false }
      }
      if (!newest) return { opened: false }
      return { opened: true, content: readFileSync(newest.path, 'utf8') }
    },
  }
}

/**
 * The vault's host ports for every host that is not the desktop app: the preview, the bench and
 * tests. Nothing reaches the OS clipboard, notifications or dialogs.
 */
export function createInMemoryVaultHost(dataDir: string): {
  readonly clipboard: MemoryClipboard
  readonly notifications: RecordingNotifications
  readonly saveFile: SaveFilePort
  readonly openFile: OpenFilePort
  readonly screenCapture: ScreenCapturePort
} {
  const files = createDataDirFiles(dataDir)
  return {
    // A browser page cannot keep itself out of a screen capture.
    screenCapture: createUnprotectedScreen(),
    clipboard: createMemoryClipboard(),
    notifications: createRecordingNotifications(),
    saveFile: files,
    openFile: files,
  }
}
