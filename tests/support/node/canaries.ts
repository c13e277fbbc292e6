import { randomBytes } from 'node:crypto'

/**
 * Canary secrets shaped like real ones (docs/security-requirements.md: `EAAG` + ~180 base62
 * characters; app secrets 32 hex characters), so a leak in a URL, a log line or an error is caught
 * by plain search.
 */
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export function canaryToken(length = 180): string {
  const bytes = randomBytes(length)
  let out = 'EAAG'
  for (const byte of bytes) out += BASE62[byte % 62]
  return out
}

export const canarySecret = (): string => randomBytes(16).toString('hex')
