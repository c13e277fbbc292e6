import { z } from 'zod'
import { TEXT } from '../limits'
import { AppMode } from './mode'

/**
 * Connect (step 1 of Meta's flow): app credentials, sign-in, the business picker and preflight.
 * Secrets travel renderer → main only as the admin types or pastes them; nothing here ever sends
 * a token or app secret back to the renderer.
 */

/** Practice uses the simulator's sample app (main holds its secret); real uses the admin's app. */
export const AppCredentials = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal(AppMode.enum.practice) }),
  z.strictObject({
    mode: z.literal(AppMode.enum.real),
    // Shape checks with friendly messages happen in main; the schema only bounds the size.
    appId: z.string().max(TEXT.short),
    appSecret: z.string().max(TEXT.short),
  }),
])
export type AppCredentials = z.infer<typeof AppCredentials>

export const SignInRequest = z.strictObject({ app: AppCredentials })
export const TokenPasteRequest = z.strictObject({
  app: AppCredentials,
  token: z.string().max(4096),
})

export const ConnectionSummary = z.strictObject({
  mode: AppMode,
  appId: z.string().max(TEXT.short),
  appName: z.string().max(TEXT.short).optional(),
  userId: z.string().max(TEXT.short),
  userName: z.string().max(TEXT.short),
  /** A person's token, or an (admin) system user's token pasted as the fallback. */
  tokenKind: z.enum(['user', 'system-user']),
  expiresAt: z.iso.datetime().nullable(),
  scopes: z.array(z.string().max(100)).max(100),
  connectedAt: z.iso.datetime(),
  businessId: z.string().max(TEXT.short).optional(),
  businessName: z.string().max(TEXT.short).optional(),
})
export type ConnectionSummary = z.infer<typeof ConnectionSummary>

export const BusinessSummary = z.strictObject({
  id: z.string().max(TEXT.short),
  name: z.string().max(TEXT.short),
  verificationStatus: z.string().max(TEXT.short),
})
export type BusinessSummary = z.infer<typeof BusinessSummary>

export const BusinessListResponse = z.strictObject({
  businesses: z.array(BusinessSummary).max(1000),
  /** The business chosen last time for this app, if it is still in the list. */
  rememberedBusinessId: z.string().max(TEXT.short).nullable(),
})

export const ChooseBusinessRequest = z.strictObject({ businessId: z.string().max(TEXT.short) })

export const PREFLIGHT_CHECKS = [
  'app-owned',
  'app-tier',
  'system-user-quota',
  'admin-system-user',
  'token-scopes',
  'two-factor',
  'app-secret-required',
] as const

export const PreflightLine = z.strictObject({
  check: z.enum(PREFLIGHT_CHECKS),
  /** pass = green; fail = red, blocks adding a system user; warn = amber, worth knowing. */
  status: z.enum(['pass', 'fail', 'warn']),
  titleKey: z.string().max(TEXT.short),
  detailKey: z.string().max(TEXT.short),
  params: z
    .record(z.string().max(64), z.union([z.string().max(TEXT.short), z.number()]))
    .optional(),
  /** What to do about a red or amber line, and where (an allowlisted Meta page). */
  fixKey: z.string().max(TEXT.short).optional(),
  fixUrl: z.string().max(TEXT.url).optional(),
})
export type PreflightLine = z.infer<typeof PreflightLine>

export const PreflightReport = z.strictObject({
  businessId: z.string().max(TEXT.short),
  businessName: z.string().max(TEXT.short),
  checkedAt: z.iso.datetime(),
  lines: z.array(PreflightLine).max(20),
  canAddSystemUser: z.boolean(),
  /** When adding is blocked: the i18n keys of every reason, in the order of the lines. */
  blockedReasonKeys: z.array(z.string().max(TEXT.short)).max(20),
})
export type PreflightReport = z.infer<typeof PreflightReport>

export const DisconnectResponse = z.strictObject({ disconnected: z.literal(true) })
export const CancelResponse = z.strictObject({ cancelled: z.boolean() })
