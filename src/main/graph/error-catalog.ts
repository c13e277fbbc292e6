import type { ErrorCode } from '@shared/result'

/**
 * Meta's error codes and subcodes (docs/graph-api.md §6.2, §7) → what the admin reads and
 * what the client does. `retry` is the client's policy (REL-02): only Meta's "temporary" codes 1
 * and 2 and the throttling codes are retried; everything else needs a person.
 */
export interface CatalogEntry {
  readonly code: ErrorCode
  readonly messageKey: string
  readonly hintKey?: string
  readonly retry?: 'transient' | 'throttle'
}

const entry = (
  code: ErrorCode,
  messageKey: string,
  hintKey?: string,
  retry?: CatalogEntry['retry'],
): CatalogEntry => ({
  code,
  messageKey,
  ...(hintKey ? { hintKey } : {}),
  ...(retry ? { retry } : {}),
})

const throttle = (messageKey: string): CatalogEntry =>
  entry('rate-limited', `graph.code.${messageKey}`, 'graph.hint.waitForLimit', 'throttle')

/** The throttling codes of REL-01: app, user, Page, custom, and the Business Use Case range. */
export const isThrottleCode = (code: number): boolean =>
  code === 4 || code === 17 || code === 32 || code === 613 || (code >= 80000 && code <= 80014)

/**
 * Business Use Case limits, one per product (docs/graph-api.md §7). 80007 is WhatsApp messaging
 * (3P).
 */
const BUC: Readonly<Record<number, string>> = {
  80000: 'buc.adsInsights',
  80001: 'buc.pages',
  80002: 'buc.instagram',
  80003: 'buc.customAudience',
  80004: 'buc.adsManagement',
  80005: 'buc.leadGen',
  80006: 'buc.messenger',
  80007: 'buc.whatsapp',
  80008: 'buc.whatsapp',
  80009: 'buc.catalog',
  80014: 'buc.catalog',
}

const BY_CODE: Readonly<Record<number, CatalogEntry>> = {
  1: entry('graph-unavailable', 'graph.code.temporary', 'graph.hint.tryAgain', 'transient'),
  2: entry('graph-unavailable', 'graph.code.serviceDown', 'graph.hint.tryLater', 'transient'),
  3: entry('permission-denied', 'graph.code.methodNotAllowed', 'graph.hint.checkAppAccess'),
  4: throttle('appRateLimit'),
  10: entry('permission-denied', 'graph.code.permissionDenied', 'graph.hint.checkPermissions'),
  17: throttle('userRateLimit'),
  32: throttle('pageRateLimit'),
  100: entry('graph-invalid-request', 'graph.code.invalidParameter', 'graph.hint.checkValues'),
  102: entry('auth-invalid', 'graph.code.sessionInvalid', 'graph.hint.signInAgain'),
  104: entry('auth-invalid', 'graph.code.badSignature', 'graph.hint.checkAppSecret'),
  110: entry('not-found', 'graph.code.unknownUser', 'graph.hint.checkAssetId'),
  190: entry('auth-invalid', 'graph.code.tokenInvalid', 'graph.hint.signInAgain'),
  200: entry('permission-denied', 'graph.code.noAccess', 'graph.hint.useAdminAccount'),
  341: entry('rate-limited', 'graph.code.appLimit', 'graph.hint.waitForLimit'),
  368: entry('graph-error', 'graph.code.policyBlock', 'graph.hint.reviewPolicy'),
  415: entry('two-factor-required', 'graph.code.twoFactorRequired', 'graph.hint.turnOnTwoFactor'),
  452: entry('auth-invalid', 'graph.code.sessionKeyInvalid', 'graph.hint.signInAgain'),
  506: entry('conflict', 'graph.code.duplicate', 'graph.hint.useExisting'),
  613: throttle('customRateLimit'),
  2500: entry('auth-invalid', 'graph.code.sessionInvalid', 'graph.hint.signInAgain'),
  2620: entry(
    'graph-invalid-request',
    'graph.code.adAccountPermissions',
    'graph.hint.useAdminAccount',
  ),
  2635: entry('graph-invalid-request', 'graph.code.deprecatedVersion', 'graph.hint.updateApp'),
  3919: entry('graph-unavailable', 'graph.code.technicalIssue', 'graph.hint.tryLater'),
  3962: entry('graph-invalid-request', 'graph.code.invalidScope', 'graph.hint.chooseScopes'),
}

/**
 * Subcodes that change the meaning of their code (docs/graph-api.md §6.2, the 190 list and 3P
 * logs).
 */
