import { describe, expect, it } from 'vitest'
import type { ClipboardItem } from 'electron'
import { createElectronClipboard, sensitiveMarkers } from './electron-clipboard'

/** The Electron adapter, against a typed fake of Electron 45's promise-based clipboard. */
class FakeItem {
  constructor(readonly items: Record<string, string | Blob>) {}
}

const fake = () => {
  const writes: FakeItem[][] = []
  let text = ''
  return {
    writes,
    clipboard: {
      write: async (items: ClipboardItem[]) => {
        writes.push(items as unknown as FakeItem[])
        const value = (items[0] as unknown as FakeItem).items['text/plain']
        text = typeof value === 'string' ? value : ''
      },
      readText: async () => text,
      clear: () => {
        text = ''
      },
    },
    ClipboardItem: FakeItem as unknown as new (
      items: Record<string, string | Blob>,
    ) => ClipboardItem,
  }
}

describe('electron clipboard adapter', () => {
  it.each(['win32', 'darwin', 'linux'] as const)(
    'writes the text and the %s markers in one atomic write',
    async (platform) => {
      const electron = fake()
      const port = createElectronClipboard({ ...electron, platform })
      await port.writeSecret('EAAGsecretvalue')
      expect(electron.writes).toHaveLength(1)
      const keys = Object.keys(electron.writes[0]![0]!.items)
      expect(keys).toEqual(['text/plain', ...Object.keys(sensitiveMarkers(platform))])
      expect(await port.readText()).toBe('EAAGsecretvalue')
      port.clear()
      expect(await port.readText()).toBe('')
    },
  )

  it('names the documented markers per platform', async () => {
    const win = sensitiveMarkers('win32')
    expect(Object.keys(win).map((key) => /format="(.+)"/.exec(key)?.[1])).toEqual([
      'ExcludeClipboardContentFromMonitorProcessing',
      'CanIncludeInClipboardHistory',
      'CanUploadToCloudClipboard',
    ])
    const dword = win['electron application/osclipboard;format="CanIncludeInClipboardHistory"']
    expect(Buffer.from(await (dword as Blob).arrayBuffer())).toEqual(Buffer.alloc(4))
    expect(Object.values(sensitiveMarkers('linux'))).toEqual(['secret'])
    expect(Object.keys(sensitiveMarkers('darwin')).join()).toContain(
      'org.nspasteboard.ConcealedType',
    )
  })
})
