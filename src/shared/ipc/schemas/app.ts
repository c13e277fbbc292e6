import { z } from 'zod'
import { TEXT } from '../limits'
import { ConnectionSummary } from './connect'
import { AppMode } from './mode'

export const EmptyRequest = z.strictObject({})

export const KeychainStatus = z.strictObject({
  /** True when a secure OS keychain answered; false means we will refuse to store secrets. */
  available: z.boolean(),
  /** Which back end answered, e.g. "secret-service"; never a fallback to plaintext. */
  backend: z.string().max(TEXT.short),
  /** i18n key explaining why the keychain is unavailable, when it is. */
  problemKey: z.string().max(TEXT.short).optional(),
})

export const AppStatus = z.strictObject({
  version: z.string().max(TEXT.short),
  mode: AppMode,
  keychain: KeychainStatus,
  /** Who is connected to which app and business, when someone is. No token, ever. */
  connection: ConnectionSummary.nullable(),
  /** The simulated portfolio practice mode rehearses on. */
  practice: z.strictObject({ businessName: z.string().max(TEXT.short) }),
  /** The Graph API version the app speaks; `retiresInDays` only within 90 days of its end. */
  graphApi: z.strictObject({
    version: z.string().max(TEXT.short),
    retiresNotBefore: z.string().max(TEXT.short),
    retiresInDays: z.number().int().nonnegative().nullable(),
  }),
})
export type AppStatus = z.infer<typeof AppStatus>

export const OpenLinkRequest = z.strictObject({ url: z.string().max(TEXT.url) })
export const OpenLinkResponse = z.strictObject({ opened: z.literal(true) })