const BY_SUBCODE: Readonly<Record<string, CatalogEntry>> = {
  '10/2859030': entry('graph-error', 'graph.code.actionNotAllowedNow', 'graph.hint.tryLater'),
  '100/33': entry('not-found', 'graph.code.objectNotFound', 'graph.hint.checkAssetId'),
  '190/458': entry('auth-invalid', 'graph.code.appNotInstalled', 'graph.hint.installApp'),
  '190/459': entry('auth-invalid', 'graph.code.checkpoint', 'graph.hint.openFacebook'),
  '190/460': entry('auth-invalid', 'graph.code.passwordChanged', 'graph.hint.signInAgain'),
  // The client calls Graph with the admin's own token, so an expired or invalidated one means the
  // admin signs in again; a system user's token has its own hint where the vault checks it
  // (vault/token-actions.ts, graph/tokens.ts).
  '190/463': entry('auth-expired', 'graph.code.tokenExpired', 'graph.hint.signInAgain'),
  '190/464': entry('auth-invalid', 'graph.code.unconfirmedUser', 'graph.hint.openFacebook'),
  '190/467': entry('auth-invalid', 'graph.code.tokenInvalid', 'graph.hint.signInAgain'),
  '190/492': entry('auth-invalid', 'graph.code.noPageRole', 'graph.hint.useAdminAccount'),
  '415/2859009': entry(
    'two-factor-required',
    'graph.code.twoFactorRequired',
    'graph.hint.turnOnTwoFactor',
  ),
}

/**
 * Texts Meta uses where the code alone is ambiguous (code 100 covers both proof problems and
 * Page task enums; the quota and "must expire" cases have no documented code —
 * docs/graph-api.md §12). Meta's message is only *matched*, never copied into what the admin sees.
 */
const BY_MESSAGE: readonly { readonly pattern: RegExp; readonly entry: CatalogEntry }[] = [
  {
    pattern: /requires? an? appsecret_proof|appsecret_proof argument/i,
    entry: entry('graph-invalid-request', 'graph.code.proofMissing', 'graph.hint.enterAppSecret'),
  },
  {
    pattern: /invalid appsecret_proof/i,
    entry: entry('graph-invalid-request', 'graph.code.proofInvalid', 'graph.hint.checkAppSecret'),
  },
  {
    // Meta answers a wrong client_secret with code 1, its "temporary" code: not worth a retry.
    pattern: /validating client secret/i,
    entry: entry('auth-invalid', 'graph.code.badClientSecret', 'graph.hint.checkAppSecret'),
  },
  {
    pattern: /\btasks?\b.*\benum\b|\benum\b.*\btasks?\b/i,
    entry: entry('graph-invalid-request', 'graph.code.taskNotAccepted', 'graph.hint.checkTasks'),
  },
  {
    pattern: /system users?.*(limit|maximum|max)|(limit|maximum).*system users?/i,
    entry: entry('quota-reached', 'graph.code.systemUserLimit', 'graph.hint.systemUserLimit'),
  },
  {
    pattern: /only one admin system user/i,
    entry: entry('quota-reached', 'graph.code.adminSystemUserLimit', 'graph.hint.useExistingAdmin'),
  },
  {
    pattern: /not installed for this system user/i,
    entry: entry(
      'graph-invalid-request',
      'graph.code.appNotInstalledOnSystemUser',
      'graph.hint.installApp',
    ),
  },
  {
    pattern: /not owned by business|does not belong to the business/i,
    entry: entry(
      'graph-invalid-request',
      'graph.code.appNotInBusiness',
      'graph.hint.useBusinessApp',
    ),
  },
  {
    pattern: /access token is required/i,
    entry: entry('auth-invalid', 'graph.code.tokenMissing', 'graph.hint.signInAgain'),
  },
  {
    pattern: /(must|required to) use expiring|never[- ]expiring.*not (allowed|permitted)/i,
    entry: entry(
      'graph-invalid-request',
      'graph.code.neverExpiringRefused',
      'graph.hint.chooseExpiring',
    ),
  },
]

/** The catalogue entry for a Graph error, or undefined when the code is unknown. */
export function lookupGraphError(
  code: number,
  subcode: number | undefined,
  message: string,
): CatalogEntry | undefined {
  const bySubcode = subcode === undefined ? undefined : BY_SUBCODE[`${code}/${subcode}`]
  if (bySubcode) return bySubcode
  if (!isThrottleCode(code) && code !== 190) {
    const byMessage = BY_MESSAGE.find((candidate) => candidate.pattern.test(message))
    if (byMessage) return byMessage.entry
  }
  const byCode = BY_CODE[code]
  if (byCode) return byCode
  if (code >= 80000 && code <= 80014) return throttle(BUC[code] ?? 'buc.other')
  if (code > 200 && code < 300) return BY_CODE[200]
  return undefined
}
