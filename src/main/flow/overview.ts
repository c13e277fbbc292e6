import { ASSIGNABLE_KINDS } from '@shared/catalog'
import type { FlowOverview, SystemUserOverview } from '@shared/ipc/schemas/flow'
import { ok, type AppError, type Result } from '@shared/result'
import type { AdminSession } from '../admin-session'
import { listAssignedApps } from '../graph/apps'
import { listAssignedAssets } from '../graph/assignments'
import { listSystemUsers, type SystemUser } from '../graph/system-users'
import type { VaultIndex } from '../vault/vault-index'
import type { KnownSystemUsers } from './known-system-users'

/**
 * Step 2, the system users overview: each system user's role, what Meta says it holds
 * (`/{su}/assigned_*`, docs/graph-api.md §2.6), its installed apps, and which of its tokens the
 * vault keeps; with the quota used and left. Meta has no API to delete a system user
 * (docs/graph-api.md §2.2), so the overview says so and points to Business Settings.
 */

/** Regular system users per Marketing API access tier (docs/graph-api.md §8.1). */
const REGULAR_QUOTA = { limited: 1, full: 10 } as const

/**
 * Meta exposes no field with the app's tier. Like Connect's preflight we assume Limited (the safe
 * side: never promise a slot the business lacks) unless more regular system users than Limited
 * allows already exist, which proves Full; Connect may pass what it knows instead.
 */
export const regularLimitFor = (used: number, known?: number): number =>
  known ?? (used > REGULAR_QUOTA.limited ? REGULAR_QUOTA.full : REGULAR_QUOTA.limited)

/** Errors that concern the whole session, not one edge: they stop the overview. */
const FATAL: ReadonlySet<AppError['code']> = new Set([
  'auth-expired',
  'auth-invalid',
  'two-factor-required',
  'rate-limited',
  'network',
  'timeout',
  'cancelled',
])

async function describe(
  session: AdminSession,
  vault: VaultIndex,
  user: SystemUser,
): Promise<Result<SystemUserOverview>> {
  const { client, credentials, businessId } = session
  const assets: SystemUserOverview['assets'] = []
  for (const kind of ASSIGNABLE_KINDS) {
    const listed = await listAssignedAssets(client, credentials, {
      systemUserId: user.id,
      kind,
      businessId,
    })
    if (!listed.ok && FATAL.has(listed.error.code)) return listed
    assets.push({
      kind,
      readable: listed.ok,
      assets: listed.ok
        ? listed.value.map((asset) => ({
            id: asset.id,
            tasks: [...asset.tasks],
            ...(asset.name !== undefined ? { name: asset.name.slice(0, 200) } : {}),
          }))
        : [],
    })
  }
  const apps = await listAssignedApps(client, credentials, user.id)
  if (!apps.ok && FATAL.has(apps.error.code)) return apps
  const vaultRecordIds = vault
    .list()
    .filter((record) => record.businessId === businessId && record.systemUserId === user.id)
    .map((record) => record.id)
  return ok({
    id: user.id,
    name: user.name,
    role: user.role,
    ...(user.createdTime ? { createdTime: user.createdTime } : {}),
    assets,
    apps: apps.ok
      ? apps.value.map((app) => ({ id: app.id, ...(app.name ? { name: app.name } : {}) }))
      : [],
    vaultRecordIds,
  })
}

export async function readOverview(
  session: AdminSession,
  vault: VaultIndex,
  regularLimit?: number,
  known?: KnownSystemUsers,
): Promise<Result<FlowOverview>> {
  // Through main's kept list when given, so run-start can check names against this very read.
  const listed = known
    ? await known.read(session)
    : await listSystemUsers(session.client, session.credentials, session.businessId)
  if (!listed.ok) return listed
  const systemUsers: SystemUserOverview[] = []
  for (const user of listed.value.systemUsers) {
    const described = await describe(session, vault, user)
    if (!described.ok) return described
    systemUsers.push(described.value)
  }
  const regularUsed = systemUsers.filter((user) => user.role === 'EMPLOYEE').length
  const adminUsed = systemUsers.filter((user) => user.role === 'ADMIN').length
  const limit = regularLimitFor(regularUsed, regularLimit)
  return ok({
    businessId: session.businessId,
    businessName: session.businessName,
    practice: session.mode === 'practice',
    systemUsers,
    quota: {
      regular: { used: regularUsed, limit, left: Math.max(0, limit - regularUsed) },
      admin: { used: adminUsed, limit: 1, left: Math.max(0, 1 - adminUsed) },
    },
    canDelete: false,
    deleteReasonKey: 'flowMain.overview.cannotDelete',
    deleteHelpUrl: `https://business.facebook.com/settings/system-users?business_id=${encodeURIComponent(session.businessId)}`,
  })
}
