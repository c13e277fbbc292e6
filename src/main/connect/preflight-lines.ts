import { PREFLIGHT_CHECKS, type PreflightLine } from '@shared/ipc/schemas/connect'
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
 *
 * One rule per check (RULES) says what its line says, in parts of that check's message keys; one
 * builder (lineOf) turns that into the line, so the keys' shape is written once.
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

type Check = PreflightLine['check']

/** A part of the check's own keys (`connectMain.preflight.<check>.<part>`), or a whole key. */
type Words = string | { readonly key: string }

/** What one line says: green (pass), amber (warn, worth knowing) or red (fail, blocks). */
interface LineSpec {
  readonly status: PreflightLine['status']
  readonly detail: Words
  readonly params?: NonNullable<PreflightLine['params']>
  readonly fix?: Words
  readonly fixUrl?: string
  /** Red lines: the reason "Add a system user" shows, `connectMain.blocked.<blocked>`. */
  readonly blocked?: string
}

const key = (check: Check, part: string) => `connectMain.preflight.${check}.${part}`

/** The one builder: every line has its check's title; the other fields only when said. */
function lineOf(check: Check, spec: LineSpec): CheckedLine {
  const keyOf = (words: Words) => (typeof words === 'string' ? key(check, words) : words.key)
  return {
    line: {
      check,
      status: spec.status,
      titleKey: key(check, 'title'),
      detailKey: keyOf(spec.detail),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.fix !== undefined ? { fixKey: keyOf(spec.fix) } : {}),
      ...(spec.fixUrl !== undefined ? { fixUrl: spec.fixUrl } : {}),
    },
    ...(spec.blocked !== undefined
      ? { blockedReasonKey: `connectMain.blocked.${spec.blocked}` }
      : {}),
  }
}

const isError = <T>(value: T | AppError): value is AppError =>
  typeof value === 'object' && value !== null && 'messageKey' in value && 'code' in value

/** A fact Meta would not give: red, with Meta's reason and its next step. */
const cannotCheck = (check: Check, error: AppError, fixUrl: string): LineSpec => ({
  status: 'fail',
  detail: { key: error.messageKey },
  ...(error.params ? { params: { ...error.params } } : {}),
  fix: error.hintKey ? { key: error.hintKey } : 'fixCannotCheck',
  fixUrl,
  blocked: check,
})

const regularCount = (users: readonly SystemUser[]) =>
  users.filter((user) => user.role !== 'ADMIN').length

function appOwned(facts: PreflightFacts): LineSpec {
  const fixUrl = links.businessApps(facts.businessId)
  if (isError(facts.businessAppIds)) return cannotCheck('app-owned', facts.businessAppIds, fixUrl)
  const params = { appName: facts.appName ?? facts.appId, businessName: facts.businessName }
  if (facts.businessAppIds.includes(facts.appId)) return { status: 'pass', detail: 'pass', params }
  // Meta: "You must own a Facebook app that's associated with your business portfolio to add
  // system users" (docs/user-research.md §1.1) — without it the screen is simply missing.
  return { status: 'fail', detail: 'fail', params, fix: 'fix', fixUrl, blocked: 'appNotOwned' }
}

function appTier(facts: PreflightFacts): LineSpec {
  const known = knowTier(isError(facts.systemUsers) ? 0 : regularCount(facts.systemUsers))
  return {
    status: 'pass',
    detail: `${known.tier}-${known.basis}`,
    params: { regularLimit: REGULAR_QUOTA[known.tier], adminLimit: 1 },
    fix: 'where',
    fixUrl: links.appDashboard(facts.appId),
  }
}

function quota(facts: PreflightFacts): LineSpec {
  if (isError(facts.systemUsers)) {
    // Only a portfolio admin (full control) may list and create system users
    // (docs/graph-api.md §4.6).
    return facts.systemUsers.code === 'permission-denied'
      ? {
          status: 'fail',
          detail: 'notAdmin',
          fix: 'fixNotAdmin',
          fixUrl: links.people(facts.businessId),
          blocked: 'notAdmin',
        }
      : cannotCheck('system-user-quota', facts.systemUsers, links.systemUsers(facts.businessId))
  }
  const used = regularCount(facts.systemUsers)
  const { tier } = knowTier(used)
  const limit = REGULAR_QUOTA[tier]
  const params = { used, limit, left: Math.max(0, limit - used) }
  if (used < limit) return { status: 'pass', detail: 'pass', params }
  return {
    status: 'fail',
    detail: `full-${tier}`,
    params,
    fix: `fix-${tier}`,
    fixUrl:
      tier === 'limited' ? links.appDashboard(facts.appId) : links.systemUsers(facts.businessId),
    blocked: 'quotaReached',
  }
}

