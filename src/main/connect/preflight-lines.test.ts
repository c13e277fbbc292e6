import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { PREFLIGHT_CHECKS, PreflightLine } from '@shared/ipc/schemas/connect'
import type { AppError } from '@shared/result'
import type { SystemUser } from '../graph/system-users'
import { isAllowedExternalUrl } from '../links/external-links'
import { knowTier } from './app-tier'
import { checkAll, type PreflightFacts } from './preflight-lines'

const BUSINESS = '104000000000001'
const APP = '104000000000003'

const facts = (patch: Partial<PreflightFacts> = {}): PreflightFacts => ({
  businessId: BUSINESS,
  businessName: 'Harbour Lane Bakery',
  twoFactorType: 'none',
  appId: APP,
  appName: 'Harbour Lane Orders',
  businessAppIds: [APP],
  systemUsers: [],
  token: { scopes: ['business_management'], granularScopes: [{ scope: 'business_management' }] },
  appSecretRequired: true,
  ...patch,
})

const users = (regular: number, admins = 0): SystemUser[] => [
  ...Array.from({ length: regular }, (_, index) => ({
    id: `r${index}`,
    name: `R${index}`,
    role: 'EMPLOYEE',
  })),
  ...Array.from({ length: admins }, (_, index) => ({
    id: `a${index}`,
    name: `A${index}`,
    role: 'ADMIN',
  })),
]

const lineOf = (patch: Partial<PreflightFacts>, check: string) =>
  checkAll(facts(patch)).find((entry) => entry.line.check === check)!

const denied: AppError = {
  code: 'permission-denied',
  messageKey: 'graph.code.noAccess',
  hintKey: 'graph.hint.useAdminAccount',
  params: { code: 200 },
}
const invalid: AppError = {
  code: 'graph-invalid-request',
  messageKey: 'graph.code.invalidParameter',
}

describe('knowTier', () => {
  it('assumes Limited until more regular system users exist than Limited allows', () => {
    expect(knowTier(0)).toStrictEqual({ tier: 'limited', basis: 'assumed' })
    expect(knowTier(1)).toStrictEqual({ tier: 'limited', basis: 'assumed' })
    expect(knowTier(2)).toStrictEqual({ tier: 'full', basis: 'inferred' })
  })
})

describe('checkAll', () => {
  it('gives one schema-valid line per check, in order; all green for a healthy business', () => {
    const checked = checkAll(facts())
    expect(checked.map((entry) => entry.line.check)).toStrictEqual([...PREFLIGHT_CHECKS])
    for (const { line, blockedReasonKey } of checked) {
      expect(PreflightLine.safeParse(line).success).toBe(true)
      expect(line.status).toBe('pass')
      expect(blockedReasonKey).toBeUndefined()
    }
  })

  it.each<[string, Partial<PreflightFacts>, string, string, string]>([
    [
      'not an admin of the business',
      { systemUsers: denied },
      'system-user-quota',
      'connectMain.preflight.system-user-quota.notAdmin',
      'connectMain.blocked.notAdmin',
    ],
    [
      'all ten Full slots used',
      { systemUsers: users(10) },
      'system-user-quota',
      'connectMain.preflight.system-user-quota.full-full',
      'connectMain.blocked.quotaReached',
    ],
    [
      'apps unreadable',
      { businessAppIds: invalid },
      'app-owned',
      'graph.code.invalidParameter',
      'connectMain.blocked.app-owned',
    ],
    [
      'system users unreadable',
      { systemUsers: invalid },
      'system-user-quota',
      'graph.code.invalidParameter',
      'connectMain.blocked.system-user-quota',
    ],
    [
      'scope missing',
      { token: { scopes: ['ads_read'], granularScopes: [] } },
      'token-scopes',
      'connectMain.preflight.token-scopes.missing',
      'connectMain.blocked.missingScope',
    ],
    [
      'scope granted for other businesses only',
      {
        token: {
          scopes: ['business_management'],
          granularScopes: [{ scope: 'business_management', targetIds: ['999'] }],
        },
      },
      'token-scopes',
      'connectMain.preflight.token-scopes.notForBusiness',
      'connectMain.blocked.missingScope',
    ],
    [
      '2FA for everyone',
      { twoFactorType: 'all_required' },
      'two-factor',
      'connectMain.preflight.two-factor.everyone',
      'connectMain.blocked.twoFactor',
    ],
  ])('red: %s', (_name, patch, check, detailKey, reason) => {
    const { line, blockedReasonKey } = lineOf(patch, check)
    expect(line).toMatchObject({ status: 'fail', detailKey })
    expect(blockedReasonKey).toBe(reason)
    expect(en[line.detailKey]).toBeTruthy()
    expect(en[line.fixKey ?? '']).toBeTruthy()
    expect(en[reason]).toBeTruthy()
    expect(isAllowedExternalUrl(line.fixUrl ?? '')).toBe(true)
  })

  it.each<[string, Partial<PreflightFacts>, string, string]>([
    [
      'unknown 2FA setting',
      { twoFactorType: 'something_new' },
      'two-factor',
      'connectMain.preflight.two-factor.unknown',
    ],
    [
      'proof setting unknown',
      { appSecretRequired: undefined },
      'app-secret-required',
      'connectMain.preflight.app-secret-required.unknown',
    ],
    [
      'admin presence unknown',
      { systemUsers: denied },
      'admin-system-user',
      'connectMain.preflight.admin-system-user.unknown',
    ],
  ])('amber: %s', (_name, patch, check, detailKey) => {
    const { line, blockedReasonKey } = lineOf(patch, check)
    expect(line).toMatchObject({ status: 'warn', detailKey })
    expect(blockedReasonKey).toBeUndefined()
    expect(en[line.fixKey ?? '']).toBeTruthy()
    expect(isAllowedExternalUrl(line.fixUrl ?? '')).toBe(true)
  })

  it('a granular grant that includes this business passes', () => {
    const granted = {
      scopes: ['business_management'],
      granularScopes: [{ scope: 'business_management', targetIds: ['1', BUSINESS] }],
    }
    expect(lineOf({ token: granted }, 'token-scopes').line.status).toBe('pass')
  })

  it('an app that is a client app of the business counts as claimed', () => {
    expect(lineOf({ businessAppIds: ['1', APP] }, 'app-owned').line.status).toBe('pass')
  })

  it('admin system users do not use regular slots', () => {
    expect(lineOf({ systemUsers: users(0, 1) }, 'system-user-quota').line).toMatchObject({
      status: 'pass',
      params: { used: 0, limit: 1, left: 1 },
    })
  })
})
