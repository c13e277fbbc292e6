/**
 * Read-time migrations of what older versions wrote to `settings.json`, where the vault index and
 * the connection summary live (docs/architecture.md › Secrets). Each takes the value as stored
 * and answers it in today's shape, changing nothing else; a value already in today's shape comes
 * back as it is. Nothing is written here: the next write of the key stores the new shape.
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
