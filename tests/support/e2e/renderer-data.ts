/**
 * Everything the renderer holds that a secret could hide in: the live DOM (with the current value
 * of every field, which the serialized HTML does not show), localStorage, sessionStorage and every
 * IndexedDB database. A canary scan of this text proves the renderer never kept a token or the app
 * secret (docs/architecture.md › Processes and who may hold a secret; docs/security-requirements.md
 * SEC-10, SEC-12).
 */
import type { Page } from 'playwright-core'

interface StorageLike {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
}

interface IdbRequest<T> {
  result: T
  onsuccess: (() => void) | null
  onerror: (() => void) | null
}

interface IdbDatabase {
  readonly objectStoreNames: ArrayLike<string>
  transaction(
    names: string,
    mode: 'readonly',
  ): {
    objectStore(name: string): {
      getAll(): IdbRequest<unknown[]>
      getAllKeys(): IdbRequest<unknown[]>
    }
  }
  close(): void
}

interface RendererGlobals {
  readonly document: {
    readonly documentElement: { readonly outerHTML: string }
    querySelectorAll(selector: string): ArrayLike<{ readonly value: string }>
  }
  readonly localStorage: StorageLike
  readonly sessionStorage: StorageLike
  readonly indexedDB: {
    databases(): Promise<Array<{ readonly name?: string }>>
    open(name: string): IdbRequest<IdbDatabase>
  }
}

/** What the page holds, as one text per place. */
export interface RendererData {
  readonly dom: string
  readonly fieldValues: string
  readonly localStorage: string
  readonly sessionStorage: string
  readonly indexedDb: string
  /** How many entries the web storages and databases had, so a test can tell "empty" apart. */
  readonly counts: { readonly storageItems: number; readonly databases: number }
}

/** Reads every place in the page's origin where the renderer could keep data. */
export function readRendererData(page: Page): Promise<RendererData> {
  return page.evaluate(async () => {
    const scope = globalThis as unknown as RendererGlobals
    const dumpStorage = (storage: StorageLike): string[] => {
      const lines: string[] = []
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index) ?? ''
        lines.push(`${key}=${storage.getItem(key) ?? ''}`)
      }
      return lines
    }
    const settle = <T>(request: IdbRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(new Error('IndexedDB request failed'))
      })

    const databases = await scope.indexedDB.databases()
    const idbParts: string[] = []
    for (const { name } of databases) {
      if (!name) continue
      const db = await settle(scope.indexedDB.open(name))
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = () => db.transaction(storeName, 'readonly').objectStore(storeName)
        const keys = await settle(store().getAllKeys())
        const values = await settle(store().getAll())
        idbParts.push(`${name}/${storeName}: ${JSON.stringify({ keys, values })}`)
      }
      db.close()
    }
    const local = dumpStorage(scope.localStorage)
    const session = dumpStorage(scope.sessionStorage)
    const fields = Array.from(scope.document.querySelectorAll('input, textarea, select'))
    return {
      dom: scope.document.documentElement.outerHTML,
      fieldValues: fields.map((field) => field.value).join('\n'),
      localStorage: local.join('\n'),
      sessionStorage: session.join('\n'),
      indexedDb: idbParts.join('\n'),
      counts: { storageItems: local.length + session.length, databases: databases.length },
    }
  })
}

/** All of it as one text, for a single canary scan. */
export async function rendererText(page: Page): Promise<string> {
  const data = await readRendererData(page)
  return [data.dom, data.fieldValues, data.localStorage, data.sessionStorage, data.indexedDb].join(
    '\n',
  )
}
