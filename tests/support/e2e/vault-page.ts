/**
 * Page-side checks the vault and hygiene e2e files share: axe's serious and critical findings,
 * everything the renderer holds as text (DOM, form values, localStorage, sessionStorage and every
 * IndexedDB database), and the vault's list and detail screens.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'

/** axe's serious and critical violations on the page as readable lines, and how much passed. */
export async function seriousViolations(
  page: Page,
): Promise<{ problems: string[]; passes: number }> {
  const results = await new AxeBuilder({ page }).analyze()
  const problems = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    )
  return { problems, passes: results.passes.length }
}

/** One Web Storage area, as a page function sees it (the tests compile without lib.dom). */
interface WebStorage {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
}

interface IdbRequest<T> {
  onsuccess: (() => void) | null
  onerror: (() => void) | null
  readonly result: T
}

interface IdbDatabase {
  readonly objectStoreNames: ArrayLike<string>
  transaction(names: string[]): { objectStore(name: string): { getAll(): IdbRequest<unknown[]> } }
  close(): void
}

/** The renderer globals a dump reads. */
interface RendererGlobals {
  readonly document: {
    readonly documentElement: { readonly outerHTML: string }
    querySelectorAll(selector: string): ArrayLike<{ readonly value: string }>
  }
  readonly localStorage: WebStorage
  readonly sessionStorage: WebStorage
  readonly indexedDB: {
    databases(): Promise<Array<{ readonly name?: string }>>
    open(name: string): IdbRequest<IdbDatabase>
  }
}

/** Where a renderer dump came from, and the text found there. */
export interface RendererDump {
  readonly dom: string
  /** `value` of every input and textarea (not part of outerHTML once typed into). */
  readonly fields: string
  readonly localStorage: string
  readonly sessionStorage: string
  readonly indexedDb: string
  /** How many IndexedDB databases the origin has (a scan of none must say so). */
  readonly indexedDbCount: number
}

/**
 * Everything the renderer holds as text: the DOM, typed form values, both Web Storage areas
 * and every record of every IndexedDB database of the origin (SEC-10's storage list).
 */
export async function dumpRenderer(page: Page): Promise<RendererDump> {
  return page.evaluate(async () => {
    const scope = globalThis as unknown as RendererGlobals
    const storage = (store: WebStorage): string => {
      const pairs: string[] = []
      for (let index = 0; index < store.length; index += 1) {
        const key = store.key(index) ?? ''
        pairs.push(`${key}=${store.getItem(key) ?? ''}`)
      }
      return pairs.join('\n')
    }
    const settle = <T>(request: IdbRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(new Error('IndexedDB request failed'))
      })
    const databases = await scope.indexedDB.databases()
    const records: string[] = []
    for (const { name } of databases) {
      if (!name) continue
      const db = await settle(scope.indexedDB.open(name))
      for (const storeName of Array.from(db.objectStoreNames)) {
        const rows = await settle(db.transaction([storeName]).objectStore(storeName).getAll())
        records.push(JSON.stringify(rows))
      }
      db.close()
    }
    return {
      dom: scope.document.documentElement.outerHTML,
      fields: Array.from(scope.document.querySelectorAll('input, textarea'))
        .map((field) => field.value)
        .join('\n'),
      localStorage: storage(scope.localStorage),
      sessionStorage: storage(scope.sessionStorage),
      indexedDb: records.join('\n'),
      indexedDbCount: databases.length,
    }
  })
}

/** The vault list's table body rows. */
export function vaultRows(page: Page): Locator {
  return page
    .getByRole('table', { name: 'Saved tokens, most urgent first' })
    .getByRole('rowgroup')
    .nth(1)
    .getByRole('row')
}

/** Opens a record's detail from the list by its name column (system user name or label). */
export async function openRecord(page: Page, name: string): Promise<Locator> {
  await page
    .getByRole('button', { name: `Open details: ${name}, Harbour Lane Bakery`, exact: true })
    .click()
  const detail = page.getByRole('region', { name: `${name} — Harbour Lane Bakery`, exact: true })
  await detail.waitFor()
  return detail
}

/** The token's shown form in a detail: the masked dots or, while revealed, the value. */
export function tokenCode(detail: Locator): Locator {
  return detail.getByRole('region', { name: 'The token' }).getByRole('code')
}

/** Back from a detail to the list. */
export async function backToList(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to all tokens' }).click()
  await vaultRows(page).first().waitFor()
}
