import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { systemTimers, type Timers } from './timers'

/**
 * Clipboard hygiene for copied tokens (SEC-18). Copying happens in main, so the renderer never
 * needs the value. After the delay (30 s by default, 10–120 s allowed) and on lock and quit the
 * clipboard is cleared — but ONLY if it still holds what we wrote: if the admin copied something
 * else meanwhile, clearing would destroy their data (KeePassXC and Bitwarden behave the same).
 *
 * The port is asynchronous because Electron 45's main-process `clipboard` is promise-based
 * (`write(ClipboardItem[])` resolves later). The one gap that adds: between reading the clipboard
 * and clearing it, the admin could copy something else. The window is one event-loop turn;
 * KeePassXC has the same race.
 */

/**
 * The clipboard, as main sees it. The Electron adapter (electron-clipboard.ts) implements
 * `writeSecret` by writing the text together with the markers that keep it out of clipboard
 * history, cloud sync and clipboard managers (docs/security-requirements.md §4.1; Electron ≥ 44 can
 * write raw OS formats beside text/plain):
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing` (its presence alone excludes the data),
 *   `CanIncludeInClipboardHistory` = DWORD 0, `CanUploadToCloudClipboard` = DWORD 0;
 * - macOS: `org.nspasteboard.ConcealedType` (and `org.nspasteboard.TransientType`), the
 *   nspasteboard.org conventions clipboard managers honour;
 * - Linux (KDE/Klipper): `x-kde-passwordManagerHint` = `secret`.
 */
export interface AsyncClipboardPort {
  /** Writes `text` plus the platform's "sensitive, do not keep" markers, in one write. */
  writeSecret(text: string): Promise<void>
  readText(): Promise<string>
  clear(): void
}

/** Clear delays in ms: 30 s by default, configurable from 10 s to 2 min (SEC-18). */
export const CLIPBOARD_CLEAR_DELAY_MS = { default: 30_000, min: 10_000, max: 120_000 } as const

/** What a clear attempt did. */
export type ClearOutcome =
  | 'cleared' // the clipboard held our value and was emptied
  | 'not-ours' // the admin copied something else since: left alone
  | 'nothing-pending' // we had nothing on the clipboard
  | 'unreadable' // the clipboard could not be read, so we could not know it was ours: left alone

/** What the guard needs: the clipboard, the clock, the delay, and who to tell about auto-clears. */
export interface AsyncClipboardGuardOptions {
  readonly clipboard: AsyncClipboardPort
  readonly timers?: Timers
  readonly clearDelayMs?: number
  /** Told about every automatic clear attempt (for the audit log or a status message). */
  readonly onAutoClear?: (outcome: ClearOutcome) => void
}

/** The guard over one clipboard. */
export interface AsyncClipboardGuard {
  /** Copies a secret and schedules the clear; resolves to when it will clear (ms since epoch). */
  copySecret(text: string): Promise<{ clearsAt: number }>
  /** Clears now if the clipboard still holds our value: on lock and on quit. */
  clearNow(): Promise<ClearOutcome>
  /**
   * Changes the delay for copies made from now on (the admin saved a new preference); a clear
   * already scheduled keeps its time. Throws a RangeError for a delay outside 10–120 s.
   */
  setClearDelay(ms: number): void
}

/** Checks a configured delay; settings validate it too, this is the last line. */
export function isValidClearDelay(ms: number): boolean {
  return (
    Number.isInteger(ms) && ms >= CLIPBOARD_CLEAR_DELAY_MS.min && ms <= CLIPBOARD_CLEAR_DELAY_MS.max
  )
}

/** Creates the guard for one clipboard; throws a RangeError for a delay outside 10–120 s. */
export function createAsyncClipboardGuard(
  options: AsyncClipboardGuardOptions,
): AsyncClipboardGuard {
  const { clipboard } = options
  const timers = options.timers ?? systemTimers
  const checked = (ms: number): number => {
    if (!isValidClearDelay(ms)) {
      throw new RangeError('clearDelayMs must be a whole number of ms from 10,000 to 120,000')
    }
    return ms
  }
  let clearDelayMs = checked(options.clearDelayMs ?? CLIPBOARD_CLEAR_DELAY_MS.default)
  // We remember a keyed hash of what we wrote, never the value: a heap dump then holds no token
  // from us, and the random per-run key makes the fingerprint useless outside this process.
  const hashKey = randomBytes(32)
  const fingerprint = (text: string): Buffer => createHmac('sha256', hashKey).update(text).digest()
  let ours: Buffer | null = null
  let pending: ReturnType<Timers['setTimeout']> | null = null

  const cancelPending = (): void => {
    if (pending) timers.clearTimeout(pending)
    pending = null
  }

  const clearIfOurs = async (): Promise<ClearOutcome> => {
    cancelPending()
    if (!ours) return 'nothing-pending'
    const expected = ours
    ours = null
    let current: string
    try {
      current = await clipboard.readText()
    } catch {
      return 'unreadable'
    }
    if (!timingSafeEqual(fingerprint(current), expected)) return 'not-ours'
    clipboard.clear()
    return 'cleared'
  }

  return {
    async copySecret(text) {
      if (text.length === 0) throw new RangeError('nothing to copy')
      // A new copy replaces the old one on the clipboard, so the old clear no longer applies.
      cancelPending()
      ours = null
      try {
        await clipboard.writeSecret(text)
      } catch {
        // The adapter's error could quote what it was asked to write; say only what failed.
        throw new Error('clipboard-write-failed')
      }
      ours = fingerprint(text)
      pending = timers.setTimeout(() => {
        pending = null
        void clearIfOurs().then((outcome) => options.onAutoClear?.(outcome))
      }, clearDelayMs)
      return { clearsAt: timers.now() + clearDelayMs }
    },
    clearNow: clearIfOurs,
    setClearDelay(ms) {
      clearDelayMs = checked(ms)
    },
  }
}
