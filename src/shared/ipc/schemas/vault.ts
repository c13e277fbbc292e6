import { z } from 'zod'
import { TEXT } from '../limits'

const Id = z.string().min(1).max(TEXT.short)

/** What the vault shows about a token without reading the keychain: metadata only. */
export const VaultRecordSummary = z.strictObject({
  id: Id,
  kind: z.enum(['system-user', 'admin-system-user', 'admin-user', 'imported']),
  practice: z.boolean(),
  businessId: Id,
  businessName: z.string().max(TEXT.short),
  systemUserId: Id.optional(),
  systemUserName: z.string().max(TEXT.short).optional(),
  appId: Id,
  appName: z.string().max(TEXT.short).optional(),
  scopes: z.array(z.string().max(100)).max(100),
  /** ISO timestamps; expiresAt null means "never expires". */
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  /** Last 4 characters of the token, to tell tokens apart. */
  fingerprint: z.string().max(8),
  lastCheck: z
    .strictObject({
      at: z.iso.datetime(),
      outcome: z.enum(['valid', 'expired', 'revoked', 'invalid', 'unknown']),
    })
    .nullable(),
})
export type VaultRecordSummary = z.infer<typeof VaultRecordSummary>

export const ListVaultRequest = z.strictObject({ query: z.string().max(TEXT.search).optional() })
export const ListVaultResponse = z.strictObject({ records: z.array(VaultRecordSummary) })
