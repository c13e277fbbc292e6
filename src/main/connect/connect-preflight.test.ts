import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import { PREFLIGHT_CHECKS, type PreflightReport } from '@shared/ipc/schemas/connect'
import { isAllowedExternalUrl } from '../links/external-links'
import { adminTokenRef } from './app-credentials'
import { PRACTICE, startConnectHarness, type ConnectHarness } from '../../../tests/support/node/connect-harness'

/** The preflight against the simulator's sample business, then with each blocker set up in it. */
let h: ConnectHarness
beforeEach(async () => {
  h = await startConnectHarness()
  expect((await h.invoke('connect:sign-in', { app: PRACTICE })).ok).toBe(true)
  expect(
    (await h.invoke('connect:business-choose', { businessId: h.sim.fixtures.businessId })).ok,
  ).toBe(true)
})
afterEach(() => h.close())

async function preflight(): Promise<PreflightReport> {
  const result = await h.invoke('connect:preflight-run', {})
  if (!result.ok) throw new Error(`preflight failed: ${result.error.messageKey}`)
  return result.value
}

const line = (report: PreflightReport, check: (typeof PREFLIGHT_CHECKS)[number]) => {
  const found = report.lines.find((entry) => entry.check === check)
  if (!found) throw new Error(`no ${check} line`)
  return found
}

/** Every key a report names exists in the catalogue, and every fix link is allowlisted. */
function expectExplained(report: PreflightReport): void {
  for (const entry of report.lines) {
    expect(en[entry.titleKey], entry.titleKey).toBeTruthy()
    expect(en[entry.detailKey], entry.detailKey).toBeTruthy()
    if (entry.status !== 'pass') {
      expect(en[entry.fixKey ?? ''], `${entry.check} fix`).toBeTruthy()
      expect(isAllowedExternalUrl(entry.fixUrl ?? ''), entry.fixUrl).toBe(true)
    }
  }
  for (const reason of report.blockedReasonKeys) expect(en[reason], reason).toBeTruthy()
}

