import { VAULT_PAGE_MAX, type VaultListItem } from '@shared/ipc/schemas/vault'
import { ok, type Result } from '@shared/result'
import { callApi } from '../stores/load-state'

/**
 * Upper bound on pages read for one inventory: 10,000 records at 200 a page is 50 pages. The
 * bound only stops a misbehaving answer (an offset that never advances) from looping forever.
 */
const MAX_PAGES = 500

/**
 * Every record's metadata, read through the same paged `listVaultRecords` as the list (pages of
 * 200, the most main sends at once) until `matched` is reached. Metadata only: main's list never
 * carries a token, so nothing secret is ever held here (SEC-12).
 */
export async function fetchInventory(): Promise<Result<VaultListItem[]>> {
  const records: VaultListItem[] = []
  let offset = 0
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await callApi(() =>
      window.api.listVaultRecords({ offset, limit: VAULT_PAGE_MAX }),
    )
    if (!result.ok) return result
    const { records: shown, matched } = result.value
    // Main clamps an offset past the end back to the last page: never count a page twice.
    if (result.value.offset !== offset || shown.length === 0) break
    records.push(...shown)
    offset += shown.length
    if (offset >= matched) break
  }
  return ok(records)
}
