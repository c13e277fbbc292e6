import type {
  BusinessSummary,
  ConnectionSummary,
  PreflightLine,
  PreflightReport,
} from '@shared/ipc/schemas/connect'

const DAY_MS = 24 * 60 * 60 * 1000

/** An ISO time `days` from now (fractions allowed), for expiries read "in words". */
export const daysFromNow = (days: number): string =>
  new Date(Date.now() + days * DAY_MS).toISOString()

/** A practice connection as main reports it after the practice sign-in (no business yet). */
export const PRACTICE_CONNECTION: ConnectionSummary = {
  mode: 'practice',
  appId: '104000000000002',
  appName: 'Harbour Lane Orders',
  userId: '104000000000010',
  userName: 'Alex Baker',
  tokenKind: 'user',
  expiresAt: daysFromNow(59.5),
  scopes: ['business_management'],
  connectedAt: '2026-11-01T10:00:00.000Z',
}

/** A real connection through a pasted admin system user token that never expires. */
export const REAL_CONNECTION: ConnectionSummary = {
  mode: 'real',
  appId: '123456789012345',
  userId: '6100000009',
  userName: 'Ops admin system user',
  tokenKind: 'system-user',
  expiresAt: null,
  scopes: ['business_management'],
  connectedAt: '2026-11-01T10:00:00.000Z',
}

export const SAMPLE_BUSINESSES: BusinessSummary[] = [
  { id: '104000000000001', name: 'Harbour Lane Bakery', verificationStatus: 'verified' },
  { id: '104000000000099', name: 'North Quay Florists', verificationStatus: 'not_verified' },
  { id: '104000000000098', name: 'Old Mill Market', verificationStatus: 'pending_submission' },
]

const line = (
  check: PreflightLine['check'],
  status: PreflightLine['status'],
  extra: Partial<PreflightLine> = {},
): PreflightLine => ({
  check,
  status,
  titleKey: `test.preflight.${check}.title`,
  detailKey: `test.preflight.${check}.${status}`,
  ...extra,
})

/** Every check passes: the sample business, ready for its first system user. */
export const GREEN_REPORT: PreflightReport = {
  businessId: '104000000000001',
  businessName: 'Harbour Lane Bakery',
  checkedAt: '2026-11-01T10:05:00.000Z',
  lines: [
    line('app-owned', 'pass'),
    line('app-tier', 'pass'),
    line('system-user-quota', 'pass', { params: { used: 0, limit: 1 } }),
    line('admin-system-user', 'pass'),
    line('token-scopes', 'pass'),
    line('two-factor', 'pass'),
    line('app-secret-required', 'pass'),
  ],
  canAddSystemUser: true,
  blockedReasonKeys: [],
}

/** The business without the app, its one Limited-tier slot used, 2FA required, a tip. */
export const BLOCKED_REPORT: PreflightReport = {
  ...GREEN_REPORT,
  lines: [
    line('app-owned', 'fail', {
      fixKey: 'test.preflight.app-owned.fix',
      fixUrl: 'https://business.facebook.com/settings/apps',
    }),
    line('app-tier', 'pass'),
    line('system-user-quota', 'fail', {
      params: { used: 1, limit: 1 },
      fixKey: 'test.preflight.system-user-quota.fix',
      fixUrl: 'https://business.facebook.com/settings/system-users',
    }),
    line('admin-system-user', 'pass'),
    line('token-scopes', 'pass'),
    line('two-factor', 'fail', {
      fixKey: 'test.preflight.two-factor.fix',
      fixUrl: 'https://business.facebook.com/settings/security',
    }),
    line('app-secret-required', 'warn', {
      fixKey: 'test.preflight.app-secret-required.fix',
      fixUrl: 'https://developers.facebook.com/apps/',
    }),
  ],
  canAddSystemUser: false,
  blockedReasonKeys: ['test.blocked.appOwned', 'test.blocked.quota', 'test.blocked.twoFactor'],
}

/**
 * Words for the keys above. Main owns the real preflight texts; the screens only translate what
 * they are given, so tests supply their own catalogue entries through MessagesProvider.
 */
export const CONNECT_TEST_MESSAGES: Readonly<Record<string, string>> = {
  'test.preflight.app-owned.title': 'The business owns the app',
  'test.preflight.app-owned.pass': 'Harbour Lane Orders belongs to this business.',
  'test.preflight.app-owned.fail': 'This business does not own or claim the app.',
  'test.preflight.app-owned.fix': 'Claim the app in Business Settings › Apps.',
  'test.preflight.app-tier.title': 'Access tier',
  'test.preflight.app-tier.pass': 'Limited access: 1 system user and 1 admin system user.',
  'test.preflight.system-user-quota.title': 'System users left',
  'test.preflight.system-user-quota.pass': '{used} of {limit} used.',
  'test.preflight.system-user-quota.fail': 'All {limit} used ({used} of {limit}).',
  'test.preflight.system-user-quota.fix': 'Remove one you no longer need, or reach Full access.',
  'test.preflight.admin-system-user.title': 'Admin system user',
  'test.preflight.admin-system-user.pass': 'None yet; you can create one.',
  'test.preflight.token-scopes.title': 'Your sign-in’s permissions',
  'test.preflight.token-scopes.pass': 'It has business_management.',
  'test.preflight.two-factor.title': 'Two-factor authentication',
  'test.preflight.two-factor.pass': 'No requirement blocks tokens.',
  'test.preflight.two-factor.fail': 'The business requires two-factor authentication.',
  'test.preflight.two-factor.fix': 'Turn on two-factor authentication for your account.',
  'test.preflight.app-secret-required.title': 'Require App Secret',
  'test.preflight.app-secret-required.pass': 'On.',
  'test.preflight.app-secret-required.warn': 'Off: worth turning on.',
  'test.preflight.app-secret-required.fix': 'Turn on Require App Secret in the App Dashboard.',
  'test.blocked.appOwned': 'The business does not own the app.',
  'test.blocked.quota': 'No system user slot is left.',
  'test.blocked.twoFactor': 'Two-factor authentication is required first.',
}
