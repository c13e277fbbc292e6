import type { Role } from '@shared/catalog/goals'

/**
 * Read-time migrations of what older versions wrote to `settings.json`, where the vault index and
 * the connection summary live (docs/architecture.md › Secrets), and of the records in a vault
 * backup, which are the index's. Each takes the value as stored and answers it in today's shape,
 * changing nothing else; a value already in today's shape comes back as it is. Nothing is written
 * here: the next write of the key stores the new shape.
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * The connection summary called practice-or-real `target` until it became `mode`, the one name
 * the app status already used. The values ('practice', 'real') are the same, so the keychain ids
 * and remembered-business keys made from them (`<mode>:<appId>`) still match.
 */
export function migrateConnection(raw: unknown): unknown {
  if (!isObject(raw) || !('target' in raw) || 'mode' in raw) return raw
  const { target, ...rest } = raw
  return { mode: target, ...rest }
}

/** The role as vault records spelled it before they used the catalog's `Role`. */
const LOWER_CASE_ROLES: Readonly<Record<string, Role>> = { employee: 'EMPLOYEE', admin: 'ADMIN' }

const hasLowerCaseRole = (record: unknown): record is Record<string, unknown> =>
  isObject(record) &&
  typeof record.systemUserRole === 'string' &&
  Object.hasOwn(LOWER_CASE_ROLES, record.systemUserRole)

/**
 * A vault record's `systemUserRole` was `'employee' | 'admin'` until it became the catalog's and
 * the run's `'EMPLOYEE' | 'ADMIN'`. The record's `kind` never depended on it, so it stays.
 */
export function migrateVaultRecord(raw: unknown): unknown {
  if (!hasLowerCaseRole(raw)) return raw
  return { ...raw, systemUserRole: LOWER_CASE_ROLES[raw.systemUserRole as string] }
}

/**
 * The vault index (or a backup's records) in today's shape: the very same array when no record
 * needs a change, which is every read once the index has been written again.
 */
export function migrateVaultRecords<T>(records: T[]): T[] {
  if (!Array.isArray(records) || !records.some(hasLowerCaseRole)) return records
  return records.map((record) => migrateVaultRecord(record) as T)
}

/** A decrypted vault backup, its records read as `migrateVaultRecords` reads the index. */
export function migrateBackupPayload(raw: unknown): unknown {
  if (!isObject(raw) || !Array.isArray(raw.records)) return raw
  const records = migrateVaultRecords(raw.records as unknown[])
  return records === raw.records ? raw : { ...raw, records }
}
