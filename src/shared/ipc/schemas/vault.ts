import { z } from 'zod'
import { RoleSchema } from '../../catalog/goals'
import { TEXT } from '../limits'
import { CheckOutcome, ExpiryRemindersView } from './vault-views'

const Id = z.string().min(1).max(TEXT.short)

/**
 * What a health check (`debug_token`) found, in plain outcomes: still valid, expired, revoked or
 * otherwise invalid, valid but with other permissions than recorded, issued for another app, or
 * unknown (Meta could not be asked).
 */
export { CHECK_OUTCOMES, CheckOutcome } from './vault-views'

export const LastCheck = z.strictObject({
  at: z.iso.datetime(),
  outcome: CheckOutcome,
  /** When Meta says the token expired (outcome `expired`) or now expires (outcome `valid`). */
  expiresAt: z.iso.datetime().nullable().optional(),
  /** Scopes Meta reports that the record does not list, and the other way round. */
  scopesAdded: z.array(z.string().max(100)).max(100).optional(),
  scopesRemoved: z.array(z.string().max(100)).max(100).optional(),
})
export type LastCheck = z.infer<typeof LastCheck>

/** An asset the token reaches, with the tasks granted on it (metadata only). */
export const VaultAsset = z.strictObject({
  id: Id,
  kind: z.string().max(50),
  name: z.string().max(TEXT.short).optional(),
  tasks: z.array(z.string().max(50)).max(50),
})
export type VaultAsset = z.infer<typeof VaultAsset>

/** What the vault shows about a token without reading the keychain: metadata only. */
export const VaultRecordSummary = z.strictObject({
  id: Id,
  kind: z.enum(['system-user', 'admin-system-user', 'admin-user', 'imported']),
  practice: z.boolean(),
  businessId: Id,
  businessName: z.string().max(TEXT.short),
  systemUserId: Id.optional(),
  systemUserName: z.string().max(TEXT.short).optional(),
  /**
   * The system user's role in the business, when known: the catalog's and the run's `Role`.
   * Records stored before it was upper case are read by main/settings/migrations.ts.
   */
  systemUserRole: RoleSchema.optional(),
  appId: Id,
  appName: z.string().max(TEXT.short).optional(),
  scopes: z.array(z.string().max(100)).max(100),
  /** Assets and tasks the system user was given (from the setup flow), when known. */
  assets: z.array(VaultAsset).max(500).optional(),
  /** ISO timestamps; expiresAt null means "never expires". */
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  /** Last 4 characters of the token, to tell tokens apart. */
  fingerprint: z.string().max(8),
  lastCheck: LastCheck.nullable(),
  /** The admin's own name for an imported token. */
  label: z.string().max(TEXT.short).optional(),
  /** The admin's notes (e.g. which server uses it). Never a secret: the UI says so. */
  notes: z.string().max(TEXT.note).optional(),
  /** Set on a token made by guided rotation: the record it replaces, until the old one is revoked. */
  replaces: Id.optional(),
})
export type VaultRecordSummary = z.infer<typeof VaultRecordSummary>

/**
 * Status at a glance, decided in main from expiry and the last check. `daysLeft` is null when the
 * token never expires, 0 once expired. `unknown`: the last check could not reach Meta.
 */
export const VAULT_STATES = [
  'valid',
  'expiring',
  'expired',
  'revoked',
  'invalid',
  'unknown',
] as const
export const VaultState = z.enum(VAULT_STATES)
export type VaultState = z.infer<typeof VaultState>

export const VaultStatus = z.strictObject({
  state: VaultState,
  daysLeft: z.number().int().nonnegative().nullable(),
})
export type VaultStatus = z.infer<typeof VaultStatus>

/** A record as the list and detail show it: its metadata plus its status (always set by main). */
export const VaultListItem = VaultRecordSummary.extend({ status: VaultStatus.optional() })
export type VaultListItem = z.infer<typeof VaultListItem>

const Count = z.number().int().nonnegative()

/** Records per list page: 100 unless asked otherwise, never more than 200. */
export const VAULT_PAGE_DEFAULT = 100
export const VAULT_PAGE_MAX = 200

export const ListVaultRequest = z.strictObject({
  /** Free text over business, system user, app, scopes, assets, label and notes. */
  query: z.string().max(TEXT.search).optional(),
  businessId: Id.optional(),
  systemUserId: Id.optional(),
  appId: Id.optional(),
  scope: z.string().max(100).optional(),
  assetId: Id.optional(),
  status: VaultState.optional(),
  /**
   * One page of the matches, most urgent first. Paged so a 10,000-record vault never crosses IPC
   * (and the dispatcher's strict response check) whole: the renderer shows a window of rows.
   */
  offset: z.number().int().nonnegative().max(1_000_000).optional(),
  limit: z.number().int().min(1).max(VAULT_PAGE_MAX).optional(),
})
export type ListVaultRequest = z.infer<typeof ListVaultRequest>
export const ListVaultResponse = z.strictObject({
  records: z.array(VaultListItem).max(VAULT_PAGE_MAX),
  /** Where this page starts among the matches. */
  offset: z.number().int().nonnegative(),
  /** Records in the vault, and how many of them match the request's filters and search. */
  total: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  /** How many records of the whole vault have each status (the status filter shows them). */
  counts: z.strictObject({
    valid: Count,
    expiring: Count,
    expired: Count,
    revoked: Count,
    invalid: Count,
    unknown: Count,
  }),
})
export type ListVaultResponse = z.infer<typeof ListVaultResponse>

/** At most this many records in the "expiring soon" panel; the status filter shows the rest. */
export const ATTENTION_MAX = 50