describe('preflight', () => {
  it('is all green on the sample business, one line per check, in order', async () => {
    const report = await preflight()
    expect(report.lines.map((entry) => entry.check)).toStrictEqual([...PREFLIGHT_CHECKS])
    expect(report.lines.filter((entry) => entry.status !== 'pass')).toStrictEqual([])
    expect(report).toMatchObject({
      businessId: h.sim.fixtures.businessId,
      businessName: 'Harbour Lane Bakery',
      canAddSystemUser: true,
      blockedReasonKeys: [],
    })
    expect(line(report, 'app-tier').detailKey).toBe(
      'connectMain.preflight.app-tier.limited-assumed',
    )
    expect(line(report, 'system-user-quota').params).toStrictEqual({ used: 0, limit: 1, left: 1 })
    expect(line(report, 'admin-system-user').detailKey).toBe(
      'connectMain.preflight.admin-system-user.none',
    )
    expectExplained(report)
  })

  it('a business without the app: red, with where to claim it', async () => {
    const elsewhere = h.sim.model.addBusiness({
      name: 'Another Portfolio',
      verificationStatus: 'verified',
      twoFactorType: 'none',
      twoFactorPending: false,
      mustUseExpiringTokens: false,
      adminUserIds: [],
      employeeUserIds: [],
    })
    h.sim.model.updateApp(h.sim.fixtures.appId, { businessId: elsewhere.id })
    const report = await preflight()
    expect(line(report, 'app-owned')).toMatchObject({
      status: 'fail',
      detailKey: 'connectMain.preflight.app-owned.fail',
      fixKey: 'connectMain.preflight.app-owned.fix',
      fixUrl: `https://business.facebook.com/settings/apps?business_id=${h.sim.fixtures.businessId}`,
    })
    expect(report.canAddSystemUser).toBe(false)
    expect(report.blockedReasonKeys).toStrictEqual(['connectMain.blocked.appNotOwned'])
    expectExplained(report)
  })

  it('a Limited tier with its one regular slot used: red, with how to get more', async () => {
    h.sim.model.addSystemUser({
      businessId: h.sim.fixtures.businessId,
      name: 'Reporting server',
      role: 'EMPLOYEE',
    })
    const report = await preflight()
    expect(line(report, 'system-user-quota')).toMatchObject({
      status: 'fail',
      detailKey: 'connectMain.preflight.system-user-quota.full-limited',
      params: { used: 1, limit: 1, left: 0 },
      fixKey: 'connectMain.preflight.system-user-quota.fix-limited',
    })
    expect(report.blockedReasonKeys).toStrictEqual(['connectMain.blocked.quotaReached'])
    expect(report.canAddSystemUser).toBe(false)
    expectExplained(report)
  })

  it('2FA required by the business: red, with the Security Center', async () => {
    h.sim.model.updateBusiness(h.sim.fixtures.businessId, { twoFactorType: 'admin_required' })
    const report = await preflight()
    expect(line(report, 'two-factor')).toMatchObject({
      status: 'fail',
      detailKey: 'connectMain.preflight.two-factor.admins',
      fixKey: 'connectMain.preflight.two-factor.fix',
    })
    expect(report.blockedReasonKeys).toStrictEqual(['connectMain.blocked.twoFactor'])
    expectExplained(report)
  })

  it('all three blockers at once: every reason listed, in the order of the lines', async () => {
    const elsewhere = h.sim.model.addBusiness({
      name: 'Elsewhere',
      verificationStatus: 'verified',
      twoFactorType: 'none',
      twoFactorPending: false,
      mustUseExpiringTokens: false,
      adminUserIds: [],
      employeeUserIds: [],
    })
    h.sim.model.updateApp(h.sim.fixtures.appId, { businessId: elsewhere.id })
    h.sim.model.addSystemUser({
      businessId: h.sim.fixtures.businessId,
      name: 'A',
      role: 'EMPLOYEE',
    })
    h.sim.model.updateBusiness(h.sim.fixtures.businessId, { twoFactorType: 'all_required' })
    const report = await preflight()
    expect(report.blockedReasonKeys).toStrictEqual([
      'connectMain.blocked.appNotOwned',
      'connectMain.blocked.quotaReached',
      'connectMain.blocked.twoFactor',
    ])
    expect(report.canAddSystemUser).toBe(false)
  })

  it('"Require App Secret" off: amber, recommended, not blocking', async () => {
    h.sim.model.updateApp(h.sim.fixtures.appId, { requireAppSecret: false })
    const report = await preflight()
    expect(line(report, 'app-secret-required')).toMatchObject({
      status: 'warn',
      detailKey: 'connectMain.preflight.app-secret-required.off',
    })
    expect(report.canAddSystemUser).toBe(true)
    expectExplained(report)
  })

  it('an existing admin system user and more than one regular one: Full tier inferred', async () => {
    for (const [name, role] of [
      ['Admin', 'ADMIN'],
      ['One', 'EMPLOYEE'],
      ['Two', 'EMPLOYEE'],
    ] as const) {
      h.sim.model.addSystemUser({ businessId: h.sim.fixtures.businessId, name, role })
    }
    const report = await preflight()
    expect(line(report, 'app-tier').detailKey).toBe('connectMain.preflight.app-tier.full-inferred')
    expect(line(report, 'system-user-quota')).toMatchObject({
      status: 'pass',
      params: { used: 2, limit: 10, left: 8 },
    })
    expect(line(report, 'admin-system-user')).toMatchObject({
      detailKey: 'connectMain.preflight.admin-system-user.exists',
      params: { name: 'Admin' },
    })
  })

  it('a token revoked since connecting ends the run with that reason', async () => {
    const token = await h.secrets.get(adminTokenRef('practice', h.sim.fixtures.appId))
    h.sim.model.revokeToken(token ?? '')
    expect(await h.invoke('connect:preflight-run', {})).toMatchObject({
      ok: false,
      error: { code: 'auth-invalid', messageKey: 'connectMain.error.tokenRevoked' },
    })
  })
})