function adminSystemUser(facts: PreflightFacts): LineSpec {
  if (isError(facts.systemUsers)) {
    return {
      status: 'warn',
      detail: 'unknown',
      fix: 'fixUnknown',
      fixUrl: links.systemUsers(facts.businessId),
    }
  }
  const admin = facts.systemUsers.find((user) => user.role === 'ADMIN')
  // Either way a regular system user can be added: the admin's own token can create it. The line
  // says whether Meta's advice (one admin system user, kept for administration) is followed yet.
  return admin
    ? { status: 'pass', detail: 'exists', params: { name: admin.name } }
    : { status: 'pass', detail: 'none' }
}

function tokenScopes(facts: PreflightFacts): LineSpec {
  const params = { scopes: facts.token.scopes.join(', ').slice(0, 200) }
  const fail = (detail: string, fix: string): LineSpec => ({
    status: 'fail',
    detail,
    params: { ...params, scope: REQUIRED_SCOPE, businessName: facts.businessName },
    fix,
    fixUrl: links.appPermissions(),
    blocked: 'missingScope',
  })
  if (!facts.token.scopes.includes(REQUIRED_SCOPE)) return fail('missing', 'fix')
  // A person may grant business_management for some portfolios only: debug_token then lists the
  // ones it reaches (docs/graph-api.md §5, granular_scopes). This business must be among them.
  const granular = facts.token.granularScopes.find((entry) => entry.scope === REQUIRED_SCOPE)
  if (granular?.targetIds && !granular.targetIds.includes(facts.businessId)) {
    return fail('notForBusiness', 'fixBusiness')
  }
  return { status: 'pass', detail: 'pass', params }
}

function twoFactor(facts: PreflightFacts): LineSpec {
  const type = facts.twoFactorType ?? 'none'
  if (type === 'none') return { status: 'pass', detail: 'pass' }
  const fixUrl = links.securityCenter(facts.businessId)
  if (type === 'admin_required' || type === 'all_required') {
    // Meta answers 415 / 2859009 "Two factor authentication required" when an admin system
    // user's token is generated before the admin has passed 2FA (docs/graph-api.md §6.2, §10.8).
    return {
      status: 'fail',
      detail: type === 'admin_required' ? 'admins' : 'everyone',
      fix: 'fix',
      fixUrl,
      blocked: 'twoFactor',
    }
  }
  return {
    status: 'warn',
    detail: 'unknown',
    params: { value: type.slice(0, 40) },
    fix: 'fix',
    fixUrl,
  }
}

function appSecretRequired(facts: PreflightFacts): LineSpec {
  if (facts.appSecretRequired === true) return { status: 'pass', detail: 'on' }
  // Meta's Login Security advice: with "Require App Secret" on, a stolen token alone cannot call
  // Graph for the app (docs/graph-api.md §4.3, SEC-15). Recommended, not required: amber, never
  // red.
  return {
    status: 'warn',
    detail: facts.appSecretRequired === false ? 'off' : 'unknown',
    fix: 'fix',
    fixUrl: links.appAdvanced(facts.appId),
  }
}

/** One rule per check: a check without its rule does not compile. */
const RULES: Readonly<Record<Check, (facts: PreflightFacts) => LineSpec>> = {
  'app-owned': appOwned,
  'app-tier': appTier,
  'system-user-quota': quota,
  'admin-system-user': adminSystemUser,
  'token-scopes': tokenScopes,
  'two-factor': twoFactor,
  'app-secret-required': appSecretRequired,
}

/** Every check, in the order of PREFLIGHT_CHECKS. */
export function checkAll(facts: PreflightFacts): CheckedLine[] {
  return PREFLIGHT_CHECKS.map((check) => lineOf(check, RULES[check](facts)))
}
