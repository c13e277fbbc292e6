import type { EventName } from '@shared/ipc/channels'
import type { EventPayloadOf } from '@shared/ipc/contract'
import type { AdminSessionPort } from '../admin-session'
import type { AuditLog } from '../audit/audit-log'
import type { Logger } from '../log/logger'
import type { SecretStore } from '../secrets/secret-store'
import type { PowerMonitorPort } from './auto-lock'
import type { AsyncClipboardPort } from './async-clipboard-guard'
import type { ScreenCapturePort } from './screen-capture'
import type { Timers } from './timers'
import type { VaultPreferencesStore } from './vault-preferences'
import type { VaultIndex } from './vault-index'

/**
 * The ports the vault's handlers run on. None is Electron: the desktop app passes Electron-backed
 * adapters (clipboard, notifications, save/open dialogs, powerMonitor), the preview passes
 * in-memory ones (memory-host.ts), and the tests pass fakes that count every call.
 */

/** The vault's events, as main emits them to the renderer. */
export type VaultEventName = Extract<EventName, `vault:${string}`>
export type VaultEmit = <E extends VaultEventName>(event: E, payload: EventPayloadOf<E>) => void

/** An OS notification (desktop app); the preview's records instead of showing. */
export interface NotificationPort {
  /** Texts are i18n keys; main translates them where the platform needs plain text. */
  show(notification: {
    readonly titleKey: string
    readonly bodyKey: string
    readonly params?: Readonly<Record<string, string | number>>
  }): void
}

export type FileKind = 'backup' | 'inventory' | 'audit'

/**
 * Where the files the vault saves go (backup, inventory, activity log). Desktop: Electron's `dialog.showSaveDialog` (the admin picks the place;
 * cancelling is `saved: false`). Preview: a fixed folder inside the data directory.
 */
export interface SaveFilePort {
  save(request: {
    readonly kind: FileKind
    readonly suggestedName: string
    readonly content: string
  }): Promise<{ readonly saved: true; readonly location: string } | { readonly saved: false }>
}

/**
 * Where a backup to restore comes from. Desktop: `dialog.showOpenDialog` then a size-bounded read.
 * Preview: the newest backup in its `exports/` folder. Main reads the file because a backup (megabytes)
 * is far above the IPC string bound, and the renderer has no business holding it.
 */
export interface OpenFilePort {
  open(request: {
    readonly kind: 'backup'
  }): Promise<{ readonly opened: true; readonly content: string } | { readonly opened: false }>
}

export interface VaultDeps {
  readonly session: AdminSessionPort
  readonly secrets: SecretStore
  readonly vault: VaultIndex
  readonly audit: AuditLog
  /** Electron's clipboard (electron-clipboard.ts) or the preview's in-memory one. */
  readonly clipboard: AsyncClipboardPort
  readonly notifications: NotificationPort
  readonly timers: Timers
  /** The app's data directory (the reminders' sent-set lives under it). */
  readonly dataDir: string
  readonly log: Logger
  readonly emit: VaultEmit
  readonly saveFile: SaveFilePort
  readonly openFile: OpenFilePort
  /** Keeps a shown token out of screenshots where the OS allows (screen-capture.ts). */
  readonly screenCapture: ScreenCapturePort
  /** Screen lock, sleep and idle time; absent in the preview (only manual and idle-free lock). */
  readonly powerMonitor?: PowerMonitorPort
  /** Preferences, validated by the guards (10–120 s clipboard, 60 s–8 h idle). */
  readonly clipboardClearMs?: number
  readonly idleLockSeconds?: number
  /** Saved preferences (Settings in the app); when given they override the two above. */
  readonly preferences?: VaultPreferencesStore
  /** Only tests lower the backup's scrypt cost (to the format's floor) to run quickly. */
  readonly backupScryptN?: number
}