/**
 * The vault's reminders plus the records that need attention now (expired or expiring, most
 * urgent first), so the "expiring soon" panel needs no unpaged list.
 */
export const RemindersResponse = ExpiryRemindersView.extend({
  attention: z.array(VaultListItem).max(ATTENTION_MAX),
})
export type RemindersResponse = z.infer<typeof RemindersResponse>

export const RecordIdRequest = z.strictObject({ id: Id })
export const RecordResponse = z.strictObject({ record: VaultListItem })

/** Answers of reveal and copy that are not the value: expected states the UI asks about. */
const NeedsAdminConfirmation = z.strictObject({ outcome: z.literal('confirm-admin') })
const VaultIsLocked = z.strictObject({ outcome: z.literal('locked') })

/**
 * Reveal: the ONLY response that carries a token (SEC-10). Revealing the admin's or the admin
 * system user's token needs `confirmAdmin: true`; without it the answer is `confirm-admin`.
 */
export const RevealRequest = z.strictObject({ id: Id, confirmAdmin: z.boolean().optional() })
export const RevealResponse = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('revealed'),
    recordId: Id,
    value: z.string().min(1).max(4096),
    /** When the value hides itself (ms since the epoch); main hides it then for sure. */
    hidesAt: z.number().int().nonnegative(),
    /** False where the OS cannot keep the window out of screenshots (Linux, the preview). */
    captureBlocked: z.boolean(),
  }),
  NeedsAdminConfirmation,
  VaultIsLocked,
])
export type RevealResponse = z.infer<typeof RevealResponse>

export const REVEAL_END_REASONS = ['blur', 'navigation', 'user'] as const
export const RevealEndRequest = z.strictObject({ id: Id, reason: z.enum(REVEAL_END_REASONS) })
export const RevealEndResponse = z.strictObject({ hidden: z.boolean() })

/** Copy happens in main; the renderer learns only when the clipboard clears itself. */
export const CopyRequest = RevealRequest
export const CopyResponse = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('copied'), clearsInSeconds: z.number().int().positive() }),
  NeedsAdminConfirmation,
  VaultIsLocked,
])
export type CopyResponse = z.infer<typeof CopyResponse>

export const VaultStateResponse = z.strictObject({
  locked: z.boolean(),
  clipboardClearSeconds: z.number().int().positive(),
  revealSeconds: z.number().int().positive(),
})
export const LockResponse = z.strictObject({ locked: z.literal(true) })
export const UnlockResponse = z.strictObject({ locked: z.literal(false) })

/** Health check: one, some (≤ 1,000 ids) or all records; runs in the background. */
export const HealthCheckRequest = z.union([
  z.strictObject({ ids: z.array(Id).min(1).max(1000) }),
  z.strictObject({ all: z.literal(true) }),
])
export const HealthCheckResponse = z.strictObject({ jobId: Id, total: z.number().int() })
export const HealthCancelRequest = z.strictObject({ jobId: Id })
export const HealthCancelResponse = z.strictObject({ cancelled: z.boolean() })

export const RefreshResponse = RecordResponse

/** Rotation, step 1: a new token is generated and saved as a new record that `replaces` the old. */
export const RotationStartResponse = z.strictObject({ oldId: Id, record: VaultListItem })
/** Rotation, step 2 (`id` = the NEW record): the software was updated; revoke the old token. */
export const RotationConfirmResponse = z.strictObject({
  record: VaultListItem,
  oldId: Id,
  /**
   * True when debug_token confirmed the old token is dead; the old record is then removed. When
   * false the old record stays (marked by its last check) so the admin can revoke it again.
   */
  oldRevokedVerified: z.boolean(),
})

export const RevokeResponse = z.strictObject({
  record: VaultListItem,
  /** True when debug_token afterwards confirmed the token no longer works. */
  verified: z.boolean(),
})
export const RevokeAllRequest = z.strictObject({ systemUserId: Id })
export const RevokeAllResponse = z.strictObject({
  revokedIds: z.array(Id),
  verified: z.boolean(),
})

export const RemoveResponse = z.strictObject({ removed: z.literal(true) })

export const NoteSetRequest = z.strictObject({ id: Id, note: z.string().max(TEXT.note) })

/** Import a pasted token: checked with debug_token first; the value goes to the keychain only. */
export const ImportTokenRequest = z.strictObject({
  token: z.string().min(1).max(4096),
  label: z.string().max(TEXT.short).optional(),
})

/** What main answers for a file it was asked to save: the admin may cancel the save dialog. */
export const SavedFileResponse = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('saved'),
    /** Where the file went (a path the admin chose, or the preview's data directory). */
    location: z.string().max(TEXT.url),
    count: z.number().int().nonnegative(),
  }),
  z.strictObject({ outcome: z.literal('cancelled') }),
])

/** Encrypted backup (SEC-20). The UI asks for the password twice; main checks its length. */
export const BackupCreateRequest = z.strictObject({ password: z.string().min(1).max(1024) })
export const BackupCreateResponse = SavedFileResponse
export const BackupRestoreRequest = BackupCreateRequest
export const BackupRestoreResponse = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('restored'),
    added: z.number().int().nonnegative(),
    replaced: z.number().int().nonnegative(),
  }),
  z.strictObject({ outcome: z.literal('cancelled') }),
])
/** Inventory for audits: metadata only, CSV. */
export const InventoryExportResponse = SavedFileResponse
/** The activity log (the entries matching the filter) as CSV: it never holds a secret. */
export const AuditExportResponse = SavedFileResponse

export * from './vault-views'
