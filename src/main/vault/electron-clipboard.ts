import type { Clipboard, ClipboardItem } from 'electron'
import type { AsyncClipboardPort } from './async-clipboard-guard'

/**
 * The desktop app's clipboard for secrets: Electron 45's main-process clipboard, which commits
 * every entry of one `write()` atomically, so the text and the "sensitive" markers land together
 * (docs/security-requirements.md §4.1). Raw OS formats are named through Electron's custom MIME
 * type `electron application/osclipboard;format="<name>"`:
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing` (presence alone excludes the data from
 *   history and cloud), `CanIncludeInClipboardHistory` = DWORD 0, `CanUploadToCloudClipboard` =
 *   DWORD 0 (MicrosoftDocs win32 PR #155);
 * - macOS: `org.nspasteboard.ConcealedType` and `org.nspasteboard.TransientType`
 *   (nspasteboard.org, honoured by clipboard managers);
 * - Linux: `x-kde-passwordManagerHint` = `secret` (Klipper; KeePassXC does the same).
 * docs/security-requirements.md marks the raw-format route as not yet verified on Windows and
 * macOS: if a platform rejects a format, the write fails and nothing is copied (the vault says so)
 * — never a copy without markers by silent fallback. Electron's objects are passed in, so this file
 * imports only types and is tested with a typed fake.
 */

export type ClipboardPlatform = 'win32' | 'darwin' | 'linux'

const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`

/** A little-endian DWORD 0, the "no" Windows reads from the two Can… formats. */
const dwordZero = (): Blob => new Blob([new Uint8Array(4)])

/** The marker entries written beside `text/plain` on each platform. */
export function sensitiveMarkers(platform: ClipboardPlatform): Record<string, string | Blob> {
  switch (platform) {
    case 'win32':
      return {
        [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: new Blob([]),
        [osFormat('CanIncludeInClipboardHistory')]: dwordZero(),
        [osFormat('CanUploadToCloudClipboard')]: dwordZero(),
      }
    case 'darwin':
      return {
        [osFormat('org.nspasteboard.ConcealedType')]: '',
        [osFormat('org.nspasteboard.TransientType')]: '',
      }
    case 'linux':
      return { [osFormat('x-kde-passwordManagerHint')]: 'secret' }
  }
}

export interface ElectronClipboardOptions {
  readonly clipboard: Pick<Clipboard, 'write' | 'readText' | 'clear'>
  readonly ClipboardItem: new (items: Record<string, string | Blob>) => ClipboardItem
  readonly platform: ClipboardPlatform
}

/** Builds the AsyncClipboardPort over Electron's clipboard. */
export function createElectronClipboard(options: ElectronClipboardOptions): AsyncClipboardPort {
  const { clipboard, platform } = options
  return {
    async writeSecret(text) {
      const item = new options.ClipboardItem({
        'text/plain': text,
        ...sensitiveMarkers(platform),
      })
      await clipboard.write([item])
    },
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  }
}
