import type { PreflightLine } from '@shared/ipc/schemas/connect'
import type { AppError } from '@shared/result'
import type { TokenInfo } from '../graph/debug'
import type { SystemUser } from '../graph/system-users'
import { knowTier, REGULAR_QUOTA } from './app-tier'
import { metaLinks as links } from './meta-links'
import { REQUIRED_SCOPE } from './token-validation'

/**
 * The preflight's lines, from facts already fetched (preflight.ts): pure, so every branch is
 * tested without a network. Each red line names a reason key for "Add a system user is blocked
 * because…", and every red or amber line says what to do and links to the Meta page where it is
 * done (all on the external-link allowlist). Nothing blocks silently.
 */

export interface PreflightFacts {
  readonly businessId: string
  readonly businessName: string
  readonly twoFactorType?: string
  readonly appId: string
  readonly appName?: string
  /** Apps the business owns or has claimed (owned_apps + client_apps), or why it is unknown. */
  readonly businessAppIds: readonly string[] | AppError
  readonly systemUsers: readonly SystemUser[] | AppError
  readonly token: Pick<TokenInfo, 'scopes' | 'granularScopes'>
  /** From a call made without appsecret_proof: Meta refused it (on), answered (off), or other. */
  readonly appSecretRequired: boolean | undefined
}

/** A line and, when it is red, the reason "Add a system user" shows. */
export interface CheckedLine {
  readonly line: PreflightLine
  readonly blockedReasonKey?: string
}

const key = (check: string, part: string) => `connectMain.preflight.${check}.${part}`

const isError = <T>(value: T | AppError): value is AppError =>
  typeof value === 'object' && value !== null && 'messageKey' in value && 'code' in value

/** A line for a fact Meta would not give: red, with Meta's reason and its next step. */
function cannotCheck(check: PreflightLine['check'], error: AppError, fixUrl: string): CheckedLine {
  return {
    line: {
      check,
      status: 'fail',
      titleKey: key(check, 'title'),
      detailKey: error.messageKey,
      ...(error.params ? { params: { ...error.params } } : {}),
      fixKey: error.hintKey ?? key(check, 'fixCannotCheck'),
      fixUrl,
    },
    blockedReasonKey: `connectMain.blocked.${check}`,
  }
}

export function appOwnedLine(facts: PreflightFacts): CheckedLine {
  const check = 'app-owned'
  const fixUrl = links.businessApps(facts.businessId)
  if (isError(facts.businessAppIds)) return cannotCheck(check, facts.businessAppIds, fixUrl)
  const params = { appName: facts.appName ?? facts.appId, businessName: facts.businessName }
  if (facts.businessAppIds.includes(facts.appId)) {
    return {
      line: {
        check,
        status: 'pass',
        titleKey: key(check, 'title'),
        detailKey: key(check, 'pass'),
        params,
      },
    }
  }
  // Meta: "You must own a Facebook app that's associated with your business portfolio to add
  // system users" (docs/user-research.md §1.1) — without it the screen is simply missing.
  return {
    line: {
      check,
      status: 'fail',
      titleKey: key(check, 'title'),
      detailKey: key(check, 'fail'),
      params,
      fixKey: key(check, 'fix'),
      fixUrl,
    },
    blockedReasonKey: 'connectMain.blocked.appNotOwned',
  }
}

const regularCount = (users: readonly SystemUser[]) =>
  users.filter((user) => user.role !== 'ADMIN').length

export function appTierLine(facts: PreflightFacts): CheckedLine {
  const check = 'app-tier'
  const known = knowTier(isError(facts.systemUsers) ? 0 : regularCount(facts.systemUsers))
  return {
    line: {
      check,
      status: 'pass',
      titleKey: key(check, 'title'),
      detailKey: key(check, `${known.tier}-${known.basis}`),
      params: { regularLimit: REGULAR_QUOTA[known.tier], adminLimit: 1 },
      fixKey: key(check, 'where'),
      fixUrl: links.appDashboard(facts.appId),
    },
  }
}

export function quotaLine(facts: PreflightFacts): CheckedLine {
  const check = 'system-user-quota'
  if (isError(facts.systemUsers)) {
    if (facts.systemUsers.code === 'permission-denied') {
      // Only a portfolio admin (full control) may list and create system users
      // (docs/graph-api.md §4.6).
      return {
        line: {
          check,
          status: 'fail',
          titleKey: key(check, 'title'),
          detailKey: key(check, 'notAdmin'),
          fixKey: key(check, 'fixNotAdmin'),
          fixUrl: links.people(facts.businessId),
        },
        blockedReasonKey: 'connectMain.blocked.notAdmin',
      }
    }
    return cannotCheck(check, facts.systemUsers, links.systemUsers(facts.businessId))
  }
  const used = regularCount(facts.systemUsers)
  const { tier } = knowTier(used)
  const limit = REGULAR_QUOTA[tier]
  const params = { used, limit, left: Math.max(0, limit - used) }
  if (used < limit) {
    return {
      line: {
        check,
        status: 'pass',
        titleKey: key(check, 'title'),
        detailKey: key(check, 'pass'),
        params,
      },
    }
  }
  return {
    line: {
      check,
      status: 'fail',
      titleKey: key(check, 'title'),
      detailKey: key(check, `full-${tier}`),
      params,
      fixKey: key(check, `fix-${tier}`),
      fixUrl:
        tier === 'limited' ? links.appDashboard(facts.appId) : links.systemUsers(facts.businessId),
    },
    blockedReasonKey: 'connectMain.blocked.quotaReached',
  }
}

export function adminLine(facts: PreflightFacts): CheckedLine {
  const check = 'admin-system-user'
  const titleKey = key(check, 'title')
  if (isError(facts.systemUsers)) {
    return {
      line: {
        check,
        status: 'warn',
        titleKey,
        detailKey: key(check, 'unknown'),
        fixKey: key(check, 'fixUnknown'),
        fixUrl: links.systemUsers(facts.businessId),
      },
    }
  }
  const admin = facts.systemUsers.find((user) => user.role === 'ADMIN')
  // Either way a regular system user can be added: the admin's own token can create it. The line
  // says whether Meta's advice (one admin system user, kept for administration) is followed yet.
  return {
    line: admin
      ? {
          check,
          status: 'pass',
          titleKey,
          detailKey: key(check, 'exists'),
          params: { name: admin.name },
        }
      : { check, status: 'pass', titleKey, detailKey: key(check, 'none') },
  }
}

export function scopesLine(facts: PreflightFacts): CheckedLine {
  const check = 'token-scopes'
  const titleKey = key(check, 'title')
  const params = { scopes: facts.token.scopes.join(', ').slice(0, 200) }
  const fail = (detail: string, fix: string): CheckedLine => ({
    line: {
      check,
      status: 'fail',
      titleKey,
      detailKey: key(check, detail),
      params: { ...params, scope: REQUIRED_SCOPE, businessName: facts.businessName },
      fixKey: key(check, fix),
      fixUrl: links.appPermissions(),
    },
    blockedReasonKey: 'connectMain.blocked.missingScope',
  })
  if (!facts.token.scopes.includes(REQUIRED_SCOPE)) return fail('missing', 'fix')
  // A person may grant business_management for some portfolios only: debug_token then lists the
  // ones it reaches (docs/graph-api.md §5, granular_scopes). This business must be among them.
  const granular = facts.token.granularScopes.find((entry) => entry.scope === REQUIRED_SCOPE)
  if (granular?.targetIds && !granular.targetIds.includes(facts.businessId)) {
    return fail('notForBusiness', 'fixBusiness')
  }
  return { line: { check, status: 'pass', titleKey, detailKey: key(check, 'pass'), params } }
}

export function twoFactorLine(facts: PreflightFacts): CheckedLine {
  const check = 'two-factor'
  const titleKey = key(check, 'title')
  const type = facts.twoFactorType ?? 'none'
  if (type === 'none') {
    return { line: { check, status: 'pass', titleKey, detailKey: key(check, 'pass') } }
  }
  const fixUrl = links.securityCenter(facts.businessId)
  if (type === 'admin_required' || type === 'all_required') {
    // Meta answers 415 / 2859009 "Two factor authentication required" when an admin system
    // user's token is generated before the admin has passed 2FA (docs/graph-api.md §6.2, §10.8).
    return {
      line: {
        check,
        status: 'fail',
        titleKey,
        detailKey: key(check, type === 'admin_required' ? 'admins' : 'everyone'),
        fixKey: key(check, 'fix'),
        fixUrl,
      },
      blockedReasonKey: 'connectMain.blocked.twoFactor',
    }
  }
  return {
    line: {
      check,
      status: 'warn',
      titleKey,
      detailKey: key(check, 'unknown'),
      params: { value: type.slice(0, 40) },
      fixKey: key(check, 'fix'),
      fixUrl,
    },
  }
}

export function appSecretLine(facts: PreflightFacts): CheckedLine {
  const check = 'app-secret-required'
  const titleKey = key(check, 'title')
  if (facts.appSecretRequired === true) {
    return { line: { check, status: 'pass', titleKey, detailKey: key(check, 'on') } }
  }
  // Meta's Login Security advice: with "Require App Secret" on, a stolen token alone cannot call
  // Graph for the app (docs/graph-api.md §4.3, SEC-15). Recommended, not required: amber, never
  // red.
  return {
    line: {
      check,
      status: 'warn',
      titleKey,
      detailKey: key(check, facts.appSecretRequired === false ? 'off' : 'unknown'),
      fixKey: key(check, 'fix'),
      fixUrl: links.appAdvanced(facts.appId),
    },
  }
}

/** Every check, in the order of PREFLIGHT_CHECKS. */
export function checkAll(facts: PreflightFacts): CheckedLine[] {
  return [
    appOwnedLine(facts),
    appTierLine(facts),
    quotaLine(facts),
    adminLine(facts),
    scopesLine(facts),
    twoFactorLine(facts),
    appSecretLine(facts),
  ]
}
